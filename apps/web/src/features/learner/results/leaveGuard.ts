import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The in-app path a click would open, when that click should be held back: a plain left
 * click on a same-origin link to another page. New tabs, downloads and modified clicks pass.
 */
export function heldBackPath(event: MouseEvent, currentPath: string): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.pathname === currentPath ? null : path;
}

/**
 * While results are unsent (seed item 24), leaving asks first: the browser's own prompt on
 * reload or closing, and a confirmation of ours for links inside Jalon. The app uses a plain
 * router, which has no navigation blocker, so links are held back at the click.
 */
export function useLeaveUnsentGuard(active: boolean) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      const path = heldBackPath(event, pathname);
      if (path === null) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(path);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active, pathname]);

  return {
    pending: active ? pending : null,
    stay: () => setPending(null),
    leave: () => {
      const path = pending;
      setPending(null);
      if (path !== null) void navigate(path);
    },
  };
}
