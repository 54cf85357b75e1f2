import * as client from 'openid-client';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/http/errors';

/**
 * The `config` of an `identity_providers` row whose protocol is OIDC. The claim names default
 * to the standard ones; an ENT that releases its pseudonymous id under another claim names it.
 */
export const oidcProviderConfigSchema = z.object({
  issuer: z.url({ protocol: /^https?$/ }),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** How Jalon authenticates at the token endpoint; OpenID Connect's default is Basic. */
  tokenEndpointAuthMethod: z.enum(['client_secret_basic', 'client_secret_post']).default('client_secret_basic'),
  scope: z.string().regex(/(^| )openid( |$)/).default('openid profile'),
  claims: z
    .object({
      externalIdentifier: z.string().min(1).default('sub'),
      firstName: z.string().min(1).default('given_name'),
      lastName: z.string().min(1).default('family_name'),
    })
    .prefault({}),
});
export type OidcProviderConfig = z.infer<typeof oidcProviderConfigSchema>;

/** What Jalon keeps of a successful exchange: the identity, nothing of the tokens. */
export interface OidcClaims {
  externalIdentifier: string;
  firstName: string;
  lastName: string;
}

interface Discovered {
  server: client.ServerMetadata;
  /** The provider's signing keys, shared by the configurations built per request. */
  jwks: client.ExportedJWKSCache | undefined;
}

/** Provider metadata is re-read hourly: an ENT may move an endpoint; its keys rotate on their own (unknown `kid`). */
const DISCOVERY_TTL_MS = 60 * 60_000;
/** An ENT that does not answer within this delay fails the sign-in rather than hanging the pupil's page. */
const HTTP_TIMEOUT_SECONDS = 10;

export interface OidcClientOptions {
  clock: Clock;
  /** Plain-HTTP issuers are accepted only off production (tests, a local demo ENT). */
  allowHttpIssuers: boolean;
}

/**
 * The relying party's side of OpenID Connect, on `openid-client`: discovery cached per
 * process and per issuer (an ENT serving fifty schools is read once), then one
 * `Configuration` per request so the ID token's expiry is checked against Jalon's
 * (shiftable) clock.
 */
export function createOidcClient({ clock, allowHttpIssuers }: OidcClientOptions) {
  const discovered = new Map<string, { entry: Promise<Discovered>; expiresAt: number }>();

  function discover(config: OidcProviderConfig): Promise<Discovered> {
    const cached = discovered.get(config.issuer);
    if (cached && cached.expiresAt > Date.now()) return cached.entry;
    const entry = (async (): Promise<Discovered> => {
      const issuer = new URL(config.issuer);
      if (issuer.protocol !== 'https:' && !allowHttpIssuers) throw new AppError('OIDC_PROVIDER_MISCONFIGURED', { detail: 'the issuer must use https' });
      try {
        // The client id is required by the call, not by discovery: the metadata depends on the issuer only.
        const configuration = await client.discovery(issuer, config.clientId, undefined, undefined, {
          timeout: HTTP_TIMEOUT_SECONDS,
          ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
        });
        return { server: configuration.serverMetadata(), jwks: undefined };
      } catch (error) {
        throw new AppError('OIDC_PROVIDER_UNAVAILABLE', { detail: `discovery failed: ${describe(error)}` });
      }
    })();
    // Sign-ins arriving together share one discovery; a failure is forgotten at once (the ENT may be back in a minute).
    const slot = { entry, expiresAt: Date.now() + DISCOVERY_TTL_MS };
    discovered.set(config.issuer, slot);
    entry.catch(() => {
      if (discovered.get(config.issuer) === slot) discovered.delete(config.issuer);
    });
    return entry;
  }

  async function configurationFor(config: OidcProviderConfig): Promise<{ configuration: client.Configuration; entry: Discovered }> {
    const entry = await discover(config);
    const authentication = config.tokenEndpointAuthMethod === 'client_secret_post' ? client.ClientSecretPost(config.clientSecret) : client.ClientSecretBasic(config.clientSecret);
    const configuration = new client.Configuration(
      entry.server,
      config.clientId,
      { [client.clockSkew]: (clock.now().getTime() - Date.now()) / 1000 },
      authentication,
    );
    configuration.timeout = HTTP_TIMEOUT_SECONDS;
    if (new URL(config.issuer).protocol === 'http:') client.allowInsecureRequests(configuration);
    if (entry.jwks) client.setJwksCache(configuration, entry.jwks);
    return { configuration, entry };
  }

  return {
    /** The provider's authorization URL for this request's state, nonce and PKCE challenge. */
    async authorizationUrl(config: OidcProviderConfig, request: { redirectUri: string; state: string; nonce: string; codeVerifier: string }): Promise<URL> {
      const { configuration } = await configurationFor(config);
      return client.buildAuthorizationUrl(configuration, {
        redirect_uri: request.redirectUri,
        scope: config.scope,
        response_type: 'code',
        state: request.state,
        nonce: request.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    /**
     * Exchanges the code and checks the ID token (signature, issuer, audience, nonce, expiry);
     * names missing from the ID token are read from the UserInfo endpoint, as many ENTs
     * release them only there.
     */
    async exchange(config: OidcProviderConfig, callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<OidcClaims> {
      const { configuration, entry } = await configurationFor(config);
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          pkceCodeVerifier: checks.codeVerifier,
          idTokenExpected: true,
        });
      } catch (error) {
        throw classify(error);
      } finally {
        entry.jwks = client.getJwksCache(configuration) ?? entry.jwks;
      }
      const idToken = tokens.claims()!;
      let claims: Record<string, unknown> = idToken;
      const mapping = config.claims;
      if (typeof claims[mapping.firstName] !== 'string' || typeof claims[mapping.lastName] !== 'string' || typeof claims[mapping.externalIdentifier] !== 'string') {
        try {
          claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
        } catch (error) {
          throw classify(error);
        }
      }
      const pick = (name: string) => {
        const value = claims[name];
        if (typeof value !== 'string' || value.trim() === '') throw new AppError('OIDC_IDENTITY_INCOMPLETE', { detail: `claim ${name} is missing` });
        return value.trim();
      };
      return { externalIdentifier: pick(mapping.externalIdentifier), firstName: pick(mapping.firstName), lastName: pick(mapping.lastName) };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

/** Sorts openid-client's failures into what the pupil's page and the log say. */
function classify(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof client.AuthorizationResponseError) return new AppError('OIDC_PROVIDER_REFUSED', { detail: `authorization error ${error.error}` });
  if (error instanceof client.ResponseBodyError) return new AppError('OIDC_TOKEN_EXCHANGE_FAILED', { detail: `${error.status} ${error.error}` });
  // A 401 with a WWW-Authenticate challenge: the ENT refused Jalon's client credentials.
  if (error instanceof client.WWWAuthenticateChallengeError) return new AppError('OIDC_TOKEN_EXCHANGE_FAILED', { detail: `${error.status} ${error.code}` });
  if (error instanceof client.ClientError) {
    const code = error.code ?? '';
    // The ID token or the authorization response failed a check: a forgery, a replay or a mix-up.
    if (/JWT|CLAIM|JSON_ATTRIBUTE|INVALID_RESPONSE|SIGNATURE|KEY/.test(code)) {
      const claim = failedClaim(error);
      return new AppError('OIDC_ID_TOKEN_INVALID', { detail: `${code}: ${error.message}${claim ? ` (${claim})` : ''}` });
    }
    return new AppError('OIDC_TOKEN_EXCHANGE_FAILED', { detail: `${code}: ${error.message}` });
  }
  return new AppError('OIDC_PROVIDER_UNAVAILABLE', { detail: describe(error) });
}

/** The name of the claim a check refused (`nonce`, `exp`, `aud`…), which oauth4webapi keeps in the error's causes. */
function failedClaim(error: Error): string | undefined {
  for (let cause: unknown = error.cause; cause && typeof cause === 'object'; cause = (cause as { cause?: unknown }).cause) {
    const claim = (cause as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
  }
  return undefined;
}

/** A failure's name and message, never tokens or claims (they may carry a pupil's names). */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}${'code' in error && typeof error.code === 'string' ? ` ${error.code}` : ''}: ${error.message}`;
  return String(error);
}
