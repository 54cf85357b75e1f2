import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../../shared/session/useMe';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { SignOutButton, SpaceShell } from '../../shared/ui/SpaceShell';

export function AdminLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <SpaceShell
      modifier="admin"
      home="/admin/"
      brandKey="admin.brand"
      nav={
        me?.isPlatformAdmin ? (
          <nav aria-label={t('admin.nav.label')} className="header__nav" data-testid="admin-menu">
            <NavLink to="/admin/organisations">{t('admin.nav.organizations')}</NavLink>
            <NavLink to="/admin/boite-d-envoi">{t('admin.nav.outbox')}</NavLink>
            <NavLink to="/admin/epreuves">{t('admin.nav.challenges')}</NavLink>
            <NavLink to="/admin/certification">{t('certificationResults.admin.nav')}</NavLink>
          </nav>
        ) : null
      }
      tools={
        <>
          <LanguageSwitch />
          {me ? <SignOutButton to="/admin/connexion" /> : null}
        </>
      }
    />
  );
}
