import { CAMPAIGN_CODE_PATTERN, normalizeCampaignCode } from '@jalon/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import { authenticationMethods, createSession, rememberSignInAddress, SESSION_LIFETIME_MS, users } from '../identity';
import { hashValue, randomValue, storeToken } from './tokens';

/** What an identity provider vouched for, whatever the protocol (SAML or OpenID Connect). */
export interface ExternalIdentity {
  providerSlug: string;
  /** The authentication method it gives: MEDIACENTRE, or OIDC:<slug>. */
  provider: string;
  /** The organization whose identity provider it is: a first sign-in links only to its learners. */
  organizationId: string;
  /** Opaque and pseudonymous (the GAR's `IDO`, an OIDC `sub`). */
  externalIdentifier: string;
  firstName: string;
  lastName: string;
}

export interface ExternalSignInDeps {
  db: Db;
  clock: Clock;
  secureCookies: boolean;
}

/** The cookie of an identity waiting for the pupil's birthdate; sent only to the SSO routes. */
export const PENDING_COOKIE = 'jalon_sso_pending';
const PENDING_COOKIE_PATH = '/api/sso';
/** Long enough to find the code on the board and type a birthdate, short enough on a shared PC. */
export const PENDING_IDENTITY_MS = 30 * 60_000;

/** Web pages the browser lands on after an SSO sign-in. */
export const landingPaths = {
  campaign: (code: string) => `/campagnes/${code}`,
  /** The learner's « J'ai un code » page. */
  codeEntry: '/campagnes',
  firstSignIn: (code: string | undefined) => (code ? `/premiere-connexion?code=${encodeURIComponent(code)}` : '/premiere-connexion'),
};

/** A campaign code that came with a sign-in (query, RelayState) is kept only when well formed. */
export function campaignCodeOrUndefined(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = normalizeCampaignCode(value.trim());
  return CAMPAIGN_CODE_PATTERN.test(code) ? code : undefined;
}

export function setSessionCookies(deps: Pick<ExternalSignInDeps, 'secureCookies'>, reply: FastifyReply, session: { token: string; csrfToken: string }) {
  const common = { path: '/', sameSite: 'lax' as const, secure: deps.secureCookies, maxAge: SESSION_LIFETIME_MS / 1000 };
  void reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearPendingCookie(reply: FastifyReply) {
  void reply.clearCookie(PENDING_COOKIE, { path: PENDING_COOKIE_PATH });
}

/** Signs in an existing account: a new session, and the dates of this sign-in. */
export async function openSession(tx: Executor, userId: string, methodId: string, now: Date, request: FastifyRequest) {
  await tx.update(users).set({ lastSignedInAt: now, failedSignInCount: 0, temporaryBlockUntil: null }).where(eq(users.id, userId));
  await tx.update(authenticationMethods).set({ lastUsedAt: now }).where(eq(authenticationMethods.id, methodId));
  // A pupil who also has a password then gets past the school address's sign-in throttle.
  await rememberSignInAddress(tx, userId, request.ip, now);
  return createSession(tx, userId, now, request.headers['user-agent']);
}

/**
 * Signs in the account holding this identity, or parks it as a PENDING_IDENTITY until the
 * pupil gives their birthdate; returns where the browser goes next.
 */
export async function completeExternalSignIn(
  deps: ExternalSignInDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  identity: ExternalIdentity,
  target: { campaignCode?: string | undefined },
): Promise<{ redirectTo: string }> {
  const now = deps.clock.now();
  const code = campaignCodeOrUndefined(target.campaignCode);
  const [known] = await deps.db
    .select({ methodId: authenticationMethods.id, userId: users.id, blockedAt: users.blockedAt })
    .from(authenticationMethods)
    .innerJoin(users, eq(users.id, authenticationMethods.userId))
    .where(and(eq(authenticationMethods.provider, identity.provider), eq(authenticationMethods.externalIdentifier, identity.externalIdentifier)));

  if (known) {
    if (known.blockedAt) throw new AppError('ACCOUNT_BLOCKED');
    const session = await deps.db.transaction(async (tx) => {
      // The provider's names are the current ones (a corrected spelling, a new last name).
      await tx
        .update(authenticationMethods)
        .set({ firstName: identity.firstName, lastName: identity.lastName })
        .where(eq(authenticationMethods.id, known.methodId));
      return openSession(tx, known.userId, known.methodId, now, request);
    });
    setSessionCookies(deps, reply, session);
    clearPendingCookie(reply);
    return { redirectTo: code ? landingPaths.campaign(code) : landingPaths.codeEntry };
  }

  const secret = randomValue();
  await storeToken(deps.db, {
    key: hashValue(secret),
    kind: 'PENDING_IDENTITY',
    providerSlug: identity.providerSlug,
    data: identity,
    now,
    expiresAt: new Date(now.getTime() + PENDING_IDENTITY_MS),
  });
  // Whoever was signed in on this browser before is not the pupil now arriving from the ENT.
  void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
  void reply.setCookie(PENDING_COOKIE, secret, {
    path: PENDING_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secureCookies,
    maxAge: PENDING_IDENTITY_MS / 1000,
  });
  return { redirectTo: landingPaths.firstSignIn(code) };
}
