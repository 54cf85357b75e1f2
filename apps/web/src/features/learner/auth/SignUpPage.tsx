import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SignUpForm } from '../../shared/auth/SignUpForm';
import { safeReturnPath } from '../../shared/session/returnPath';
import { Page } from '../../shared/ui/Page';

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'), '/');
  const signInPath = params.has('retour') ? `/connexion?retour=${encodeURIComponent(returnTo)}` : '/connexion';
  return (
    <Page title={t('auth.signUpTitle')} testId="sign-up-page">
      <SignUpForm initialEmail={params.get('email') ?? ''} onSignedUp={() => void navigate(returnTo, { replace: true })} />
      <p>
        {t('auth.haveAccount')} <Link to={signInPath}>{t('auth.signInLink')}</Link>
      </p>
    </Page>
  );
}
