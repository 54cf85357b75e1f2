import type { FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { AppError } from '../../platform/http/errors';
import { campaignCodeOrUndefined, completeExternalSignIn, type ExternalSignInDeps } from './external-identity';
import { oidcProviderConfigSchema, type OidcClient, type OidcProviderConfig } from './oidc-client';
import { findEnabledProvider } from './providers';
import { consumeToken, hashValue, randomValue, storeToken } from './tokens';

export interface OidcSignInDeps extends ExternalSignInDeps {
  oidc: OidcClient;
  publicUrl: string;
}

/** Time between leaving for the ENT and coming back: a login form, a consent, a forgotten password at most. */
const OIDC_REQUEST_MS = 10 * 60_000;

/**
 * Ties a sign-in request to the browser that started it: a callback URL forwarded to someone
 * else (to sign them in as the sender) fails, since their browser lacks this cookie.
 * One value per browser, so two tabs may sign in at once.
 */
const OIDC_BROWSER_COOKIE = 'jalon_oidc_browser';
const OIDC_COOKIE_PATH = '/api/sso/oidc';

interface PendingRequest {
  nonce: string;
  codeVerifier: string;
  browser: string;
  campaignCode: string | null;
}

interface OidcProvider {
  slug: string;
  organizationId: string;
  provider: string;
  config: OidcProviderConfig;
}

async function findProvider(deps: OidcSignInDeps, slug: string): Promise<OidcProvider> {
  const row = await findEnabledProvider(deps.db, slug, 'OIDC');
  const config = oidcProviderConfigSchema.safeParse(row.config);
  // The administrator's mistake, not the pupil's: the page says so, the log names the fields.
  if (!config.success) throw new AppError('OIDC_PROVIDER_MISCONFIGURED', { detail: `config: ${config.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}` });
  return { slug: row.slug, organizationId: row.organizationId, provider: row.provider, config: config.data };
}

function redirectUri(deps: OidcSignInDeps, slug: string): string {
  return `${deps.publicUrl}/api/sso/oidc/${encodeURIComponent(slug)}/callback`;
}

/** Starts an authorization code flow: a single-use request stored hashed, then the ENT's URL. */
export async function beginOidcSignIn(deps: OidcSignInDeps, request: FastifyRequest, reply: FastifyReply, slug: string, campaignCode: string | undefined): Promise<string> {
  const provider = await findProvider(deps, slug);
  const now = deps.clock.now();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const authorizationUrl = await deps.oidc.authorizationUrl(provider.config, { redirectUri: redirectUri(deps, slug), state, nonce, codeVerifier });

  const existing = request.cookies[OIDC_BROWSER_COOKIE];
  const browser = existing && /^[\w-]{43}$/.test(existing) ? existing : randomValue();
  const data: PendingRequest = { nonce, codeVerifier, browser: hashValue(browser), campaignCode: campaignCodeOrUndefined(campaignCode) ?? null };
  await storeToken(deps.db, { key: hashValue(state), kind: 'REQUEST', providerSlug: slug, data, now, expiresAt: new Date(now.getTime() + OIDC_REQUEST_MS) });
  void reply.setCookie(OIDC_BROWSER_COOKIE, browser, {
    path: OIDC_COOKIE_PATH,
    httpOnly: true,
    // Lax: the ENT's redirect back is a top-level GET navigation, which carries it.
    sameSite: 'lax',
    secure: deps.secureCookies,
    maxAge: OIDC_REQUEST_MS / 1000,
  });
  return authorizationUrl.toString();
}

export interface OidcCallbackQuery {
  state?: string | undefined;
  error?: string | undefined;
}

/**
 * Ends the flow: the request is consumed before anything else (a replayed or forwarded
 * callback fails whatever it carries), then the code is exchanged and the ID token checked,
 * and the identity goes to the common external sign-in. Returns where the browser goes next.
 */
export async function finishOidcSignIn(deps: OidcSignInDeps, request: FastifyRequest, reply: FastifyReply, slug: string, query: OidcCallbackQuery): Promise<string> {
  const provider = await findProvider(deps, slug);
  if (!query.state) throw new AppError('OIDC_STATE_INVALID', { detail: 'no state' });
  const consumed = await consumeToken(deps.db, hashValue(query.state), 'REQUEST', deps.clock.now());
  if (!consumed || consumed.providerSlug !== slug) throw new AppError('OIDC_STATE_INVALID', { detail: 'unknown, expired or used state' });
  const pending = consumed.data as PendingRequest;
  const browser = request.cookies[OIDC_BROWSER_COOKIE];
  if (!browser || hashValue(browser) !== pending.browser) throw new AppError('OIDC_STATE_INVALID', { detail: 'started in another browser' });
  if (query.error) throw new AppError('OIDC_PROVIDER_REFUSED', { detail: `authorization error ${query.error.slice(0, 64)}` });

  const callbackUrl = new URL(redirectUri(deps, slug));
  callbackUrl.search = new URL(request.url, 'http://callback').search;
  const claims = await deps.oidc.exchange(provider.config, callbackUrl, { state: query.state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });

  const { redirectTo } = await completeExternalSignIn(
    deps,
    request,
    reply,
    { providerSlug: slug, provider: provider.provider, organizationId: provider.organizationId, ...claims },
    { campaignCode: pending.campaignCode ?? undefined },
  );
  return redirectTo;
}
