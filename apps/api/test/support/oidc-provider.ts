import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Adapter, type AdapterPayload, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * The test ENTs' storage, in memory for the test process (their ids are random, so two ENTs
 * never collide); set explicitly so that oidc-provider does not warn about its default.
 */
class MemoryAdapter implements Adapter {
  private static readonly rows = new Map<string, { payload: AdapterPayload; expiresAt: number }>();

  constructor(private readonly model: string) {}

  private key(id: string) {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
    MemoryAdapter.rows.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
  }

  async find(id: string) {
    const row = MemoryAdapter.rows.get(this.key(id));
    return row && row.expiresAt > Date.now() ? row.payload : undefined;
  }

  async findByUid(uid: string) {
    for (const [key, row] of MemoryAdapter.rows) if (key.startsWith(`${this.model}:`) && row.payload.uid === uid) return row.payload;
    return undefined;
  }

  async findByUserCode(userCode: string) {
    for (const [key, row] of MemoryAdapter.rows) if (key.startsWith(`${this.model}:`) && row.payload.userCode === userCode) return row.payload;
    return undefined;
  }

  async consume(id: string) {
    const row = MemoryAdapter.rows.get(this.key(id));
    if (row) row.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string) {
    MemoryAdapter.rows.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string) {
    for (const [key, row] of MemoryAdapter.rows) if (row.payload.grantId === grantId) MemoryAdapter.rows.delete(key);
  }
}

/** A pupil known to the test ENT: what they type on its login page and the claims it releases. */
export interface EntPupil {
  sub: string;
  login: string;
  password: string;
  givenName: string;
  familyName: string;
}

export interface EntClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestEnt {
  /** The issuer the ENT signs its ID tokens with. */
  issuer: string;
  /** The ENT's base URL on the network (differs from `issuer` only when a test asks for a lying discovery). */
  url: string;
  /** How many times its discovery document was read. */
  discoveries(): number;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on a random local port, standing in for
 * an ENT. Its login and consent pages are ours (plain HTML forms), so a test walks them with
 * HTTP requests as a browser would, and a wrong password is refused by the ENT itself.
 */
export async function startTestEnt(options: {
  clients: EntClient[];
  pupils: EntPupil[];
  /** ID token lifetime; short to test expiry against Jalon's clock. */
  idTokenTtlSeconds?: number;
  /** Advertise this issuer instead of the real address (a misconfigured or impersonated ENT). */
  advertisedIssuer?: (url: string) => string;
}): Promise<TestEnt> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = options.advertisedIssuer?.(url) ?? url;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    claims: { openid: ['sub'], profile: ['given_name', 'family_name'] },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const pupil = options.pupils.find((p) => p.sub === sub);
      if (!pupil) return undefined;
      return { accountId: sub, claims: () => ({ sub, given_name: pupil.givenName, family_name: pupil.familyName }) };
    },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    jwks: { keys: [{ ...signingKey, kid: 'test-ent', use: 'sig', alg: 'RS256' } as never] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    ttl: { IdToken: options.idTokenTtlSeconds ?? 3600, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
    adapter: MemoryAdapter,
    features: { devInteractions: { enabled: false } },
  };
  const provider = new Provider(issuer, configuration);
  const oidc = provider.callback();

  let discoveries = 0;
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/.well-known/openid-configuration')) discoveries++;
    const match = /^\/interaction\/([\w-]+)(?:\/(login|consent|abort))?$/.exec(req.url ?? '');
    if (!match) {
      oidc(req, res);
      return;
    }
    handleInteraction(provider, options.pupils, req, res, match[2]).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    issuer,
    url,
    discoveries: () => discoveries,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function handleInteraction(provider: Provider, pupils: EntPupil[], req: http.IncomingMessage, res: http.ServerResponse, step: string | undefined) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET' && !step) {
    page(res, details.prompt.name === 'login' ? loginForm(details.uid, false) : consentForm(details.uid));
    return;
  }
  const body = new URLSearchParams(await readBody(req));
  if (step === 'login') {
    const pupil = pupils.find((p) => p.login === body.get('login') && p.password === body.get('password'));
    if (!pupil) {
      page(res, loginForm(details.uid, true));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: pupil.sub } }, { mergeWithLastSubmission: false });
    return;
  }
  if (step === 'consent') {
    const { accountId } = details.session!;
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id as string });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    return;
  }
  await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The pupil cancelled' }, { mergeWithLastSubmission: false });
}

function loginForm(uid: string, failed: boolean): string {
  return `<h1>ENT de test</h1>${failed ? '<p role="alert">Identifiant ou mot de passe incorrect</p>' : ''}
<form method="post" action="/interaction/${uid}/login">
<label>Identifiant <input name="login"></label><label>Mot de passe <input name="password" type="password"></label>
<button>Se connecter</button></form>
<form method="post" action="/interaction/${uid}/abort"><button>Annuler</button></form>`;
}

function consentForm(uid: string): string {
  return `<h1>Autoriser Jalon ?</h1><form method="post" action="/interaction/${uid}/consent"><button>Autoriser</button></form>`;
}

function page(res: http.ServerResponse, body: string) {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><html lang="fr"><body>${body}</body></html>`);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

/**
 * The pupil's browser on the ENT's side: it keeps the ENT's cookies, follows the ENT's
 * redirects and submits its forms, and stops at the first redirect that leaves the ENT
 * (back to Jalon's callback).
 */
export class EntBrowser {
  private cookies = new Map<string, string>();
  /** The HTML of the last ENT page shown. */
  lastPage = '';

  constructor(private readonly ent: TestEnt) {}

  /** Follows `url` inside the ENT and returns the URL it finally sends the browser to outside, or null on a page. */
  async open(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<string | null> {
    let next: string = url;
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hops = 0; hops < 10; hops++) {
      if (!next.startsWith(this.ent.url)) return next;
      const response = await fetch(next, {
        method,
        redirect: 'manual',
        headers: {
          cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(body ? { body } : {}),
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(';');
        const [name, ...value] = pair!.split('=');
        if (/expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name!.trim());
        else this.cookies.set(name!.trim(), value.join('='));
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        next = new URL(location, next).toString();
        method = 'GET';
        body = undefined;
        continue;
      }
      this.lastPage = await response.text();
      if (response.status !== 200) throw new Error(`ENT answered ${response.status}: ${textOf(this.lastPage)}`);
      return null;
    }
    throw new Error('too many redirects inside the ENT');
  }

  /** Submits the form of the current page whose action ends with `/<step>`. */
  submit(step: 'login' | 'consent' | 'abort', form: Record<string, string> = {}): Promise<string | null> {
    const action = new RegExp(`action="([^"]*/${step})"`).exec(this.lastPage)?.[1];
    if (!action) throw new Error(`no ${step} form on the ENT page: ${textOf(this.lastPage)}`);
    return this.open(new URL(action, this.ent.url).toString(), { method: 'POST', form });
  }

  /** The whole pupil journey at the ENT: authorize, login form, consent; returns Jalon's callback URL. */
  async signIn(authorizeUrl: string, login: string, password: string): Promise<string> {
    if ((await this.open(authorizeUrl)) !== null) throw new Error('the ENT did not show its login page');
    let next = await this.submit('login', { login, password });
    if (next === null && this.lastPage.includes('/consent"')) next = await this.submit('consent');
    if (next === null) throw new Error(`the ENT did not redirect back: ${textOf(this.lastPage)}`);
    return next;
  }
}

/** A page's text, for a failing test's message (oidc-provider's error page names the error there). */
function textOf(html: string): string {
  return html
    .replace(/<style[^]*<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 400);
}
