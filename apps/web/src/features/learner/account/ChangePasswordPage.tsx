import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { safeReturnPath } from '../../shared/session/returnPath';
import { useMe } from '../../shared/session/useMe';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Where every protected page sends an account that still has a temporary password. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { data: me, isPending, error } = useMe();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const returnTo = safeReturnPath(params.get('retour'), '/');

  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  return (
    <Page title={t(me?.mustChangePassword ? 'account.changePassword.forcedTitle' : 'account.changePassword.title')} testId="change-password-page">
      {isPending ? <Loading /> : null}
      <ErrorSummary error={error} />
      {me?.mustChangePassword ? <Notice testId="password-change-required">{t('account.changePassword.required')}</Notice> : null}
      {me ? <ChangePasswordForm forced={me.mustChangePassword} onChanged={() => void navigate(returnTo, { replace: true })} /> : null}
    </Page>
  );
}
