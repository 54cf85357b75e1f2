import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** Stored lowercased; optional for pupils who sign in with a username or the Médiacentre. */
    email: text(),
    username: text(),
    passwordHash: text(),
    mustChangePassword: boolean().notNull().default(false),
    lang: text().notNull().default('fr'),
    termsAcceptedAt: timestamp({ withTimezone: true }),
    orgaTermsAcceptedAt: timestamp({ withTimezone: true }),
    isPlatformAdmin: boolean().notNull().default(false),
    currentOrganizationId: uuid(),
    lastSignedInAt: timestamp({ withTimezone: true }),
    /** Consecutive failed sign-ins since the last success (lockout, `learners-and-accounts.md` §6). */
    failedSignInCount: integer().notNull().default(0),
    temporaryBlockUntil: timestamp({ withTimezone: true }),
    blockedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('one_account_per_email').on(t.email),
    uniqueIndex('one_account_per_username').on(t.username),
    // Sign-in and the username rule look usernames up case-insensitively.
    index('users_by_lowercase_username').on(sql`lower(${t.username})`),
    check('email_is_lowercase', sql`${t.email} = lower(${t.email})`),
    check('account_has_a_login', sql`${t.email} is not null or ${t.username} is not null or ${t.passwordHash} is null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the opaque cookie value: a leaked table does not leak usable sessions. */
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    userAgent: text(),
  },
  (t) => [index('sessions_by_user').on(t.userId)],
);

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('password_reset_tokens_by_user').on(t.userId)],
);

/**
 * Sign-ins through an external identity provider (`learners-and-accounts.md` §4): the
 * Médiacentre's pseudonymous identifier or another OIDC subject, with the names it gave.
 */
export const authenticationMethods = pgTable(
  'authentication_methods',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** MEDIACENTRE, or OIDC:<provider slug> for other providers. */
    provider: text().notNull(),
    externalIdentifier: text().notNull(),
    firstName: text(),
    lastName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('one_account_per_external_identity').on(t.provider, t.externalIdentifier),
    uniqueIndex('one_external_identity_per_account_and_provider').on(t.userId, t.provider),
  ],
);
