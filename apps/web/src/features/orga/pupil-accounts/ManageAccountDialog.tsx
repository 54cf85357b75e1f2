import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PupilAccount } from '@jalon/contracts';
import { formatDateTime } from '../../shared/format/formatDate';
import { Button } from '../../shared/ui/Button';
import { Dialog } from '../../shared/ui/Dialog';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { CopyButton } from '../campaigns/CopyButton';
import { TemporaryPassword } from './TemporaryPassword';
import { useAccountAction, usePupilAccount, type AccountAction } from './pupilAccountQueries';
import './pupilAccounts.css';
import { ofName } from './ofName';

interface ManageAccountDialogProps {
  organizationId: string;
  learnerId: string;
  learnerName: string;
  onClose: () => void;
}

/**
 * What a teacher can do for a pupil who cannot sign in: see how they sign in, copy the
 * login, add a username, hand out a temporary password (shown once), unblock, or create
 * the account of a pupil who never had one.
 */
export function ManageAccountDialog({ organizationId, learnerId, learnerName, onClose }: ManageAccountDialogProps) {
  const { t, i18n } = useTranslation();
  const account = usePupilAccount(organizationId, learnerId);
  const action = useAccountAction(organizationId, learnerId);
  const [confirmingPassword, setConfirmingPassword] = useState(false);
  const [done, setDone] = useState<{ action: AccountAction; temporaryPassword: string | null; username: string | null } | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const actions = useRef<HTMLDivElement>(null);

  // The button just pressed may be gone (« Créer le compte »): focus goes to what it did, so
  // keyboard users stay in the dialog and screen readers read the password panel.
  useEffect(() => {
    if (done !== null) outcome.current?.focus();
  }, [done]);

  const cancelled = useRef(false);
  const confirmTitle = useId();

  // On a phone the confirmation opens below the fold: focusing its safe choice brings it into
  // view. « Annuler » gives focus back to the button that opened it.
  useEffect(() => {
    if (confirmingPassword) confirmation.current?.querySelector('button')?.focus();
    else if (cancelled.current) actions.current?.querySelector<HTMLButtonElement>('[data-testid="generate-password"]')?.focus();
    cancelled.current = false;
  }, [confirmingPassword]);

  function cancelPassword() {
    cancelled.current = true;
    setConfirmingPassword(false);
  }

  function run(chosen: AccountAction) {
    setConfirmingPassword(false);
    setDone(null);
    action.mutate(chosen, {
      onSuccess: (result) => setDone({ action: chosen, temporaryPassword: result.temporaryPassword, username: result.account.username }),
    });
  }

  const data = account.data;
  // A team member's account linked to a learner is shown, never changed from here.
  const manageable = data?.hasAccount === true && data.isManageable;
  return (
    <Dialog title={t('orga.pupilAccounts.manage.title', { ofName: ofName(t, learnerName) })} onClose={onClose} testId="manage-account-dialog">
      <div className="dialog__body pupil-account">
        <ErrorSummary error={account.error ?? action.error} />
        {account.isPending && <Loading />}
        <div ref={outcome} tabIndex={-1} className="pupil-account__outcome">
          {done?.temporaryPassword != null && <TemporaryPassword password={done.temporaryPassword} username={done.username} />}
          {done?.action === 'unblock' && <Notice tone="success">{t('orga.pupilAccounts.manage.unblocked')}</Notice>}
          {done?.action === 'username' && done.username !== null && done.temporaryPassword === null && (
            <Notice tone="success">{t('orga.pupilAccounts.manage.usernameAdded', { username: done.username })}</Notice>
          )}
        </div>
        {data && !data.hasAccount && (
          <>
            <p>{t('orga.pupilAccounts.manage.noAccount', { name: learnerName })}</p>
            <p>{t('orga.pupilAccounts.manage.createHint')}</p>
          </>
        )}
        {data?.hasAccount && <AccountDetails account={data} learnerName={learnerName} language={i18n.language} />}
        {confirmingPassword && (
          <div
            ref={confirmation}
            className="pupil-account__confirm"
            role="group"
            aria-labelledby={confirmTitle}
            data-testid="confirm-temporary-password"
          >
            <p id={confirmTitle} className="pupil-account__confirm-title">
              {t('orga.pupilAccounts.manage.confirmPasswordTitle', { ofName: ofName(t, learnerName) })}
            </p>
            <p>{t('orga.pupilAccounts.manage.confirmPassword')}</p>
            <div className="pupil-account__actions">
              <Button variant="secondary" onClick={cancelPassword}>
                {t('common.cancel')}
              </Button>
              <Button variant="danger" onClick={() => run('temporary-password')} busy={action.isPending} data-testid="confirm-temporary-password-button">
                {t('orga.pupilAccounts.manage.confirmPasswordButton')}
              </Button>
            </div>
          </div>
        )}
      </div>
      <div ref={actions} className="dialog__actions pupil-account__actions">
        {data && !data.hasAccount && (
          <Button onClick={() => run('create')} busy={action.isPending} data-testid="create-account">
            {t('orga.pupilAccounts.manage.create')}
          </Button>
        )}
        {manageable && data.username === null && (
          <Button variant="secondary" onClick={() => run('username')} busy={action.isPending} data-testid="add-username">
            {t('orga.pupilAccounts.manage.addUsername')}
          </Button>
        )}
        {manageable && (data.username !== null || data.email !== null) && (
          <Button
            variant="secondary"
            onClick={() => setConfirmingPassword(true)}
            disabled={action.isPending || confirmingPassword}
            aria-expanded={confirmingPassword}
            data-testid="generate-password"
          >
            {t('orga.pupilAccounts.manage.generatePassword')}
          </Button>
        )}
        {manageable && (data.isBlocked || data.temporaryBlockUntil !== null) && (
          <Button variant="secondary" onClick={() => run('unblock')} busy={action.isPending} data-testid="unblock-account">
            {t('orga.pupilAccounts.manage.unblock')}
          </Button>
        )}
        <Button variant="secondary" onClick={onClose}>
          {t('orga.pupilAccounts.manage.close')}
        </Button>
      </div>
    </Dialog>
  );
}

function AccountDetails({ account, learnerName, language }: { account: PupilAccount; learnerName: string; language: string }) {
  const { t } = useTranslation();
  const status = account.isBlocked
    ? t('orga.pupilAccounts.manage.blocked')
    : account.temporaryBlockUntil !== null
      ? t('orga.pupilAccounts.manage.temporarilyBlocked', { until: formatDateTime(account.temporaryBlockUntil, language) })
      : t('orga.pupilAccounts.manage.active');
  return (
    <>
      <h3 className="pupil-account__heading">{t('orga.pupilAccounts.manage.methods')}</h3>
      <dl className="pupil-account__methods" data-testid="pupil-account-methods">
        <dt>{t('orga.pupilAccounts.manage.email')}</dt>
        <dd>
          {account.email === null ? (
            t('orga.pupilAccounts.manage.noEmail')
          ) : (
            <>
              <span className="pupil-account__login" data-testid="pupil-account-email">
                {account.email}
              </span>
              <CopyButton value={account.email} label={t('orga.pupilAccounts.manage.copyEmail', { ofName: ofName(t, learnerName) })} testId="copy-email" />
            </>
          )}
        </dd>
        <dt>{t('orga.pupilAccounts.manage.username')}</dt>
        <dd>
          {account.username === null ? (
            t('orga.pupilAccounts.manage.noUsername')
          ) : (
            <>
              <span className="pupil-account__login" data-testid="pupil-account-username">
                {account.username}
              </span>
              <CopyButton value={account.username} label={t('orga.pupilAccounts.manage.copyUsername', { ofName: ofName(t, learnerName) })} testId="copy-username" />
            </>
          )}
        </dd>
        <dt>{t('orga.pupilAccounts.manage.mediacentre')}</dt>
        <dd>{account.hasMediacentre ? t('orga.pupilAccounts.manage.yes') : t('orga.pupilAccounts.manage.no')}</dd>
        <dt>{t('orga.pupilAccounts.manage.status')}</dt>
        <dd data-testid="pupil-account-status">{status}</dd>
      </dl>
      {account.hasNeverSignedIn && <p>{t('orga.pupilAccounts.manage.neverSignedIn')}</p>}
      {account.mustChangePassword && <p>{t('orga.pupilAccounts.manage.mustChangePassword')}</p>}
      {account.isManageable && account.username === null && account.email === null && <p>{t('orga.pupilAccounts.manage.mediacentreOnly')}</p>}
      {!account.isManageable && <p>{t('orga.pupilAccounts.manage.notManageable')}</p>}
    </>
  );
}
