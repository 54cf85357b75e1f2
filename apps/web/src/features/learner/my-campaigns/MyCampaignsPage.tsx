import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format/formatDate';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { useMyCampaigns } from '../profile/profileQueries';
import { continuePath } from './campaignLinks';

const ACTIONS = { STARTED: 'learner.myCampaigns.resume', TO_SHARE: 'learner.myCampaigns.send', SHARED: 'learner.myCampaigns.see' } as const;

/** `/mes-parcours`: every campaign the learner joined, with where it stands. */
export function MyCampaignsPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <MyCampaigns />}</RequireSignedIn>;
}

function MyCampaigns() {
  const { t, i18n } = useTranslation();
  const campaigns = useMyCampaigns();
  return (
    <Page title={t('learner.myCampaigns.title')} testId="my-campaigns-page">
      <ErrorSummary error={campaigns.error} />
      {campaigns.data === undefined ? (
        campaigns.error ? null : <Loading />
      ) : campaigns.data.items.length === 0 ? (
        <p data-testid="my-campaigns-empty">
          {t('learner.myCampaigns.empty')} <Link to="/campagnes">{t('learner.code.title')}</Link>
        </p>
      ) : (
        <ul className="my-campaigns" data-testid="my-campaigns">
          {campaigns.data.items.map((item) => (
            <li key={item.participation.id} className="card my-campaign" data-testid="my-campaign" data-status={item.participation.status}>
              <h2>{item.campaign.title ?? t(item.campaign.type === 'PROFILES_COLLECTION' ? 'learner.landing.profileCollectionTitle' : 'learner.landing.untitled')}</h2>
              <p className="my-campaign__meta">
                {item.campaign.organizationName} · {t('learner.myCampaigns.startedOn', { date: formatDate(item.participation.createdAt, i18n.language) })}
              </p>
              <p>
                <span className={`status status--${item.participation.status.toLowerCase()}`} data-testid="my-campaign-status">
                  {t(`learner.myCampaigns.status.${item.participation.status}`)}
                </span>
                {item.masteryPercent !== null ? <> · {t('learner.results.percent', { percent: item.masteryPercent })}</> : null}
              </p>
              <Link className="button button--secondary" to={continuePath(item)}>
                {t(ACTIONS[item.participation.status])}
                <span className="visually-hidden"> – {item.campaign.title ?? item.campaign.organizationName}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
