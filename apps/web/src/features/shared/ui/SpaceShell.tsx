import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { useSignOut } from '../session/useMe';
import { Button } from './Button';
import { MAIN_ID, SkipLink } from './SkipLink';
import { SpaceContext } from './spaceContext';

interface SpaceShellProps {
  /** `shell--<modifier>` picks the space's colours; none for the learner's space. */
  modifier?: 'orga' | 'certif' | 'admin';
  home: string;
  /** The brand's i18n key, also the page titles' suffix (`SpaceContext`). */
  brandKey: string;
  /** The organization or centre the pages are about, under the brand. */
  current?: { name: string; testId: string };
  nav?: ReactNode;
  tools: ReactNode;
  sidebar?: ReactNode;
  narrow?: boolean;
  /** Above the common footer line. */
  footer?: ReactNode;
}

/**
 * The frame every space shares: skip link, header (brand, current organization, menu, tools),
 * an optional side menu, the page, the footer. Spaces differ only by what they put in it.
 */
export function SpaceShell({ modifier, home, brandKey, current, nav, tools, sidebar, narrow = false, footer }: SpaceShellProps) {
  const { t } = useTranslation();
  const main = (
    <main id={MAIN_ID} className={narrow ? 'main main--narrow' : 'main'} tabIndex={-1}>
      <SpaceContext.Provider value={brandKey}>
        <Outlet />
      </SpaceContext.Provider>
    </main>
  );
  return (
    <div className={modifier ? `shell shell--${modifier}` : 'shell'}>
      <SkipLink />
      <header className="header">
        <Link to={home} className="header__brand">
          {t(brandKey)}
        </Link>
        {current ? (
          <p className="header__organization" data-testid={current.testId}>
            {current.name}
          </p>
        ) : null}
        {nav}
        <div className="header__tools">{tools}</div>
      </header>
      {sidebar ? (
        <div className="shell__body">
          {sidebar}
          {main}
        </div>
      ) : (
        main
      )}
      <footer className="footer">
        {footer}
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}

/** « Se déconnecter », then the space's sign-in page. */
export function SignOutButton({ to, labelKey = 'auth.signOut' }: { to: string; labelKey?: string }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Button variant="secondary" busy={signOut.isPending} onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate(to) })} data-testid="sign-out">
      {t(labelKey)}
    </Button>
  );
}
