import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { SpaceShell } from '../../shared/ui/SpaceShell';
import { menuFor } from './menu';
import { useOrga } from './orgaContext';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { UserMenu } from './UserMenu';

export function OrgaShell() {
  const { t } = useTranslation();
  const { membership } = useOrga();
  const { organization } = membership;

  return (
    <SpaceShell
      modifier="orga"
      home="/orga/"
      brandKey="orga.brand"
      current={{ name: organization.name, testId: 'current-organization' }}
      tools={
        <>
          <OrganizationSwitcher />
          <LanguageSwitch />
          <UserMenu />
        </>
      }
      sidebar={
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
      }
      footer={
        organization.documentationUrl ? (
          <p>
            {t('orga.footer.help')}{' '}
            <a href={organization.documentationUrl} target="_blank" rel="noreferrer" data-testid="footer-documentation-link">
              {t('orga.footer.documentation')}
              <span className="visually-hidden"> {t('common.newWindow')}</span>
            </a>
          </p>
        ) : null
      }
    />
  );
}
