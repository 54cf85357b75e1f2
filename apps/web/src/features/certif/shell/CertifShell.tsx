import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { SignOutButton, SpaceShell } from '../../shared/ui/SpaceShell';
import { useCertif } from './certifContext';
import '../certif.css';

/** The `/certif` space: its own header and menu, like Orga's. */
export function CertifShell() {
  const { t } = useTranslation();
  const { centre } = useCertif();
  return (
    <SpaceShell
      modifier="certif"
      home="/certif/"
      brandKey="certif.brand"
      current={{ name: centre.organization.name, testId: 'current-centre' }}
      tools={
        <>
          <LanguageSwitch />
          <SignOutButton to="/certif/connexion" labelKey="certif.signOut" />
        </>
      }
      sidebar={
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
      }
    />
  );
}

/** Sign-in, before a centre membership is known. */
export function CertifPublicLayout() {
  return <SpaceShell modifier="certif" home="/certif/" brandKey="certif.brand" tools={<LanguageSwitch />} narrow />;
}
