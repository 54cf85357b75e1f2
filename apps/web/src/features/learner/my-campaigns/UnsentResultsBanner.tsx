import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyCampaigns } from '../profile/profileQueries';
import { continuePath, isUnsent } from './campaignLinks';

/** Stays on the home page while results are finished but not sent (seed item 24): the reference's most common loss. */
export function UnsentResultsBanner() {
  const { t } = useTranslation();
  const campaigns = useMyCampaigns();
  const unsent = (campaigns.data?.items ?? []).filter(isUnsent);
  if (unsent.length === 0) return null;
  return (
    <div className="alert alert--warning" role="region" aria-labelledby="unsent-title" data-testid="unsent-results-banner">
      <p id="unsent-title">
        <strong>{t('learner.myCampaigns.unsentTitle', { count: unsent.length })}</strong>
      </p>
      <ul>
        {unsent.map((item) => (
          <li key={item.participation.id}>
            <Link to={continuePath(item)} data-testid="unsent-results-link">
              {t('learner.myCampaigns.sendFor', { title: item.campaign.title ?? item.campaign.organizationName })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
