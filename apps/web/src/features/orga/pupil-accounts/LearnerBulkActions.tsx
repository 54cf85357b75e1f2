import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CredentialsAction } from '@jalon/contracts';
import { Button } from '../../shared/ui/Button';
import { Dialog } from '../../shared/ui/Dialog';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { useBulkCredentials, type CredentialsOutcome } from './pupilAccountQueries';
import './pupilAccounts.css';

interface LearnerBulkActionsProps {
  organizationId: string;
  selectedLearnerIds: string[];
  /** Called once the teacher has read the outcome, so the list can clear its selection. */
  onDone: () => void;
}

/**
 * « Générer les identifiants » and « Réinitialiser les mots de passe » for the selected
 * pupils: a confirmation saying what will change and for how many, then the CSV download
 * and a reminder that it holds passwords.
 */
export function LearnerBulkActions({ organizationId, selectedLearnerIds, onDone }: LearnerBulkActionsProps) {
  const { t } = useTranslation();
  const [action, setAction] = useState<CredentialsAction | null>(null);
  const [outcome, setOutcome] = useState<CredentialsOutcome | null>(null);
  const bulk = useBulkCredentials(organizationId, t('orga.pupilAccounts.bulk.fileName'));
  const count = selectedLearnerIds.length;
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The confirm button is gone once the file is saved: focus moves to the outcome so it is read out.
  useEffect(() => {
    if (outcome !== null) outcomeRef.current?.focus();
  }, [outcome]);

  function open(chosen: CredentialsAction) {
    bulk.reset();
    setOutcome(null);
    setAction(chosen);
  }

  function close() {
    const finished = outcome !== null;
    setAction(null);
    setOutcome(null);
    if (finished) onDone();
  }

  function confirm() {
    if (action === null) return;
    bulk.mutate({ action, learnerIds: selectedLearnerIds }, { onSuccess: setOutcome });
  }

  const title =
    action === 'RESET' ? t('orga.pupilAccounts.bulk.resetTitle', { count }) : t('orga.pupilAccounts.bulk.generateTitle', { count });
  return (
    <div className="pupil-bulk" role="group" aria-label={t('orga.pupilAccounts.bulk.label')} data-testid="learner-bulk-credentials">
      <Button variant="secondary" onClick={() => open('GENERATE')} disabled={count === 0} data-testid="bulk-generate-credentials">
        {t('orga.pupilAccounts.bulk.generate')}
      </Button>
      <Button variant="secondary" onClick={() => open('RESET')} disabled={count === 0} data-testid="bulk-reset-passwords">
        {t('orga.pupilAccounts.bulk.reset')}
      </Button>
      {action !== null && (
        // While the file is being made, closing would lose it: the passwords are already changed.
        <Dialog title={title} onClose={bulk.isPending ? () => undefined : close} testId="bulk-credentials-dialog">
          <ErrorSummary error={bulk.error} />
          <div className="dialog__body">
            {outcome === null ? (
              <>
                <p>{t(action === 'RESET' ? 'orga.pupilAccounts.bulk.resetBody' : 'orga.pupilAccounts.bulk.generateBody')}</p>
                <p>{t('orga.pupilAccounts.bulk.fileNotice')}</p>
                {bulk.isPending && (
                  <p role="status">
                    {t('orga.pupilAccounts.bulk.working')} <progress aria-label={t('orga.pupilAccounts.bulk.working')} />
                  </p>
                )}
              </>
            ) : (
              <div ref={outcomeRef} tabIndex={-1} role="status" data-testid="bulk-credentials-outcome">
                <p>{t('orga.pupilAccounts.bulk.done', { count: outcome.updated })}</p>
                {outcome.untouched > 0 && <p>{t('orga.pupilAccounts.bulk.untouched', { count: outcome.untouched })}</p>}
              </div>
            )}
            <p className="alert alert--info pupil-account__warning">{t('orga.pupilAccounts.bulk.privacy')}</p>
          </div>
          <div className="dialog__actions pupil-account__actions">
            {outcome === null ? (
              <>
                <Button variant="secondary" onClick={close} disabled={bulk.isPending}>
                  {t('common.cancel')}
                </Button>
                <Button variant="danger" onClick={confirm} busy={bulk.isPending} data-testid="bulk-credentials-confirm">
                  {t(action === 'RESET' ? 'orga.pupilAccounts.bulk.confirmReset' : 'orga.pupilAccounts.bulk.confirmGenerate')}
                </Button>
              </>
            ) : (
              <Button onClick={close} data-testid="bulk-credentials-close">
                {t('orga.pupilAccounts.manage.close')}
              </Button>
            )}
          </div>
        </Dialog>
      )}
    </div>
  );
}
