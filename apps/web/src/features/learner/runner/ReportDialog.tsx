import { useId, useState } from 'react';
import { REPORT_CATEGORIES } from '@jalon/contracts/constants';
import { useTranslation } from 'react-i18next';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { Dialog } from '../../shared/ui/Dialog';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { SelectField } from '../../shared/ui/SelectField';
import { useReportChallenge } from './assessmentQueries';

const COMMENT_MAX = 10_000;
const FIELDS = ['category', 'comment'] as const;

/** « Signaler un problème »: a category and an optional comment, sent to the content team. */
export function ReportDialog({ assessmentId, challengeId, onClose, onSent }: { assessmentId: string; challengeId: string; onClose: () => void; onSent: () => void }) {
  const { t } = useTranslation();
  const commentId = useId();
  const [category, setCategory] = useState<string>(REPORT_CATEGORIES[0]);
  const [comment, setComment] = useState('');
  const report = useReportChallenge(assessmentId);
  const errors = useApiErrors(report.error, FIELDS);
  const submit = () => report.mutate({ challengeId, category, comment: comment.trim() }, { onSuccess: onSent });
  return (
    <Dialog title={t('learner.report.title')} onClose={onClose} testId="report-dialog">
      <Form onSubmit={submit} error={report.error} testId="report-form">
        <ErrorSummary messages={errors.general} />
        <SelectField
          label={t('learner.report.category')}
          name="category"
          value={category}
          onChange={setCategory}
          options={REPORT_CATEGORIES.map((value) => ({ value, label: t(`learner.report.categories.${value}`) }))}
          error={errors.fields.category}
        />
        <div className={errors.fields.comment ? 'field field--invalid' : 'field'}>
          <label htmlFor={commentId} className="field__label">
            {t('learner.report.comment')}
          </label>
          <textarea
            id={commentId}
            name="comment"
            className="field__input"
            rows={5}
            maxLength={COMMENT_MAX}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            aria-describedby={`${commentId}-hint`}
            aria-invalid={errors.fields.comment ? true : undefined}
          />
          <p id={`${commentId}-hint`} className="field__hint">
            {t('learner.report.commentHint', { count: COMMENT_MAX - comment.length })}
          </p>
          {errors.fields.comment ? <p className="field__error">{errors.fields.comment}</p> : null}
        </div>
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" busy={report.isPending} data-testid="report-submit">
            {t('learner.report.submit')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
