import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { isUniqueViolation } from '../../platform/db/constraints';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Mailer } from '../../platform/mail';
import { escapeHtml } from '../../platform/mail';
import type { RateLimiter } from '../../platform/rate-limit';
import { hashPassword, isCommonPassword, verifyPassword } from './password';
import { passwordResetTokens, users } from './schema';
import { createSession, hashToken, randomToken, revokeAllSessions } from './sessions';
import { findUserByEmail, findUserById } from './users.repository';

/** A password-reset link is valid 24 hours and once (`learners-and-accounts.md` §6). */
export const PASSWORD_RESET_TTL_MS = 24 * 3600_000;
const RESET_REQUESTS_PER_HOUR = 3;

export interface AccountDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  limiter: RateLimiter;
  publicUrl: string;
}

function assertNotCommon(password: string, pointer: string) {
  if (isCommonPassword(password)) throw new AppError('PASSWORD_TOO_WEAK', { pointer });
}

export async function signUp(
  deps: Pick<AccountDeps, 'db' | 'clock'>,
  input: { firstName: string; lastName: string; email: string; password: string; lang?: 'fr' | 'en' | undefined; userAgent?: string | undefined },
) {
  assertNotCommon(input.password, '/password');
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email.toLowerCase(),
          passwordHash,
          lang: input.lang ?? 'fr',
          termsAcceptedAt: now,
          lastSignedInAt: now,
        })
        .returning({ id: users.id });
      const session = await createSession(tx, user!.id, now, input.userAgent);
      return { userId: user!.id, ...session };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'one_account_per_email')) throw new AppError('EMAIL_ALREADY_USED', { pointer: '/email' });
    throw error;
  }
}

/**
 * Changes the password and revokes every session of the account; the caller gets a fresh
 * one. A temporary password is replaced without asking for it again.
 */
export async function changePassword(
  deps: Pick<AccountDeps, 'db' | 'clock'>,
  input: { userId: string; currentPassword?: string | undefined; newPassword: string; userAgent?: string | undefined },
) {
  const user = await findUserById(deps.db, input.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!user.mustChangePassword && !(await verifyPassword(user.passwordHash, input.currentPassword ?? ''))) {
    throw new AppError('CURRENT_PASSWORD_INVALID', { pointer: '/currentPassword' });
  }
  assertNotCommon(input.newPassword, '/newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: now }).where(eq(users.id, user.id));
    await revokeAllSessions(tx, user.id, now);
    return createSession(tx, user.id, now, input.userAgent);
  });
}

/** Always answers the same way, so the form does not reveal which addresses have an account. */
export async function requestPasswordReset(deps: AccountDeps, email: string): Promise<void> {
  const normalized = email.trim().toLowerCase();
  if ((await deps.limiter.hit(`password-reset:${normalized}`, 3600)) > RESET_REQUESTS_PER_HOUR) {
    throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(deps.limiter.retryAfter(3600)) } });
  }
  const user = await findUserByEmail(deps.db, normalized);
  if (!user) return;
  const token = randomToken();
  const now = deps.clock.now();
  const link = `${deps.publicUrl}/reinitialiser-mot-de-passe?token=${token}`;
  const mailId = await deps.db.transaction(async (tx) => {
    await tx.insert(passwordResetTokens).values({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    });
    return deps.mailer.add(tx, {
      to: normalized,
      subject: 'Jalon : réinitialisation de votre mot de passe',
      text:
        `Bonjour ${user.firstName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 24 heures, une seule fois) :\n${link}\n\n` +
        `Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n\nL'équipe Jalon`,
      html:
        `<p>Bonjour ${escapeHtml(user.firstName)},</p><p>Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 24 heures, une seule fois) :</p>` +
        `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.</p><p>L'équipe Jalon</p>`,
    });
  });
  await deps.mailer.dispatch([mailId]);
}

async function findUsableResetToken(db: Db, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt)));
  if (!row) throw new AppError('PASSWORD_RESET_TOKEN_INVALID');
  if (row.expiresAt <= now) throw new AppError('PASSWORD_RESET_TOKEN_EXPIRED');
  return row;
}

export async function checkPasswordResetToken(deps: Pick<AccountDeps, 'db' | 'clock'>, token: string): Promise<void> {
  await findUsableResetToken(deps.db, token, deps.clock.now());
}

/** Consumes the link: sets the password, lifts a temporary lockout, revokes every session. */
export async function resetPassword(deps: Pick<AccountDeps, 'db' | 'clock'>, input: { token: string; newPassword: string }) {
  const now = deps.clock.now();
  const row = await findUsableResetToken(deps.db, input.token, now);
  assertNotCommon(input.newPassword, '/newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    const used = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.tokenHash, row.tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
      .returning({ tokenHash: passwordResetTokens.tokenHash });
    if (used.length === 0) throw new AppError('PASSWORD_RESET_TOKEN_INVALID');
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, failedSignInCount: 0, temporaryBlockUntil: null, updatedAt: now })
      .where(eq(users.id, row.userId));
    await revokeAllSessions(tx, row.userId, now);
  });
}
