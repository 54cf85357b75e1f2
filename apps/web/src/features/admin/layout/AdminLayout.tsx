import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { MAIN_ID, SkipLink } from '../../shared/ui/SkipLink';
import { SpaceContext } from '../../shared/ui/spaceContext';

export function AdminLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <div className="shell shell--admin">
      <SkipLink />
      <header className="header">
        <Link to="/admin/" className="header__brand">
          {t('admin.brand')}
        </Link>
        {me?.isPlatformAdmin ? (
          <nav aria-label={t('admin.nav.label')} className="header__nav" data-testid="admin-menu">
            <NavLink to="/admin/organisations">{t('admin.nav.organizations')}</NavLink>
            <NavLink to="/admin/boite-d-envoi">{t('admin.nav.outbox')}</NavLink>
            <NavLink to="/admin/epreuves">{t('admin.nav.challenges')}</NavLink>
            <NavLink to="/admin/certification">{t('certificationResults.admin.nav')}</NavLink>
          </nav>
        ) : null}
        <div className="header__tools">
          <LanguageSwitch />
          {me ? (
            <Button
              variant="secondary"
              busy={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/admin/connexion') })}
              data-testid="sign-out"
            >
              {t('auth.signOut')}
            </Button>
          ) : null}
        </div>
      </header>
      <main id={MAIN_ID} className="main" tabIndex={-1}>
        <SpaceContext.Provider value="admin.brand">
          <Outlet />
        </SpaceContext.Provider>
      </main>
      <footer className="footer">
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}
