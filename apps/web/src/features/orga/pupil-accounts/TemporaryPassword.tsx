import { useTranslation } from 'react-i18next';
import { CopyButton } from '../campaigns/CopyButton';

/**
 * A temporary password, the only time it is ever shown: Jalon keeps only its hash, so the
 * teacher copies it now and hands it over privately.
 */
export function TemporaryPassword({ password, username }: { password: string; username: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--success pupil-account__password" role="status" data-testid="temporary-password-panel">
      {username !== null && (
        <p>
          {t('orga.pupilAccounts.manage.username')} : <span className="pupil-account__login">{username}</span>
        </p>
      )}
      <p>
        {t('orga.pupilAccounts.manage.temporaryPassword')} :{' '}
        <span className="pupil-account__secret" data-testid="temporary-password">
          {password}
        </span>
      </p>
      <CopyButton value={password} label={t('orga.pupilAccounts.manage.copyPassword')} testId="copy-temporary-password" />
      <p className="pupil-account__warning">{t('orga.pupilAccounts.manage.passwordShownOnce')}</p>
      <p>{t('orga.pupilAccounts.manage.passwordMustChange')}</p>
    </div>
  );
}
