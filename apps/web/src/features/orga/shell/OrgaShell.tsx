import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { MAIN_ID, SkipLink } from '../../shared/ui/SkipLink';
import { menuFor } from './menu';
import { useOrga } from './orgaContext';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { UserMenu } from './UserMenu';
import { SpaceContext } from '../../shared/ui/spaceContext';

export function OrgaShell() {
  const { t } = useTranslation();
  const { membership } = useOrga();
  const { organization } = membership;

  return (
    <div className="shell shell--orga">
      <SkipLink />
      <header className="header">
        <Link to="/orga/" className="header__brand">
          {t('orga.brand')}
        </Link>
        <p className="header__organization" data-testid="current-organization">
          {organization.name}
        </p>
        <div className="header__tools">
          <OrganizationSwitcher />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <div className="shell__body">
        <nav aria-label={t('orga.menu.label')} className="sidebar" data-testid="orga-menu">
          <ul>
            {menuFor(membership).map((entry) => (
              <li key={entry.key}>
                <NavLink to={entry.path} data-testid={`menu-${entry.key}`}>
                  {t(entry.labelKey)}
                </NavLink>
              </li>
            ))}
            {organization.documentationUrl ? (
              <li>
                <a href={organization.documentationUrl} target="_blank" rel="noreferrer" data-testid="menu-documentation-link">
                  {t('orga.menu.guide')}
                  <span className="visually-hidden"> {t('common.newWindow')}</span>
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
        <main id={MAIN_ID} className="main" tabIndex={-1}>
          <SpaceContext.Provider value="orga.brand">
            <SpaceContext.Provider value="orga.brand">
          <Outlet />
        </SpaceContext.Provider>
          </SpaceContext.Provider>
        </main>
      </div>
      <footer className="footer">
        {organization.documentationUrl ? (
          <p>
            {t('orga.footer.help')}{' '}
            <a href={organization.documentationUrl} target="_blank" rel="noreferrer" data-testid="footer-documentation-link">
              {t('orga.footer.documentation')}
              <span className="visually-hidden"> {t('common.newWindow')}</span>
            </a>
          </p>
        ) : null}
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}
