import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/schema';

/**
 * An organization's identity provider (`learners-and-accounts.md` §4): the Médiacentre
 * (SAML 2.0, as the GAR works) or an ENT speaking OpenID Connect. `slug` names it in URLs.
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    slug: text().primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    protocol: text().notNull(),
    /** MEDIACENTRE, or OIDC:<slug> for other providers: the authentication method it creates. */
    provider: text().notNull(),
    label: text().notNull(),
    /** SAML: entryPoint, idpCert, idpIssuer. OIDC: issuer, clientId, clientSecret. */
    config: jsonb().notNull(),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('identity_providers_by_organization').on(t.organizationId),
    check('identity_provider_protocol_is_known', sql`${t.protocol} in ('SAML', 'OIDC')`),
  ],
);

/**
 * Short-lived single-use keys of the SSO flows: a sign-in request in flight (SAML request id
 * or OIDC state with its nonce and PKCE verifier), an assertion already consumed (replay
 * guard), or an identity waiting for the pupil's birthdate (first Médiacentre sign-in).
 */
export const ssoTokens = pgTable(
  'sso_tokens',
  {
    /** SHA-256 of the value when it is a bearer secret; the assertion id otherwise. */
    key: text().primaryKey(),
    kind: text().notNull(),
    providerSlug: text().notNull(),
    data: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('sso_tokens_by_expiry').on(t.expiresAt),
    check('sso_token_kind_is_known', sql`${t.kind} in ('REQUEST', 'ASSERTION', 'PENDING_IDENTITY')`),
  ],
);
