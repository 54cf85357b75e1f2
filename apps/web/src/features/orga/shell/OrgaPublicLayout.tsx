import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { MAIN_ID, SkipLink } from '../../shared/ui/SkipLink';
import { SpaceContext } from '../../shared/ui/spaceContext';

/** Orga pages reachable before a membership exists: sign-in, terms of use, invitation. */
export function OrgaPublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="shell shell--orga">
      <SkipLink />
      <header className="header">
        <Link to="/orga/" className="header__brand">
          {t('orga.brand')}
        </Link>
        <div className="header__tools">
          <LanguageSwitch />
        </div>
      </header>
      <main id={MAIN_ID} className="main main--narrow" tabIndex={-1}>
        <SpaceContext.Provider value="orga.brand">
          <Outlet />
        </SpaceContext.Provider>
      </main>
      <footer className="footer">
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}
