import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../api/types';
import { useSignOut } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [passwordChanged, setPasswordChanged] = useState(false);

  return (
    <Page title={t('account.title')} testId="account-page">
      <section aria-labelledby="account-identity">
        <h2 id="account-identity">{t('account.identity')}</h2>
        <dl className="details">
          <dt>{t('auth.firstName')}</dt>
          <dd data-testid="account-first-name">{me.firstName}</dd>
          <dt>{t('auth.lastName')}</dt>
          <dd data-testid="account-last-name">{me.lastName}</dd>
          <dt>{t('auth.email')}</dt>
          <dd data-testid="account-email">{me.email ?? t('common.notProvided')}</dd>
          {me.username ? (
            <>
              <dt>{t('account.username')}</dt>
              <dd data-testid="account-username">{me.username}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="account-password">
        <h2 id="account-password">{t('account.changePassword.title')}</h2>
        {passwordChanged ? <Notice tone="success">{t('account.changePassword.done')}</Notice> : null}
        <ChangePasswordForm forced={false} onChanged={() => setPasswordChanged(true)} />
      </section>
      <section aria-labelledby="account-session">
        <h2 id="account-session">{t('account.session')}</h2>
        <Button
          variant="secondary"
          busy={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/connexion') })}
        >
          {t('auth.signOut')}
        </Button>
      </section>
    </Page>
  );
}
