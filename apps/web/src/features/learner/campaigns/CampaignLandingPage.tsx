import { useState } from 'react';
import type { CampaignLanding } from '@jalon/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SignInForm } from '../../shared/auth/SignInForm';
import { SignUpForm } from '../../shared/auth/SignUpForm';
import { useSignOut } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Page } from '../../shared/ui/Page';
import { Markdown } from '../../shared/content/Markdown';
import { MediacentreHint } from '../mediacentre/MediacentreHint';
import { landingKey } from './campaignQueries';
import { campaignPaths } from './campaignJourney';
import { CampaignGate } from './CampaignGate';
import { useJoinCampaign } from './useJoinCampaign';

export function campaignTitle(landing: Pick<CampaignLanding, 'title' | 'type'>, t: (key: string) => string): string {
  return landing.title ?? t(landing.type === 'PROFILES_COLLECTION' ? 'learner.landing.profileCollectionTitle' : 'learner.landing.untitled');
}

export function CampaignLandingPage() {
  return <CampaignGate>{(landing) => <Landing landing={landing} />}</CampaignGate>;
}

function Landing({ landing }: { landing: CampaignLanding }) {
  const { t } = useTranslation();
  const title = campaignTitle(landing, t);
  const isCollection = landing.type === 'PROFILES_COLLECTION';
  return (
    <Page title={title} testId="campaign-landing">
      <p className="landing__organization" data-testid="campaign-organization">
        {t('learner.landing.proposedBy', { organization: landing.organization.name })}
      </p>
      {landing.customLandingPageText ? (
        <section aria-labelledby="landing-message" className="card" data-testid="campaign-landing-text">
          <h2 id="landing-message">{t('learner.landing.message')}</h2>
          <Markdown text={landing.customLandingPageText} />
        </section>
      ) : null}
      <section aria-labelledby="landing-expect">
        <h2 id="landing-expect">{t('learner.landing.expect.title')}</h2>
        {isCollection ? (
          <ul className="expect-list">
            <li>{t('learner.landing.expect.noQuestions')}</li>
            <li>{t('learner.landing.expect.profileSent')}</li>
          </ul>
        ) : (
          <ul className="expect-list">
            <li>{t('learner.landing.expect.adaptive')}</li>
            <li>{t('learner.landing.expect.checkpoints')}</li>
            <li>
              <span className="tag tag--free">{t('learner.runner.free')}</span> {t('learner.landing.expect.free')}
            </li>
            <li>
              <span className="tag tag--focus">{t('learner.runner.focus')}</span> {t('learner.landing.expect.focus')}
            </li>
            <li data-testid="campaign-sharing-note">{t(landing.autoShareAtEnd ? 'learner.landing.expect.autoShare' : 'learner.landing.expect.share')}</li>
          </ul>
        )}
      </section>
      <MediacentreHint landing={landing} />
      {landing.me === null ? <SignedOut landing={landing} /> : <SignedIn landing={landing} me={landing.me} />}
    </Page>
  );
}

function SignedOut({ landing }: { landing: CampaignLanding }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [mode, setMode] = useState<'signIn' | 'signUp'>('signIn');
  // The landing is read again once signed in: it then carries the learner's participation.
  const refresh = () => void client.invalidateQueries({ queryKey: landingKey(landing.code) });
  return (
    <section aria-labelledby="landing-identify" className="card" data-testid="campaign-identify">
      <h2 id="landing-identify">{t('learner.landing.identify')}</h2>
      <div className="segmented" role="group" aria-label={t('learner.landing.identify')}>
        <Button variant={mode === 'signIn' ? 'primary' : 'secondary'} aria-pressed={mode === 'signIn'} onClick={() => setMode('signIn')}>
          {t('learner.landing.haveAccount')}
        </Button>
        <Button variant={mode === 'signUp' ? 'primary' : 'secondary'} aria-pressed={mode === 'signUp'} onClick={() => setMode('signUp')} data-testid="campaign-sign-up-tab">
          {t('learner.landing.createAccount')}
        </Button>
      </div>
      {mode === 'signIn' ? <SignInForm onSignedIn={refresh} /> : <SignUpForm onSignedUp={refresh} />}
    </section>
  );
}

function SignedIn({ landing, me }: { landing: CampaignLanding; me: NonNullable<CampaignLanding['me']> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { join, isPending, error } = useJoinCampaign(landing);
  const participation = me.participation;
  const finished = participation !== null && participation.status !== 'STARTED';
  const paths = campaignPaths(landing.code);
  const startLabel = participation === null ? 'learner.landing.start' : 'learner.landing.resume';
  return (
    <section aria-labelledby="landing-go" className="card">
      <h2 id="landing-go">{t('learner.landing.ready', { firstName: me.firstName })}</h2>
      <ErrorSummary error={error} />
      {finished ? (
        <p>
          <Link className="button button--primary" to={landing.type === 'PROFILES_COLLECTION' ? paths.profileCollection : paths.results} data-testid="campaign-see-results">
            {t(landing.type === 'PROFILES_COLLECTION' ? 'learner.landing.seeProfile' : 'learner.landing.seeResults')}
          </Link>
        </p>
      ) : (
        <Button onClick={() => join()} busy={isPending} data-testid="campaign-start">
          {t(startLabel)}
        </Button>
      )}
      <p className="landing__not-me">
        {t('learner.landing.notMe', { name: `${me.firstName} ${me.lastName}` })}{' '}
        <Button variant="link" onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate(paths.landing) })} data-testid="campaign-sign-out">
          {t('learner.landing.signOut')}
        </Button>
      </p>
    </section>
  );
}
