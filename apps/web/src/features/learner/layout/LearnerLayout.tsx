import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { MAIN_ID, SkipLink } from '../../shared/ui/SkipLink';
import './learner.css';

export function LearnerLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();

  return (
    <div className="shell">
      <SkipLink />
      <header className="header">
        <Link to="/" className="header__brand">
          {t('common.brand')}
        </Link>
        {me ? (
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
        ) : null}
        <div className="header__tools">
          <LanguageSwitch />
          {me ? (
            <Button
              variant="secondary"
              busy={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/connexion') })}
              data-testid="sign-out"
            >
              {t('auth.signOut')}
            </Button>
          ) : null}
        </div>
      </header>
      <main id={MAIN_ID} className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}
