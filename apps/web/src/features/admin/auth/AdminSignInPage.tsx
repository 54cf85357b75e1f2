import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../shared/auth/SignInForm';
import { entryPath } from '../../shared/session/entryPath';
import { safeReturnPath } from '../../shared/session/returnPath';
import { useMe } from '../../shared/session/useMe';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Page } from '../../shared/ui/Page';

export function AdminSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'), '/admin/organisations');
  const { data: me } = useMe();

  if (me?.isPlatformAdmin) return <Navigate to={entryPath(me, returnTo)} replace />;
  return (
    <Page title={t('auth.signInTitle')} heading={t('admin.signIn.title')} testId="admin-sign-in-page">
      {me && !me.isPlatformAdmin ? <ErrorSummary messages={[t('errors.PLATFORM_ADMIN_REQUIRED')]} /> : null}
      <SignInForm
        onSignedIn={(signedIn) => {
          // Anyone else stays here and sees PLATFORM_ADMIN_REQUIRED above the form.
          if (signedIn.isPlatformAdmin) void navigate(entryPath(signedIn, returnTo), { replace: true });
        }}
      />
    </Page>
  );
}
