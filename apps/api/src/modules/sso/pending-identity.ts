import { normalizeCampaignCode, CAMPAIGN_CODE_PATTERN, type PendingIdentity, type PendingIdentityLinkBody } from '@jalon/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { RateLimiter } from '../../platform/rate-limit';
import { campaigns } from '../campaigns';
import { authenticationMethods, users } from '../identity';
import { reconcile } from '../participation';
import {
  clearPendingCookie,
  landingPaths,
  openSession,
  PENDING_COOKIE,
  setSessionCookies,
  type ExternalIdentity,
  type ExternalSignInDeps,
} from './external-identity';
import { identityProviders } from './schema';
import { consumeToken, findToken, hashValue } from './tokens';

/** Failed birthdates per external identity and hour, as reconciliation allows per account. */
const FAILURES_PER_HOUR = 10;

export interface PendingIdentityDeps extends ExternalSignInDeps {
  limiter: RateLimiter;
}

function pendingKey(request: FastifyRequest): string {
  const secret = request.cookies[PENDING_COOKIE];
  if (!secret) throw new AppError('SSO_PENDING_IDENTITY_NOT_FOUND');
  return hashValue(secret);
}

async function pendingIdentity(db: Executor, key: string, now: Date): Promise<ExternalIdentity> {
  const token = await findToken(db, key, 'PENDING_IDENTITY', now);
  if (!token) throw new AppError('SSO_PENDING_IDENTITY_NOT_FOUND');
  return token.data as ExternalIdentity;
}

/** The names the provider gave, for the form that shows them locked. */
export async function readPendingIdentity(deps: PendingIdentityDeps, request: FastifyRequest): Promise<PendingIdentity> {
  const identity = await pendingIdentity(deps.db, pendingKey(request), deps.clock.now());
  const [provider] = await deps.db.select({ label: identityProviders.label }).from(identityProviders).where(eq(identityProviders.slug, identity.providerSlug));
  return { firstName: identity.firstName, lastName: identity.lastName, providerLabel: provider?.label ?? '' };
}

/**
 * reconcile's limiter inside our transaction. Its own counter is per account, and the account
 * is new here, so the count that matters is the identity's, read before; a failure it records
 * is rolled back with everything else, and ours is recorded after.
 */
function limiterInside(limiter: RateLimiter, tx: Executor, failures: number): RateLimiter {
  return {
    count: async () => failures,
    hit: (key, windowSeconds) => limiter.hit(key, windowSeconds, tx),
    retryAfter: (windowSeconds) => limiter.retryAfter(windowSeconds),
    purge: () => limiter.purge(),
  };
}

/**
 * First sign-in: the pupil typed a campaign code and their birthdate. In one transaction the
 * account is created (no e-mail, no password) with its login method and linked to the learner
 * of the provider's organization; a refusal creates nothing. Then the pupil is signed in.
 */
export async function linkPendingIdentity(
  deps: PendingIdentityDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  body: PendingIdentityLinkBody,
): Promise<{ redirectTo: string }> {
  const key = pendingKey(request);
  const now = deps.clock.now();
  const identity = await pendingIdentity(deps.db, key, now);

  // Wrong codes count with wrong birthdates: the form must not become a way to guess codes.
  const failureKey = `sso-reconciliation-failures:${hashValue(`${identity.provider}:${identity.externalIdentifier}`)}`;
  const failures = await deps.limiter.count(failureKey, 3600);
  if (failures >= FAILURES_PER_HOUR) throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(deps.limiter.retryAfter(3600)) } });

  const code = normalizeCampaignCode(body.campaignCode);
  if (!CAMPAIGN_CODE_PATTERN.test(code)) throw new AppError('CAMPAIGN_CODE_INVALID_FORMAT', { pointer: '/campaignCode' });
  const [campaign] = await deps.db
    .select({ organizationId: campaigns.organizationId })
    .from(campaigns)
    .where(and(eq(campaigns.code, code), isNull(campaigns.deletedAt)));
  if (!campaign) {
    await deps.limiter.hit(failureKey, 3600);
    throw new AppError('CAMPAIGN_CODE_NOT_FOUND', { pointer: '/campaignCode' });
  }
  // A provider vouches for the pupils of its own organization only.
  if (campaign.organizationId !== identity.organizationId) throw new AppError('SSO_CAMPAIGN_NOT_IN_ORGANIZATION', { pointer: '/campaignCode' });

  let session: { token: string; csrfToken: string };
  try {
    session = await deps.db.transaction(async (tx) => {
      if (!(await consumeToken(tx, key, 'PENDING_IDENTITY', now))) throw new AppError('SSO_PENDING_IDENTITY_NOT_FOUND');
      const [existing] = await tx
        .select({ id: authenticationMethods.id, userId: authenticationMethods.userId })
        .from(authenticationMethods)
        .where(and(eq(authenticationMethods.provider, identity.provider), eq(authenticationMethods.externalIdentifier, identity.externalIdentifier)));
      // Linked meanwhile from another tab: that account is the pupil's, sign it in.
      if (existing) return openSession(tx, existing.userId, existing.id, now, request);

      const [user] = await tx
        .insert(users)
        .values({ firstName: identity.firstName, lastName: identity.lastName, lastSignedInAt: now, createdAt: now, updatedAt: now })
        .returning();
      const [method] = await tx
        .insert(authenticationMethods)
        .values({
          userId: user!.id,
          provider: identity.provider,
          externalIdentifier: identity.externalIdentifier,
          firstName: identity.firstName,
          lastName: identity.lastName,
          createdAt: now,
        })
        .returning({ id: authenticationMethods.id });
      await reconcile(
        { db: tx, limiter: limiterInside(deps.limiter, tx, failures) },
        { organizationId: identity.organizationId, user: user!, firstName: identity.firstName, lastName: identity.lastName, birthdate: body.birthdate, confirm: true },
      );
      return openSession(tx, user!.id, method!.id, now, request);
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'RECONCILIATION_NO_MATCH' || error.code === 'RECONCILIATION_AMBIGUOUS')) {
      await deps.limiter.hit(failureKey, 3600);
    }
    throw error;
  }
  setSessionCookies(deps, reply, session);
  clearPendingCookie(reply);
  return { redirectTo: landingPaths.campaign(code) };
}
