import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import type { Me, PublicInvitation } from '../../../api/types';
import { SignInForm } from '../../shared/auth/SignInForm';
import { SignUpForm } from '../../shared/auth/SignUpForm';
import { useMe, useSetMe, useSignOut } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { orgaEntryPath } from '../shell/orgaEntryPath';

type Mode = 'sign-in' | 'sign-up';

/**
 * The page an invitation e-mail links to. Sign-in and sign-up happen here, inline, so the
 * invitation's id and code never have to survive a detour through other pages.
 */
export function JoinPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const invitationId = params.get('invitationId') ?? '';
  const code = params.get('code') ?? '';
  const { data: me, isPending: mePending } = useMe();
  const setMe = useSetMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('sign-in');

  const invitation = useQuery({
    queryKey: ['invitations', invitationId, code],
    queryFn: () => api.get<PublicInvitation>(`/api/invitations/${encodeURIComponent(invitationId)}?code=${encodeURIComponent(code)}`),
    enabled: invitationId !== '' && code !== '',
    retry: false,
  });
  const accept = useMutation({
    mutationFn: async () => {
      const { organizationId } = await api.post<{ organizationId: string }>(`/api/invitations/${encodeURIComponent(invitationId)}/accept`, { code });
      return api.put<Me>('/api/me/current-organization', { organizationId });
    },
    onSuccess: (updated) => {
      setMe(updated);
      void navigate(orgaEntryPath(updated));
    },
  });

  const title = t('orga.join.title');
  if (invitationId === '' || code === '') {
    return (
      <Page title={title} testId="join-page">
        <ErrorSummary messages={[t('errors.INVITATION_NOT_FOUND')]} />
      </Page>
    );
  }
  if (invitation.isPending || mePending) {
    return (
      <Page title={title} testId="join-page">
        <Loading />
      </Page>
    );
  }
  if (invitation.isError) {
    return (
      <Page title={title} testId="join-page">
        <ErrorSummary error={invitation.error} />
        <p>
          <Link to="/orga/">{t('orga.join.goToOrga')}</Link>
        </p>
      </Page>
    );
  }

  const { organizationName, email } = invitation.data;
  return (
    <Page title={title} heading={t('orga.join.heading', { organization: organizationName })} testId="join-page">
      <p data-testid="join-organization-name">{t('orga.join.intro', { organization: organizationName })}</p>
      {me ? (
        <section aria-labelledby="join-accept" className="card">
          <h2 id="join-accept">{t('orga.join.acceptTitle')}</h2>
          <p>{t('orga.join.signedInAs', { name: `${me.firstName} ${me.lastName}` })}</p>
          <ErrorSummary error={accept.error} />
          <div className="actions">
            <Button onClick={() => accept.mutate()} busy={accept.isPending} data-testid="accept-invitation">
              {t('orga.join.accept')}
            </Button>
            <Button variant="secondary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('orga.join.notMe')}
            </Button>
          </div>
        </section>
      ) : (
        <section aria-labelledby="join-identify" className="card">
          <h2 id="join-identify">{t('orga.join.identify')}</h2>
          <div className="segmented" role="group" aria-label={t('orga.join.identify')}>
            <Button variant={mode === 'sign-in' ? 'primary' : 'secondary'} aria-pressed={mode === 'sign-in'} onClick={() => setMode('sign-in')} data-testid="join-mode-sign-in">
              {t('orga.join.haveAccount')}
            </Button>
            <Button variant={mode === 'sign-up' ? 'primary' : 'secondary'} aria-pressed={mode === 'sign-up'} onClick={() => setMode('sign-up')} data-testid="join-mode-sign-up">
              {t('orga.join.createAccount')}
            </Button>
          </div>
          {mode === 'sign-in' ? <SignInForm onSignedIn={() => undefined} /> : <SignUpForm initialEmail={email} onSignedUp={() => undefined} />}
        </section>
      )}
    </Page>
  );
}

