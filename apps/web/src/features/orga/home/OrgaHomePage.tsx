import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/ui/Page';
import { useOrga } from '../shell/orgaContext';

const OFFERS = ['runCourses', 'strengths', 'tutorials', 'profiles', 'accounts'] as const;

/** Seed item 1: what Orga offers, and the two ways in. */
export function OrgaHomePage() {
  const { t } = useTranslation();
  const { membership } = useOrga();
  return (
    <Page title={t('orga.home.title')} heading={membership.organization.name} testId="orga-home">
      <p>{t('orga.home.intro')}</p>
      <ul className="offers" data-testid="orga-offers">
        {OFFERS.map((offer) => (
          <li key={offer}>{t(`orga.home.offers.${offer}`)}</li>
        ))}
      </ul>
      <ul className="cards">
        <li className="card card--link">
          <h2>
            <Link to="/orga/campagnes/creation" data-testid="card-create-campaign">
              {t('orga.home.createCampaign.title')}
            </Link>
          </h2>
          <p>{t('orga.home.createCampaign.text')}</p>
        </li>
        <li className="card card--link">
          <h2>
            <Link to="/orga/campagnes/les-miennes" data-testid="card-follow-activity">
              {t('orga.home.followActivity.title')}
            </Link>
          </h2>
          <p>{t('orga.home.followActivity.text')}</p>
        </li>
      </ul>
    </Page>
  );
}
