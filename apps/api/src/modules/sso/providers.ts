import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { identityProviders } from './schema';

export type IdentityProviderRow = typeof identityProviders.$inferSelect;

/**
 * `config` of a SAML row. The attribute names default to the GAR's: `IDO` (the opaque,
 * per-resource pseudonym), `PRE` (first name), `NOM` (last name).
 */
export const samlConfigSchema = z.object({
  /** The IdP's single sign-on URL (HTTP-Redirect binding); a demonstration row derives it. */
  entryPoint: z.url().optional(),
  /** The IdP's signing certificate (PEM, or its base64 body as metadata gives it); several during a rollover. */
  idpCert: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  idpIssuer: z.string().min(1),
  attributes: z
    .object({
      externalIdentifier: z.string().min(1).default('IDO'),
      firstName: z.string().min(1).default('PRE'),
      lastName: z.string().min(1).default('NOM'),
    })
    .prefault({}),
  /** Some IdPs sign only the assertion (the GAR does); set true when the whole response is signed too. */
  wantResponseSigned: z.boolean().default(false),
  /**
   * Non-production only: the demonstration Médiacentre signs with this key and lists these
   * pupils. A real provider row never has it.
   */
  demo: z
    .object({
      privateKey: z.string().min(1),
      pupils: z.array(z.object({ externalIdentifier: z.string(), firstName: z.string(), lastName: z.string() })),
    })
    .optional(),
});
export type SamlConfig = z.infer<typeof samlConfigSchema>;

export interface SamlProvider {
  row: IdentityProviderRow;
  config: SamlConfig;
}

/** An enabled provider of that protocol, or SSO_PROVIDER_NOT_FOUND (unknown, disabled, other protocol). */
export async function findEnabledProvider(db: Executor, slug: string, protocol: 'SAML' | 'OIDC'): Promise<IdentityProviderRow> {
  const [row] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.slug, slug), eq(identityProviders.protocol, protocol), isNull(identityProviders.disabledAt)));
  if (!row) throw new AppError('SSO_PROVIDER_NOT_FOUND');
  return row;
}

export async function findSamlProvider(db: Executor, slug: string): Promise<SamlProvider> {
  const row = await findEnabledProvider(db, slug, 'SAML');
  const config = samlConfigSchema.safeParse(row.config);
  // A row an administrator got wrong is a server fault, not the pupil's: say so in the log.
  if (!config.success) throw new Error(`identity provider ${slug} has an invalid SAML config: ${z.prettifyError(config.error)}`);
  return { row, config: config.data };
}
