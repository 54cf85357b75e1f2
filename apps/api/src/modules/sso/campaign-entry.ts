import { CAMPAIGN_CODE_PATTERN, normalizeCampaignCode, type CampaignSsoEntry } from '@jalon/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { campaigns } from '../campaigns';
import { authenticationMethods } from '../identity';
import { identityProviders } from './schema';

/**
 * The identity providers of a campaign's organization, with the sign-in link that brings the
 * code back, and whether the caller already came through one: the landing then hints at the
 * ENT for pupils signed in another way, and never blocks them.
 */
export async function campaignSsoEntry(db: Db, rawCode: string, userId: string | undefined): Promise<CampaignSsoEntry> {
  const code = normalizeCampaignCode(rawCode);
  if (!CAMPAIGN_CODE_PATTERN.test(code)) return { providers: [], signedInThroughProvider: false };
  const rows = await db
    .select({ slug: identityProviders.slug, protocol: identityProviders.protocol, provider: identityProviders.provider, label: identityProviders.label })
    .from(identityProviders)
    .innerJoin(campaigns, eq(campaigns.organizationId, identityProviders.organizationId))
    .where(and(eq(campaigns.code, code), isNull(campaigns.deletedAt), isNull(identityProviders.disabledAt)))
    .orderBy(identityProviders.label);
  const providers = rows.map((row) => ({
    label: row.label,
    loginUrl: `/api/sso/${row.protocol === 'SAML' ? 'saml' : 'oidc'}/${row.slug}/login?code=${code}`,
  }));
  if (!userId || rows.length === 0) return { providers, signedInThroughProvider: false };
  const methods = await db
    .select({ id: authenticationMethods.id })
    .from(authenticationMethods)
    .where(and(eq(authenticationMethods.userId, userId), inArray(authenticationMethods.provider, [...new Set(rows.map((row) => row.provider))])));
  return { providers, signedInThroughProvider: methods.length > 0 };
}
