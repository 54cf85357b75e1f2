import type { CampaignLanding, ProfileCollection } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
import { useJoinCampaign } from '../campaigns/useJoinCampaign';
import { CompetenceGrid } from '../profile/CompetenceGrid';
import { CertifiableBanner, TotalPix } from '../profile/TotalPix';
import { useLeaveUnsentGuard } from '../results/leaveGuard';
import { useProfileCollection, useShareParticipation } from '../results/resultQueries';

/** `/campagnes/:code/collecte`: no questions, the learner looks at their profile and sends it (seed items 25–26). */
export function ProfileCollectionPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <CampaignGate>{(landing) => <CollectionLoader landing={landing} />}</CampaignGate>}</RequireSignedIn>;
}

function CollectionLoader({ landing }: { landing: CampaignLanding }) {
  const { t } = useTranslation();
  const collection = useProfileCollection(landing.id);
  if (collection.error) {
    return (
      <Page title={t('learner.collection.title')} testId="profile-collection-page">
        <ErrorSummary error={collection.error} />
        <p>
          <Link to={campaignPaths(landing.code).landing}>{t('learner.results.backToLanding')}</Link>
        </p>
      </Page>
    );
  }
  if (collection.data === undefined) return <Loading />;
  return <Collection landing={landing} collection={collection.data} />;
}

function Collection({ landing, collection }: { landing: CampaignLanding; collection: ProfileCollection }) {
  const { t, i18n } = useTranslation();
  const share = useShareParticipation(landing.id, landing.code);
  const join = useJoinCampaign(landing);
  const { participation, profile } = collection;
  const organization = collection.campaign.organizationName;
  const sent = participation.status === 'SHARED';
  const guard = useLeaveUnsentGuard(!sent && collection.canShare);
  return (
    <Page title={t('learner.collection.title')} testId="profile-collection-page">
      <p>{t('learner.collection.intro', { organization })}</p>
      <section aria-labelledby="collection-send" className="card" data-testid="collection-sharing">
        <h2 id="collection-send">{t('learner.collection.sendTitle')}</h2>
        {sent ? (
          <>
            <Notice tone="success" testId="collection-sent">
              {participation.sharedAt
                ? t('learner.collection.sentOn', { organization, date: formatDate(participation.sharedAt, i18n.language) })
                : t('learner.collection.sent', { organization })}
            </Notice>
            <ErrorSummary error={join.error} />
            {collection.canSendAgain ? (
              <Button variant="secondary" onClick={() => join.join({ retry: true })} busy={join.isPending} data-testid="collection-send-again">
                {t('learner.collection.sendAgain')}
              </Button>
            ) : null}
          </>
        ) : (
          <>
            <p>{t('learner.collection.sendExplain', { organization })}</p>
            <ErrorSummary error={share.error} />
            {collection.canShare ? (
              <Button onClick={() => share.mutate(participation.id)} busy={share.isPending} data-testid="collection-share">
                {t('learner.collection.send')}
              </Button>
            ) : null}
          </>
        )}
      </section>
      <TotalPix profile={profile} />
      <CertifiableBanner profile={profile} />
      <CompetenceGrid competences={profile.competences} />
      {guard.pending !== null ? (
        <ConfirmDialog title={t('learner.collection.leaveTitle')} confirmLabel={t('learner.results.leaveConfirm')} onConfirm={guard.leave} onCancel={guard.stay}>
          <p>{t('learner.collection.leaveText', { organization })}</p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
