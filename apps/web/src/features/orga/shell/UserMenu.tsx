import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSignOut } from '../../shared/session/useMe';
import { LeaveOrganizationDialog } from '../team/LeaveOrganizationDialog';
import { useOrga } from './orgaContext';

/** A disclosure (not an ARIA menu): Tab moves through its links, Escape closes it and returns to the toggle. */
export function UserMenu() {
  const { t } = useTranslation();
  const { me } = useOrga();
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const signOut = useSignOut();
  const navigate = useNavigate();

  useEffect(() => {
    if (!open) return;
    function closeOnOutsideClick(event: MouseEvent) {
      if (container.current && !container.current.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('mousedown', closeOnOutsideClick);
    return () => document.removeEventListener('mousedown', closeOnOutsideClick);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      toggle.current?.focus();
    }
  }

  return (
    <div className="user-menu" ref={container} onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        data-testid="user-menu-toggle"
      >
        {t('orga.userMenu.toggle', { firstName: me.firstName, lastName: me.lastName })}
      </button>
      <ul id={listId} className="user-menu__list" hidden={!open}>
        <li>
          <Link to="/mon-compte">{t('orga.userMenu.account')}</Link>
        </li>
        <li>
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setOpen(false);
              setLeaving(true);
            }}
            data-testid="user-menu-leave"
          >
            {t('orga.team.members.leave.button')}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="button button--link"
            onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/orga/connexion') })}
            data-testid="sign-out"
          >
            {t('auth.signOut')}
          </button>
        </li>
      </ul>
      {leaving ? <LeaveOrganizationDialog onClose={() => setLeaving(false)} returnFocusTo={toggle} /> : null}
    </div>
  );
}
