import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../../shared/session/useMe';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { SignOutButton, SpaceShell } from '../../shared/ui/SpaceShell';
import './learner.css';

export function LearnerLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();

  return (
    <SpaceShell
      home="/"
      brandKey="common.brand"
      nav={
        me ? (
          <nav aria-label={t('learner.nav.label')} className="header__nav">
            <NavLink to="/" end>
              {t('learner.nav.home')}
            </NavLink>
            <NavLink to="/campagnes" end>
              {t('learner.nav.code')}
            </NavLink>
            <NavLink to="/competences">{t('learner.nav.profile')}</NavLink>
            <NavLink to="/mes-parcours">{t('learner.nav.campaigns')}</NavLink>
            <NavLink to="/mes-tutos">{t('learner.nav.tutorials')}</NavLink>
            <NavLink to="/certification">{t('learner.certificationTest.navLabel')}</NavLink>
            <NavLink to="/mes-certifications">{t('certificationResults.mine.nav')}</NavLink>
            <NavLink to="/mon-compte">{t('learner.nav.account')}</NavLink>
            {me.memberships.length > 0 ? <NavLink to="/orga/">{t('orga.brand')}</NavLink> : null}
            {me.isPlatformAdmin ? <NavLink to="/admin/">{t('admin.brand')}</NavLink> : null}
          </nav>
        ) : null
      }
      tools={
        <>
          <LanguageSwitch />
          {me ? <SignOutButton to="/connexion" /> : null}
        </>
      }
    />
  );
}
