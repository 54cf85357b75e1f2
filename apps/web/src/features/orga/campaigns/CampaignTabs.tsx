import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';

/** « Mes campagnes » / « Toutes les campagnes »: each list has its own URL, so a nav of links, not an ARIA tablist. */
export function CampaignTabs() {
  const { t } = useTranslation();
  return (
    <div className="tabs-bar">
      <nav aria-label={t('orga.campaigns.list.tabs')} className="tabs">
        <NavLink to="/orga/campagnes/les-miennes" data-testid="tab-my-campaigns">
          {t('orga.campaigns.list.mine')}
        </NavLink>
        <NavLink to="/orga/campagnes/toutes" data-testid="tab-all-campaigns">
          {t('orga.campaigns.list.all')}
        </NavLink>
      </nav>
      <Link to="/orga/campagnes/creation" className="button button--primary" data-testid="create-campaign-link">
        {t('orga.campaigns.create.title')}
      </Link>
    </div>
  );
}
