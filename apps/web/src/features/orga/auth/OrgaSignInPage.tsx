import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../shared/auth/SignInForm';
import { safeReturnPath } from '../../shared/session/returnPath';
import { useMe } from '../../shared/session/useMe';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Page } from '../../shared/ui/Page';
import { orgaEntryPath } from '../shell/orgaEntryPath';

export function OrgaSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'), '/orga/');
  const { data: me } = useMe();

  if (me && me.memberships.length > 0) return <Navigate to={orgaEntryPath(me, returnTo)} replace />;

  return (
    <Page title={t('auth.signInTitle')} heading={t('orga.signIn.title')} testId="orga-sign-in-page">
      {me?.memberships.length === 0 ? <ErrorSummary messages={[t('errors.NOT_A_MEMBER')]} /> : null}
      <SignInForm
        onSignedIn={(signedIn) => {
          // Without a membership the user stays here and sees NOT_A_MEMBER above the form.
          if (signedIn.memberships.length > 0) void navigate(orgaEntryPath(signedIn, returnTo), { replace: true });
        }}
      />
    </Page>
  );
}
