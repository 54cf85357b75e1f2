import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { ssoTokens } from './schema';

export type SsoTokenKind = 'REQUEST' | 'ASSERTION' | 'PENDING_IDENTITY';

export function hashValue(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomValue(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Stores a single-use key. `key` is already what goes in the table: the SHA-256 of a bearer
 * secret, or a public identifier (an assertion id). Returns false when the key exists, which
 * for an assertion id means a replay.
 */
export async function storeToken(
  executor: Executor,
  token: { key: string; kind: SsoTokenKind; providerSlug: string; data?: unknown; now: Date; expiresAt: Date },
): Promise<boolean> {
  // Expired keys are useless, and pending identities carry names: nothing outlives its expiry
  // by more than the next sign-in.
  await executor.delete(ssoTokens).where(lt(ssoTokens.expiresAt, token.now));
  const inserted = await executor
    .insert(ssoTokens)
    .values({ key: token.key, kind: token.kind, providerSlug: token.providerSlug, data: token.data ?? null, createdAt: token.now, expiresAt: token.expiresAt })
    .onConflictDoNothing()
    .returning({ key: ssoTokens.key });
  return inserted.length === 1;
}

/** A live, unused token of that kind and provider, or null. */
export async function findToken(executor: Executor, key: string, kind: SsoTokenKind, now: Date) {
  const [row] = await executor
    .select()
    .from(ssoTokens)
    .where(and(eq(ssoTokens.key, key), eq(ssoTokens.kind, kind), isNull(ssoTokens.usedAt), gt(ssoTokens.expiresAt, now)));
  return row ?? null;
}

/**
 * Marks a live token used and returns it; null when it is unknown, expired or already used.
 * The conditional update is the single-use guarantee, even for two requests at once.
 */
export async function consumeToken(executor: Executor, key: string, kind: SsoTokenKind, now: Date) {
  const [row] = await executor
    .update(ssoTokens)
    .set({ usedAt: now })
    .where(and(eq(ssoTokens.key, key), eq(ssoTokens.kind, kind), isNull(ssoTokens.usedAt), gt(ssoTokens.expiresAt, now)))
    .returning();
  return row ?? null;
}
