import { useEffect, useRef, useState } from 'react';
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

/** The pending departure when it is the browser's Back button rather than a link. */
const BACK = Symbol('back');

/** Marks the extra history entry that stands between the page and the Back button. */
const GUARD_STATE_KEY = 'jalonLeaveGuard';

function isGuardEntry(state: unknown): boolean {
  return typeof state === 'object' && state !== null && GUARD_STATE_KEY in state;
}

/**
 * While results are unsent (seed item 24), leaving asks first: the browser's own prompt on
 * reload or closing, and a confirmation of ours for links inside Jalon and for Back. The app
 * uses a plain router, which has no navigation blocker, so links are held back at the click,
 * and Back lands on a copy of this page pushed on top of it, where the question is asked.
 */
export function useLeaveUnsentGuard(active: boolean) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [pending, setPending] = useState<string | typeof BACK | null>(null);
  const leaving = useRef(false);

  useEffect(() => {
    if (!active) {
      // Sent: the guard entry is no longer needed, and Back should not seem to do nothing.
      if (isGuardEntry(window.history.state)) window.history.back();
      return;
    }
    const guardEntry = { ...(window.history.state as object | null), [GUARD_STATE_KEY]: true };
    if (!isGuardEntry(window.history.state)) window.history.pushState(guardEntry, '', window.location.href);
    const onPopState = (event: PopStateEvent) => {
      if (leaving.current || isGuardEntry(event.state)) return;
      window.history.pushState(guardEntry, '', window.location.href);
      setPending(BACK);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [active]);

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
      const departure = pending;
      setPending(null);
      // Two steps back: over the guard entry, then the Back the learner asked for.
      if (departure === BACK) {
        leaving.current = true;
        window.history.go(-2);
      } else if (departure !== null) void navigate(departure);
    },
  };
}
