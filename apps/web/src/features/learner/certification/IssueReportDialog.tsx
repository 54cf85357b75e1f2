import { useId, useState } from 'react';
import { CERTIFICATION_ISSUE_CATEGORIES, type CertificationIssueCategory } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { Dialog } from '../../shared/ui/Dialog';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { SelectField } from '../../shared/ui/SelectField';
import { useReportIssue } from './certificationQueries';

const DESCRIPTION_MAX = 2000;
const FIELDS = ['category', 'description'] as const;

/** « Signaler un problème » during the test: sent to the invigilator, and the test pauses. */
export function IssueReportDialog({ courseId, challengeId, onClose }: { courseId: string; challengeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const descriptionId = useId();
  const [category, setCategory] = useState<CertificationIssueCategory>(CERTIFICATION_ISSUE_CATEGORIES[0]);
  const [description, setDescription] = useState('');
  const report = useReportIssue(courseId);
  const errors = useApiErrors(report.error, FIELDS);
  const submit = () => report.mutate({ challengeId, category, description: description.trim() }, { onSuccess: onClose });
  return (
    <Dialog title={t('learner.certificationTest.report.title')} onClose={onClose} testId="certification-report-dialog">
      <Form onSubmit={submit} error={report.error} testId="certification-report-form">
        <p>{t('learner.certificationTest.report.intro')}</p>
        <ErrorSummary messages={errors.general} />
        <SelectField
          label={t('learner.certificationTest.report.category')}
          name="category"
          value={category}
          onChange={(value) => setCategory(value as CertificationIssueCategory)}
          options={CERTIFICATION_ISSUE_CATEGORIES.map((value) => ({ value, label: t(`learner.certificationTest.report.categories.${value}`) }))}
          error={errors.fields.category}
        />
        <div className={errors.fields.description ? 'field field--invalid' : 'field'}>
          <label htmlFor={descriptionId} className="field__label">
            {t('learner.certificationTest.report.description')}
          </label>
          <textarea
            id={descriptionId}
            name="description"
            className="field__input"
            rows={4}
            maxLength={DESCRIPTION_MAX}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            aria-describedby={`${descriptionId}-hint`}
            aria-invalid={errors.fields.description ? true : undefined}
          />
          <p id={`${descriptionId}-hint`} className="field__hint">
            {t('learner.certificationTest.report.descriptionHint', { count: DESCRIPTION_MAX - description.length })}
          </p>
          {errors.fields.description ? <p className="field__error">{errors.fields.description}</p> : null}
        </div>
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" busy={report.isPending} data-testid="certification-report-submit">
            {t('learner.certificationTest.report.submit')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
