import type { LearnerImportIssue } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../shared/errors/translateError';

/** Where the problem is (line, ELEVE_ID, column) then what is wrong, in one sentence per issue. */
function useIssueSentence() {
  const { t, i18n } = useTranslation();
  return (issue: LearnerImportIssue, kind: 'error' | 'warning') => {
    const where = [
      issue.line !== undefined ? t('orga.imports.issue.line', { line: issue.line }) : null,
      issue.elementId !== undefined ? t('orga.imports.issue.elementId', { elementId: issue.elementId }) : null,
      issue.column !== undefined ? t('orga.imports.issue.column', { column: issue.column }) : null,
    ].filter((part): part is string => part !== null);
    const specific = `orga.imports.issueMessages.${issue.code}`;
    const what =
      kind === 'warning'
        ? t(`orga.imports.warnings.${issue.code}`, { ...issue.meta, defaultValue: issue.code })
        : i18n.exists(specific)
          ? t(specific)
          : translateError(t, { status: '422', code: issue.code, ...(issue.meta ? { meta: issue.meta } : {}) }, i18n.language);
    const expected = typeof issue.meta?.expected === 'string' ? ` (${t('orga.imports.issue.expected', { expected: issue.meta.expected })})` : '';
    return where.length > 0 ? `${where.join(', ')} : ${what}${expected}` : `${what}${expected}`;
  };
}

export function ImportIssueList({ issues, kind, testId }: { issues: LearnerImportIssue[]; kind: 'error' | 'warning'; testId: string }) {
  const sentence = useIssueSentence();
  return (
    <ul className="import-issues" data-testid={testId}>
      {issues.map((issue, index) => (
        <li key={`${index}-${issue.code}`}>{sentence(issue, kind)}</li>
      ))}
    </ul>
  );
}
