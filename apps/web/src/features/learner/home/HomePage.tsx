import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../api/types';
import { Page } from '../../shared/ui/Page';
import { CertificationHomeNotice } from '../certification/CertificationHomeNotice';
import { CampaignCodeForm } from '../campaigns/CampaignCodeForm';
import { FinishReminderBanner } from '../my-campaigns/FinishReminderBanner';
import { UnsentResultsBanner } from '../my-campaigns/UnsentResultsBanner';

export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Page title={t('learner.home.title')} heading={t('learner.home.greeting', { firstName: me.firstName })} testId="learner-home">
      <UnsentResultsBanner />
      <FinishReminderBanner />
      <CertificationHomeNotice />
      <section aria-labelledby="home-code" className="card">
        <h2 id="home-code">{t('learner.home.code.title')}</h2>
        <p>{t('learner.code.intro')}</p>
        <CampaignCodeForm />
      </section>
      <section aria-labelledby="home-mine">
        <h2 id="home-mine">{t('learner.home.mine')}</h2>
        <ul className="link-list">
          <li>
            <Link to="/mes-parcours">{t('learner.myCampaigns.title')}</Link>
          </li>
          <li>
            <Link to="/competences">{t('learner.profile.title')}</Link>
          </li>
          <li>
            <Link to="/mes-tutos">{t('learner.tutorials.title')}</Link>
          </li>
        </ul>
      </section>
      {me.memberships.length > 0 || me.isPlatformAdmin ? (
        <section aria-labelledby="home-spaces">
          <h2 id="home-spaces">{t('learner.home.spaces')}</h2>
          <ul className="link-list">
            {me.memberships.length > 0 ? (
              <li>
                <Link to="/orga/">{t('learner.home.orgaLink')}</Link>
              </li>
            ) : null}
            {me.isPlatformAdmin ? (
              <li>
                <Link to="/admin/">{t('learner.home.adminLink')}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
