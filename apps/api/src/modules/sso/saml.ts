import { randomBytes } from 'node:crypto';
import { SAML, SamlStatusError, ValidateInResponseTo, type Profile } from '@node-saml/node-saml';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { campaignCodeOrUndefined, type ExternalIdentity } from './external-identity';
import type { SamlProvider } from './providers';
import { consumeToken, storeToken } from './tokens';

/** A sign-in started here must come back within this time. */
const REQUEST_TTL_MS = 10 * 60_000;
/** Assertions without any NotOnOrAfter are held to this age (the GAR always sets one). */
const MAX_ASSERTION_AGE_MS = 5 * 60_000;
/** Clocks of the IdP and ours may disagree a little. */
const CLOCK_SKEW_MS = 60_000;

export interface SamlDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
}

/** Our service provider's addresses for one identity provider, from `JALON_PUBLIC_URL`. */
export function serviceProviderUrls(publicUrl: string, slug: string) {
  const base = `${publicUrl}/api/sso/saml/${slug}`;
  return { entityId: `${base}/metadata`, acs: `${base}/acs`, login: `${base}/login` };
}

/** The demonstration Médiacentre's sign-on page, on this instance whatever its address. */
export function demoEntryPoint(publicUrl: string, slug: string): string {
  return `${publicUrl}/api/sso/demo-mediacentre/${slug}`;
}

function serviceProvider(deps: SamlDeps, provider: SamlProvider, requestId?: string): SAML {
  const urls = serviceProviderUrls(deps.publicUrl, provider.row.slug);
  return new SAML({
    issuer: urls.entityId,
    callbackUrl: urls.acs,
    audience: urls.entityId,
    entryPoint: provider.config.demo ? demoEntryPoint(deps.publicUrl, provider.row.slug) : provider.config.entryPoint,
    idpCert: provider.config.idpCert,
    idpIssuer: provider.config.idpIssuer,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: provider.config.wantResponseSigned,
    // Pseudonymous identifiers come as an attribute; no NameID format is asked for.
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    // Times are checked below with the injected clock, which node-saml cannot use; request
    // ids are checked against our single-use tokens, which every process shares.
    acceptedClockSkewMs: -1,
    validateInResponseTo: ValidateInResponseTo.never,
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}

export function metadataXml(deps: SamlDeps, provider: SamlProvider): string {
  return serviceProvider(deps, provider).generateServiceProviderMetadata(null, null);
}

/** SP-initiated sign-in: the AuthnRequest's id is kept as a REQUEST token, with the campaign code. */
export async function authorizeUrl(deps: SamlDeps, provider: SamlProvider, campaignCode: string | undefined): Promise<string> {
  if (!provider.config.entryPoint && !provider.config.demo) throw new Error(`identity provider ${provider.row.slug} has no entryPoint`);
  const requestId = `_${randomBytes(20).toString('hex')}`;
  const now = deps.clock.now();
  await storeToken(deps.db, {
    key: requestId,
    kind: 'REQUEST',
    providerSlug: provider.row.slug,
    data: { campaignCode: campaignCode ?? null },
    now,
    expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
  });
  return serviceProvider(deps, provider, requestId).getAuthorizeUrlAsync(campaignCode ?? '', undefined, {});
}

type XmlNode = { $?: Record<string, string>; _?: string } & Record<string, unknown>;

function first(node: unknown, key: string): XmlNode | undefined {
  const list = (node as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(list) ? (list[0] as XmlNode) : undefined;
}

function instant(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError('SAML_RESPONSE_INVALID');
  return ms;
}

/** node-saml's message for what it refused, turned into our code; the message goes to the log only. */
function refusalCode(error: unknown): 'SAML_SIGNATURE_INVALID' | 'SAML_AUDIENCE_MISMATCH' | 'SAML_RESPONSE_INVALID' {
  if (error instanceof SamlStatusError) return 'SAML_RESPONSE_INVALID';
  const message = error instanceof Error ? error.message : '';
  if (/signature/i.test(message)) return 'SAML_SIGNATURE_INVALID';
  if (/audience/i.test(message)) return 'SAML_AUDIENCE_MISMATCH';
  return 'SAML_RESPONSE_INVALID';
}

export class SamlRefusal extends AppError {
  constructor(
    code: ConstructorParameters<typeof AppError>[0],
    /** For the log: what exactly was wrong, without personal data. */
    readonly reason: string,
  ) {
    super(code);
  }
}

/**
 * Validates a posted SAML Response and returns the identity it vouches for. node-saml checks
 * the signature (with the provider's certificate only) and the audience; we check the issuer,
 * the validity window with our clock, the request it answers, the recipient and replays.
 */
export async function acceptResponse(
  deps: SamlDeps,
  provider: SamlProvider,
  body: { SAMLResponse: string; RelayState?: string | undefined },
): Promise<{ identity: ExternalIdentity; campaignCode: string | undefined }> {
  let profile: Profile | null;
  try {
    ({ profile } = await serviceProvider(deps, provider).validatePostResponseAsync({ SAMLResponse: body.SAMLResponse }));
  } catch (error) {
    throw new SamlRefusal(refusalCode(error), error instanceof Error ? error.message : 'unreadable response');
  }
  if (!profile) throw new SamlRefusal('SAML_RESPONSE_INVALID', 'no assertion');
  if (profile.issuer !== provider.config.idpIssuer) throw new SamlRefusal('SAML_ISSUER_MISMATCH', `issuer ${profile.issuer ?? '(none)'}`);

  const assertion = profile.getAssertion?.()?.Assertion as XmlNode | undefined;
  const assertionId = assertion?.$?.ID;
  if (!assertion || !assertionId) throw new SamlRefusal('SAML_RESPONSE_INVALID', 'assertion without ID');
  const now = deps.clock.now().getTime();
  const conditions = first(assertion, 'Conditions')?.$ ?? {};
  const confirmation = first(first(first(assertion, 'Subject'), 'SubjectConfirmation'), 'SubjectConfirmationData')?.$ ?? {};
  const urls = serviceProviderUrls(deps.publicUrl, provider.row.slug);
  if (confirmation.Recipient !== undefined && confirmation.Recipient !== urls.acs) throw new SamlRefusal('SAML_AUDIENCE_MISMATCH', 'recipient is not our ACS');

  const notBefore = instant(conditions.NotBefore);
  const ends = [instant(conditions.NotOnOrAfter), instant(confirmation.NotOnOrAfter)].filter((ms): ms is number => ms !== undefined);
  const issuedAt = instant(assertion.$?.IssueInstant);
  const notOnOrAfter = ends.length > 0 ? Math.min(...ends) : issuedAt !== undefined ? issuedAt + MAX_ASSERTION_AGE_MS : undefined;
  if (notOnOrAfter === undefined) throw new SamlRefusal('SAML_RESPONSE_INVALID', 'assertion without validity window');
  if (notBefore !== undefined && now + CLOCK_SKEW_MS < notBefore) throw new SamlRefusal('SAML_ASSERTION_EXPIRED', 'assertion not yet valid');
  if (now - CLOCK_SKEW_MS >= notOnOrAfter) throw new SamlRefusal('SAML_ASSERTION_EXPIRED', 'assertion expired');

  const attributes = profile.attributes ?? (profile as Record<string, unknown>);
  const names = provider.config.attributes;
  const text = (name: string) => {
    const value = (attributes as Record<string, unknown>)[name];
    const single = Array.isArray(value) ? value[0] : value;
    return typeof single === 'string' ? single.trim() : '';
  };
  const externalIdentifier = text(names.externalIdentifier);
  const firstName = text(names.firstName);
  const lastName = text(names.lastName);
  if (!externalIdentifier || !firstName || !lastName) throw new SamlRefusal('SAML_IDENTITY_INCOMPLETE', 'identifier or names missing');

  // SP-initiated: the request must be ours, unused and recent; it also carries the code.
  let campaignCode = campaignCodeOrUndefined(body.RelayState);
  const inResponseTo = profile.inResponseTo;
  if (typeof inResponseTo === 'string' && inResponseTo !== '') {
    const request = await consumeToken(deps.db, inResponseTo, 'REQUEST', deps.clock.now());
    if (!request || request.providerSlug !== provider.row.slug) throw new SamlRefusal('SAML_REQUEST_UNKNOWN', 'unknown, used or expired request id');
    campaignCode = campaignCodeOrUndefined((request.data as { campaignCode?: unknown } | null)?.campaignCode) ?? campaignCode;
  }

  const fresh = await storeToken(deps.db, {
    key: `${provider.row.slug}:${assertionId}`,
    kind: 'ASSERTION',
    providerSlug: provider.row.slug,
    now: deps.clock.now(),
    expiresAt: new Date(Math.max(notOnOrAfter + CLOCK_SKEW_MS, now + 1)),
  });
  if (!fresh) throw new SamlRefusal('SAML_ASSERTION_REPLAYED', 'assertion already used');

  return {
    identity: {
      providerSlug: provider.row.slug,
      provider: provider.row.provider,
      organizationId: provider.row.organizationId,
      externalIdentifier,
      firstName,
      lastName,
    },
    campaignCode,
  };
}
