import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../shared/auth/SignInForm';
import { entryPath } from '../shared/session/entryPath';
import { safeReturnPath } from '../shared/session/returnPath';
import { useMe } from '../shared/session/useMe';
import { Page } from '../shared/ui/Page';

/** The shared sign-in form; a centre member then lands on the sittings list. */
export function CertifSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'), '/certif/');
  const { data: me } = useMe();

  if (me) return <Navigate to={entryPath(me, returnTo)} replace />;

  return (
    <Page title={t('auth.signInTitle')} heading={t('certif.signIn.title')} testId="certif-sign-in-page">
      <SignInForm onSignedIn={(signedIn) => void navigate(entryPath(signedIn, returnTo), { replace: true })} />
    </Page>
  );
}
