import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';

/** The two Team tabs are links (each has its own URL), so they are a nav with aria-current rather than an ARIA tablist. */
export function TeamTabs({ showInvite = true }: { showInvite?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="tabs-bar">
      <nav aria-label={t('orga.team.tabs')} className="tabs">
        <NavLink to="/orga/equipe/membres" data-testid="tab-members">
          {t('orga.team.members.tab')}
        </NavLink>
        <NavLink to="/orga/equipe/invitations" data-testid="tab-invitations">
          {t('orga.team.invitations.tab')}
        </NavLink>
      </nav>
      {showInvite ? (
        <Link to="/orga/equipe/inviter" className="button button--primary" data-testid="invite-member-link">
          {t('orga.team.invite.title')}
        </Link>
      ) : null}
    </div>
  );
}
