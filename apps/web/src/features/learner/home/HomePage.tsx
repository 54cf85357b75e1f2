import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../api/types';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';

export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Page title={t('learner.home.title')} heading={t('learner.home.greeting', { firstName: me.firstName })} testId="learner-home">
      <section aria-labelledby="home-code" className="card">
        <h2 id="home-code">{t('learner.home.code.title')}</h2>
        <Notice testId="campaign-code-coming-soon">{t('learner.home.code.comingSoon')}</Notice>
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
