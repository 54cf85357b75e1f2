import type { LearnerImport } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format/formatDate';
import { ImportIssueList } from './ImportIssueList';
import { isRunning, useLatestImport } from './importQueries';
import './imports.css';

const COUNT_KEYS = ['created', 'updated', 'enabled', 'disabled', 'skippedWithoutClass', 'skippedLeft'] as const;

function tone(learnerImport: LearnerImport): 'info' | 'success' | 'error' {
  if (learnerImport.status === 'IMPORTED') return 'success';
  return isRunning(learnerImport) ? 'info' : 'error';
}

/**
 * The latest learner import of the organization (`learners-and-accounts.md` §2): status,
 * author, date, progress while it runs, counts once imported, errors and warnings.
 * Shows nothing when the organization never imported.
 */
export function ImportStatusBanner({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation();
  const latest = useLatestImport(organizationId);
  const learnerImport = latest.data?.import;
  if (!learnerImport) return null;
  const running = isRunning(learnerImport);
  const author = `${learnerImport.author.firstName} ${learnerImport.author.lastName}`;
  const counts = learnerImport.counts;

  return (
    <section
      className={`import-banner alert alert--${tone(learnerImport)}`}
      aria-labelledby="import-banner-title"
      aria-busy={running || undefined}
      data-testid="import-banner"
      data-status={learnerImport.status}
    >
      <h2 id="import-banner-title" className="import-banner__title">
        {t('orga.imports.banner.title')}
      </h2>
      <p role="status" data-testid="import-banner-status">
        {t(`orga.imports.banner.status.${learnerImport.status}`)}
      </p>
      <p className="import-banner__by">
        {t('orga.imports.banner.by', { fileName: learnerImport.fileName, author, date: formatDateTime(learnerImport.createdAt, i18n.language) })}
      </p>
      {running ? (
        <progress className="import-banner__progress" max={100} value={learnerImport.progress} aria-label={t('orga.imports.banner.progress')} data-testid="import-banner-progress">
          {`${learnerImport.progress} %`}
        </progress>
      ) : null}
      {counts ? (
        <ul className="import-banner__counts" data-testid="import-banner-counts">
          {COUNT_KEYS.filter((key) => counts[key] > 0 || key === 'created' || key === 'updated').map((key) => (
            <li key={key}>{t(`orga.imports.banner.counts.${key}`, { count: counts[key] })}</li>
          ))}
        </ul>
      ) : null}
      {learnerImport.errors.length > 0 ? (
        <>
          <h3 className="import-banner__subtitle">{t('orga.imports.banner.errors')}</h3>
          <ImportIssueList issues={learnerImport.errors} kind="error" testId="import-banner-errors" />
          {learnerImport.errorCount > learnerImport.errors.length ? (
            <p>{t('orga.imports.banner.moreErrors', { shown: learnerImport.errors.length, count: learnerImport.errorCount })}</p>
          ) : null}
        </>
      ) : null}
      {learnerImport.warnings.length > 0 ? (
        <>
          <h3 className="import-banner__subtitle">{t('orga.imports.banner.warnings')}</h3>
          <ImportIssueList issues={learnerImport.warnings} kind="warning" testId="import-banner-warnings" />
        </>
      ) : null}
    </section>
  );
}
