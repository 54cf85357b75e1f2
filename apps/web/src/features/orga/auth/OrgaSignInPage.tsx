import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../shared/auth/SignInForm';
import { safeReturnPath } from '../../shared/session/returnPath';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Page } from '../../shared/ui/Page';

export function OrgaSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'), '/orga/');
  const [notAMember, setNotAMember] = useState(false);

  return (
    <Page title={t('orga.signIn.title')} testId="orga-sign-in-page">
      {notAMember ? <ErrorSummary messages={[t('errors.NOT_A_MEMBER')]} /> : null}
      <SignInForm
        onSignedIn={(me) => {
          if (me.memberships.length === 0) {
            setNotAMember(true);
            return;
          }
          void navigate(returnTo, { replace: true });
        }}
      />
    </Page>
  );
}
