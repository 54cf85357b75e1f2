import { useState } from 'react';
import type { CampaignLanding, CampaignResults } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../shared/format/formatDate';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Button } from '../../shared/ui/Button';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { campaignPaths } from '../campaigns/campaignJourney';
import { CampaignGate } from '../campaigns/CampaignGate';
import { campaignTitle } from '../campaigns/CampaignLandingPage';
import { useJoinCampaign } from '../campaigns/useJoinCampaign';
import { Markdown } from '../../shared/content/Markdown';
import { isSafeLink } from '../content/safeLink';
import { BadgeList, CompetenceMasteryList, StageStars } from './ResultFigures';
import { daysUntil } from './delays';
import { useLeaveUnsentGuard } from './leaveGuard';
import { useCampaignResults, useImproveParticipation, useShareParticipation } from './resultQueries';

/** `/campagnes/:code/resultats`: the end page of a test (`campaigns-and-participation.md` §6). */
export function CampaignResultsPage() {
  return (
    <RequireSignedIn signInPath="/connexion">
      {() => <CampaignGate allowArchived>{(landing) => <ResultsLoader landing={landing} />}</CampaignGate>}
    </RequireSignedIn>
  );
}

function ResultsLoader({ landing }: { landing: CampaignLanding }) {
  const { t } = useTranslation();
  const results = useCampaignResults(landing.id);
  if (results.error) {
    return (
      <Page title={t('learner.results.title')} testId="campaign-results-page">
        <ErrorSummary error={results.error} />
        <p>
          <Link to={campaignPaths(landing.code).landing}>{t('learner.results.backToLanding')}</Link>
        </p>
      </Page>
    );
  }
  if (results.data === undefined) return <Loading />;
  return <Results landing={landing} results={results.data} />;
}

function Results({ landing, results }: { landing: CampaignLanding; results: CampaignResults }) {
  const { t, i18n } = useTranslation();
  const share = useShareParticipation(landing.id, landing.code);
  const join = useJoinCampaign(landing);
  const improve = useImproveParticipation(landing.id);
  const navigate = useNavigate();
  const [confirmReset, setConfirmReset] = useState(false);
  const participation = results.participation;
  const sent = participation.status === 'SHARED';
  const guard = useLeaveUnsentGuard(!sent && results.canShare);
  const { campaign } = results;
  const organization = campaign.organizationName;
  const retryDays = !results.canRetry && results.retryInSeconds !== null && results.retryInSeconds > 0 ? daysUntil(results.retryInSeconds) : null;

  return (
    <Page title={`${t('learner.results.title')} – ${campaignTitle(campaign, t)}`} heading={t('learner.results.title')} testId="campaign-results-page">
      <p className="landing__organization">
        {campaignTitle(campaign, t)} · {organization}
      </p>

      <section aria-labelledby="results-mastery" className="card results__summary">
        <h2 id="results-mastery">{t('learner.results.mastery')}</h2>
        <p className="results__percent" data-testid="results-mastery">
          {t('learner.results.percent', { percent: results.masteryPercent })}
        </p>
        {results.stage ? <StageStars stage={results.stage} /> : null}
      </section>

      <section aria-labelledby="results-send" className="card" data-testid="results-sharing">
        <h2 id="results-send">{t('learner.results.sendTitle')}</h2>
        {sent ? (
          <Notice tone="success" testId="results-sent">
            {participation.sharedAt
              ? t('learner.results.sentOn', { organization, date: formatDate(participation.sharedAt, i18n.language) })
              : t('learner.results.sent', { organization })}
          </Notice>
        ) : campaign.isArchived ? (
          <p data-testid="results-archived">{t('learner.unavailable.archived.text')}</p>
        ) : (
          <>
            <p>{t('learner.results.sendExplain', { organization })}</p>
            <ErrorSummary error={share.error} />
            {results.canShare ? (
              <Button onClick={() => share.mutate(participation.id)} busy={share.isPending} data-testid="results-share">
                {t('learner.results.send')}
              </Button>
            ) : null}
          </>
        )}
      </section>

      {campaign.customResultPageText || (campaign.customResultPageButtonText && campaign.customResultPageButtonUrl) ? (
        <section aria-labelledby="results-custom" className="card" data-testid="results-custom">
          <h2 id="results-custom">{t('learner.results.fromOrganization', { organization })}</h2>
          {campaign.customResultPageText ? <Markdown text={campaign.customResultPageText} /> : null}
          {campaign.customResultPageButtonText && campaign.customResultPageButtonUrl && isSafeLink(campaign.customResultPageButtonUrl) ? (
            <p>
              <a className="button button--secondary" href={campaign.customResultPageButtonUrl} target="_blank" rel="noopener noreferrer" data-testid="results-custom-button">
                {campaign.customResultPageButtonText}
                <span className="visually-hidden"> {t('common.newWindow')}</span>
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {results.badges.length > 0 ? <BadgeList badges={results.badges} /> : null}
      {results.competences.length > 0 ? <CompetenceMasteryList competences={results.competences} /> : null}

      <section aria-labelledby="results-next" className="card">
        <h2 id="results-next">{t('learner.results.nextTitle')}</h2>
        <ErrorSummary error={join.error ?? improve.error} />
        <div className="actions">
          {results.canImprove ? (
            <Button
              onClick={() =>
                improve.mutate(participation.id, {
                  onSuccess: (improved) => {
                    if (improved.assessmentId) void navigate(`/assessments/${improved.assessmentId}/challenges/1`);
                  },
                })
              }
              busy={improve.isPending}
              data-testid="results-improve"
            >
              {t('learner.results.improve')}
            </Button>
          ) : null}
          {results.canRetry ? (
            <Button onClick={() => join.join({ retry: true })} busy={join.isPending} data-testid="results-retry">
              {t('learner.results.retry')}
            </Button>
          ) : null}
          {results.canReset ? (
            <Button variant="secondary" onClick={() => setConfirmReset(true)} data-testid="results-reset">
              {t('learner.results.reset')}
            </Button>
          ) : null}
          <Link className="button button--secondary" to="/competences" data-testid="results-profile">
            {t('learner.results.seeProfile')}
          </Link>
        </div>
        {retryDays !== null ? (
          <p data-testid="results-retry-later">{t('learner.results.retryIn', { count: retryDays })}</p>
        ) : null}
      </section>

      {confirmReset ? (
        <ConfirmDialog
          title={t('learner.results.resetTitle')}
          confirmLabel={t('learner.results.resetConfirm')}
          onConfirm={() => join.join({ reset: true })}
          onCancel={() => setConfirmReset(false)}
          busy={join.isPending}
          error={join.error}
        >
          <p>{t('learner.results.resetWarning')}</p>
        </ConfirmDialog>
      ) : null}

      {guard.pending !== null ? (
        <ConfirmDialog title={t('learner.results.leaveTitle')} confirmLabel={t('learner.results.leaveConfirm')} onConfirm={guard.leave} onCancel={guard.stay}>
          <p>{t('learner.results.leaveText', { organization })}</p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
