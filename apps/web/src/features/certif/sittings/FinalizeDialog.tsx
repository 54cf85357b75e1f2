import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sitting } from '@jalon/contracts';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { FieldMessages } from '../../shared/ui/FieldMessages';
import { describedBy } from '../../shared/ui/fieldIds';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useFinalize } from '../certifQueries';
import { useCertif } from '../shell/certifContext';

/** « Finaliser la session »: asked once more, with the centre's comments on incidents and absences. */
export function FinalizeDialog({ sitting, onClose }: { sitting: Sitting; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { centre } = useCertif();
  const finalize = useFinalize(centre.organization.id, sitting.id);
  const [comment, setComment] = useState('');
  const errors = useApiErrors(finalize.error, ['comment']);

  return (
    <ConfirmDialog
      title={t('certif.console.finalizeTitle', { number: sitting.number })}
      confirmLabel={t('certif.console.finalizeConfirm')}
      destructive={false}
      onCancel={onClose}
      onConfirm={() => finalize.mutate(comment, { onSuccess: onClose })}
      busy={finalize.isPending}
      error={errors.general.length > 0 ? finalize.error : undefined}
    >
      <p>{t('certif.console.finalizeText')}</p>
      <div className={errors.fields.comment ? 'field field--invalid' : 'field'}>
        <label htmlFor={id} className="field__label">
          {t('certif.console.finalizeComment')}
        </label>
        <textarea
          id={id}
          name="comment"
          className="field__input"
          rows={4}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          aria-invalid={errors.fields.comment ? true : undefined}
          aria-describedby={describedBy(id, undefined, errors.fields.comment)}
          data-testid="finalize-comment"
        />
        <FieldMessages id={id} error={errors.fields.comment} />
      </div>
    </ConfirmDialog>
  );
}
