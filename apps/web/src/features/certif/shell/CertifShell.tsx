import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useSignOut } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { MAIN_ID, SkipLink } from '../../shared/ui/SkipLink';
import { SpaceContext } from '../../shared/ui/spaceContext';
import { useCertif } from './certifContext';
import '../certif.css';

/** The `/certif` space: its own header and menu, like Orga's. */
export function CertifShell() {
  const { t } = useTranslation();
  const { centre } = useCertif();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <div className="shell shell--certif">
      <SkipLink />
      <header className="header">
        <Link to="/certif/" className="header__brand">
          {t('certif.brand')}
        </Link>
        <p className="header__organization" data-testid="current-centre">
          {centre.organization.name}
        </p>
        <div className="header__tools">
          <LanguageSwitch />
          <Button variant="secondary" onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/certif/connexion') })} data-testid="sign-out">
            {t('certif.signOut')}
          </Button>
        </div>
      </header>
      <div className="shell__body">
        <nav aria-label={t('certif.menu.label')} className="sidebar" data-testid="certif-menu">
          <ul>
            <li>
              <NavLink to="/certif/sessions" data-testid="menu-sittings">
                {t('certif.menu.sittings')}
              </NavLink>
            </li>
            <li>
              <Link to="/orga/">{t('certif.menu.orga')}</Link>
            </li>
          </ul>
        </nav>
        <main id={MAIN_ID} className="main" tabIndex={-1}>
          <SpaceContext.Provider value="certif.brand">
            <Outlet />
          </SpaceContext.Provider>
        </main>
      </div>
      <footer className="footer">
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}

/** Sign-in, before a centre membership is known. */
export function CertifPublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="shell shell--certif">
      <SkipLink />
      <header className="header">
        <Link to="/certif/" className="header__brand">
          {t('certif.brand')}
        </Link>
        <div className="header__tools">
          <LanguageSwitch />
        </div>
      </header>
      <main id={MAIN_ID} className="main main--narrow" tabIndex={-1}>
        <SpaceContext.Provider value="certif.brand">
          <Outlet />
        </SpaceContext.Provider>
      </main>
      <footer className="footer">
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}
