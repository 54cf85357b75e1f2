import type { Me } from '../../../api/types';

/**
 * Where to go right after signing in: straight to the step still owed (a temporary password
 * to replace) rather than through a protected page that would redirect at once.
 */
export function entryPath(me: Me, returnTo: string): string {
  return me.mustChangePassword ? `/changer-mot-de-passe?retour=${encodeURIComponent(returnTo)}` : returnTo;
}
