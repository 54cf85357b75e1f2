import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../shared/auth/SignInForm';
import { entryPath } from '../../shared/session/entryPath';
import { safeReturnPath } from '../../shared/session/returnPath';
import { useMe } from '../../shared/session/useMe';
import { Page } from '../../shared/ui/Page';
import { DemoMediacentreLink } from '../mediacentre/DemoMediacentreLink';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'), '/');
  const { data: me } = useMe();
  const signUpPath = params.has('retour') ? `/inscription?retour=${encodeURIComponent(returnTo)}` : '/inscription';
  if (me) return <Navigate to={entryPath(me, returnTo)} replace />;
  return (
    <Page title={t('auth.signInTitle')} testId="sign-in-page">
      <SignInForm onSignedIn={(signedIn) => void navigate(entryPath(signedIn, returnTo), { replace: true })} signUpPath={signUpPath} />
      <DemoMediacentreLink />
    </Page>
  );
}
