import type { Me } from '../../../api/types';
import { entryPath } from '../../shared/session/entryPath';

/** Entering Orga also owes the Orga terms of use once; going there directly avoids a page flashing by. */
export function orgaEntryPath(me: Me, returnTo = '/orga/'): string {
  if (me.orgaTermsAcceptedAt === null && !me.mustChangePassword) return `/orga/cgu?retour=${encodeURIComponent(returnTo)}`;
  return entryPath(me, returnTo);
}
