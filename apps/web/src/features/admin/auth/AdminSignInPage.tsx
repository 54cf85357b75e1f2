import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../shared/auth/SignInForm';
import { safeReturnPath } from '../../shared/session/returnPath';
import { useMe } from '../../shared/session/useMe';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Page } from '../../shared/ui/Page';

export function AdminSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'), '/admin/organisations');
  const [notAdmin, setNotAdmin] = useState(false);
  const { data: me } = useMe();

  if (me?.isPlatformAdmin) return <Navigate to={returnTo} replace />;
  return (
    <Page title={t('auth.signInTitle')} heading={t('admin.signIn.title')} testId="admin-sign-in-page">
      {notAdmin ? <ErrorSummary messages={[t('errors.PLATFORM_ADMIN_REQUIRED')]} /> : null}
      <SignInForm
        onSignedIn={(me) => {
          if (!me.isPlatformAdmin) {
            setNotAdmin(true);
            return;
          }
          void navigate(returnTo, { replace: true });
        }}
      />
    </Page>
  );
}
