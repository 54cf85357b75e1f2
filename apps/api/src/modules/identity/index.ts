/**
 * Identity: accounts, sessions, passwords. Other modules use these functions only.
 */
import type { SessionContext } from '../../platform/http/access';
import type { Executor } from '../../platform/db/database';
import { findLiveSession } from './sessions';

export { identityRoutes } from './routes';
export type { MeMembership, ListMemberships } from './me.query';
export { hashPassword } from './password';
export { rememberSignInAddress } from './sign-in';
export { findUserByEmail, findUserById, type User } from './users.repository';
export { authenticationMethods, users } from './schema';
// Sign-ins that do not go through a password (SSO) open their session the same way.
export { createSession, SESSION_LIFETIME_MS } from './sessions';

/** Resolves a session cookie to the caller, or null when it is unknown, revoked or expired. */
export async function resolveSession(executor: Executor, token: string, now: Date): Promise<SessionContext | null> {
  const session = await findLiveSession(executor, token, now);
  if (!session || session.blockedAt) return null;
  return {
    tokenHash: session.tokenHash,
    csrfToken: session.csrfToken,
    userId: session.userId,
    mustChangePassword: session.mustChangePassword,
    isPlatformAdmin: session.isPlatformAdmin,
  };
}
