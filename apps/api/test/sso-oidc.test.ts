import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authenticationMethods, users } from '../src/modules/identity';
import { identityProviders, ssoTokens } from '../src/modules/sso';
import { createOidcClient, oidcProviderConfigSchema } from '../src/modules/sso/oidc-client';
import { organizationLearners } from '../src/modules/organizations';
import { createCampaign, createLearner } from './support/campaign-factory';
import { createOrganization, createUser } from './support/factory';
import { Agent } from './support/http';
import { EntBrowser, startTestEnt, type EntPupil, type TestEnt } from './support/oidc-provider';
import { createTestApp, type TestApp } from './support/test-app';
import { createRateLimiter } from '../src/platform/rate-limit';
import { rateLimitCounters } from '../src/platform/rate-limit.schema';

const PUBLIC_URL = 'http://jalon.test';
const CLIENT = { clientId: 'jalon', clientSecret: 'secret-partage-avec-l-ent' };
const SLUGS = ['ent-college', 'ent-ville', 'ent-mauvais-secret', 'ent-desactive', 'ent-usurpe', 'ent-mal-regle', 'ent-sans-prenom'];

const newcomer: EntPupil = { sub: 'f3a9c2e1-pseudo-1', login: 'charles', password: 'ent-pass-1', givenName: 'Charles', familyName: 'Dupont' };
const known: EntPupil = { sub: 'b81d44aa-pseudo-2', login: 'ines', password: 'ent-pass-2', givenName: 'Inès', familyName: 'Moreau' };
const louise: EntPupil = { sub: '5c0e7b19-pseudo-3', login: 'louise', password: 'ent-pass-3', givenName: 'Louise', familyName: 'Martin' };

let app: TestApp;
let ent: TestEnt;
let impostor: TestEnt;
let campaignCode: string;
let knownUserId: string;
let learnerId: string;

beforeAll(async () => {
  const clients = [{ ...CLIENT, redirectUris: SLUGS.map((slug) => `${PUBLIC_URL}/api/sso/oidc/${slug}/callback`) }];
  // A short ID token lifetime, so shifting Jalon's clock can outlive it within the request's 10 minutes.
  ent = await startTestEnt({ clients, pupils: [newcomer, known, louise], idTokenTtlSeconds: 120 });
  // An ENT whose discovery document names another issuer than the one configured.
  impostor = await startTestEnt({ clients, pupils: [newcomer], advertisedIssuer: (url) => `${url}/autre-ent` });
  app = await createTestApp({ startJobs: false });
  const db = app.database.db;

  const school = await createOrganization(db, { type: 'SCO', name: 'Collège Jules-Ferry', isManagingStudents: true });
  const teacher = await createUser(db);
  campaignCode = (await createCampaign(db, app.content.release, { organizationId: school.id, ownerId: teacher.id })).code;
  learnerId = (await createLearner(db, school.id, { firstName: 'Louise', lastName: 'Martin', birthdate: '2013-02-03' })).id;
  const row = (slug: string, config: Record<string, unknown>, fields: Partial<typeof identityProviders.$inferInsert> = {}) => ({
    slug,
    organizationId: school.id,
    protocol: 'OIDC',
    provider: `OIDC:${slug}`,
    label: 'ENT du collège',
    config,
    ...fields,
  });
  await db.insert(identityProviders).values([
    row('ent-college', { issuer: ent.issuer, ...CLIENT }, { provider: 'MEDIACENTRE' }),
    row('ent-ville', { issuer: ent.issuer, ...CLIENT }),
    row('ent-mauvais-secret', { issuer: ent.issuer, clientId: CLIENT.clientId, clientSecret: 'pas-le-bon-secret' }),
    row('ent-desactive', { issuer: ent.issuer, ...CLIENT }, { disabledAt: new Date() }),
    row('ent-usurpe', { issuer: impostor.url, ...CLIENT }),
    // Nothing listens on port 1: an ENT that is down.
    row('ent-eteint', { issuer: 'http://127.0.0.1:1', ...CLIENT }),
    row('ent-mal-regle', { issuer: ent.issuer, clientId: CLIENT.clientId }),
    // Expects the first name under a claim this ENT never releases.
    row('ent-sans-prenom', { issuer: ent.issuer, ...CLIENT, claims: { firstName: 'prenom' } }),
    { ...row('saml-college', { entryPoint: 'https://idp.example.org/sso' }), protocol: 'SAML' },
  ]);

  // Inès signed in through the ENT before: her account holds the ENT's pseudonym.
  const ines = await createUser(db, { firstName: 'Inès', lastName: 'Moreau' });
  knownUserId = ines.id;
  await db.insert(authenticationMethods).values({ userId: ines.id, provider: 'MEDIACENTRE', externalIdentifier: known.sub, firstName: 'Inès', lastName: 'Moreau' });
});

afterAll(async () => {
  await app?.close();
  await ent?.close();
  await impostor?.close();
});

afterEach(() => {
  app.clock.offsetMs = 0;
});

/** Rows a failed sign-in must not have added. */
async function footprint() {
  const db = app.database.db;
  const [u] = await db.select({ n: count() }).from(users);
  const [m] = await db.select({ n: count() }).from(authenticationMethods);
  const [p] = await db.select({ n: count() }).from(ssoTokens).where(eq(ssoTokens.kind, 'PENDING_IDENTITY'));
  return { users: u!.n, methods: m!.n, pending: p!.n };
}

/** Jalon's sign-in link, then the ENT's pages; returns the callback path the ENT sends the browser back to. */
async function throughEnt(agent: Agent, slug: string, pupil: EntPupil, code?: string): Promise<string> {
  const login = await agent.get(`/api/sso/oidc/${slug}/login${code ? `?code=${code}` : ''}`);
  expect(login.status).toBe(302);
  expect(login.headers['cache-control']).toBe('no-store');
  const authorize = new URL(String(login.headers.location));
  expect(authorize.origin).toBe(new URL(ent.url).origin);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  const callback = new URL(await new EntBrowser(ent).signIn(authorize.toString(), pupil.login, pupil.password));
  expect(callback.origin + callback.pathname).toBe(`${PUBLIC_URL}/api/sso/oidc/${slug}/callback`);
  return callback.pathname + callback.search;
}

function expectRefusalPage(response: { status: number; headers: Record<string, unknown>; body: unknown }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(String(response.headers['content-type'])).toContain('text/html');
  expect(String(response.body)).toContain(code);
  expect(response.headers['set-cookie'] ?? '').not.toMatch(/jalon_session=[^;]/);
}

describe('OpenID Connect sign-in through an ENT', () => {
  it('parks a first sign-in as a pending identity with the ENT’s names, and creates no account', async () => {
    const before = await footprint();
    const agent = new Agent(app.app);
    const response = await agent.get(await throughEnt(agent, 'ent-college', newcomer, campaignCode.toLowerCase()));

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`/premiere-connexion?code=${campaignCode}`);
    expect(String(response.headers['set-cookie'])).toMatch(/jalon_sso_pending=[^;]+/);
    const after = await footprint();
    expect(after).toEqual({ ...before, pending: before.pending + 1 });
    // The names came from the UserInfo endpoint: this ENT keeps its ID tokens to `sub`.
    const [pending] = await app.database.db
      .select({ data: ssoTokens.data })
      .from(ssoTokens)
      .where(sql`${ssoTokens.kind} = 'PENDING_IDENTITY' and ${ssoTokens.data}->>'externalIdentifier' = ${newcomer.sub}`);
    expect(pending!.data).toMatchObject({ provider: 'MEDIACENTRE', providerSlug: 'ent-college', firstName: 'Charles', lastName: 'Dupont' });
  });

  it('signs a known identity in and sends it to the campaign of its link', async () => {
    const agent = new Agent(app.app);
    const response = await agent.get(await throughEnt(agent, 'ent-college', known, campaignCode));

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`/campagnes/${campaignCode}`);
    const me = await agent.get<{ id: string }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(knownUserId);
  });

  it('turns a first sign-in into the pupil’s account once the birthdate is given, then signs it straight in', async () => {
    const first = new Agent(app.app);
    const landing = await first.get(await throughEnt(first, 'ent-ville', louise, campaignCode));
    expect(landing.headers.location).toBe(`/premiere-connexion?code=${campaignCode}`);
    expect((await first.get('/api/sso/pending-identity')).body).toMatchObject({ firstName: 'Louise', lastName: 'Martin' });

    const linked = await first.post('/api/sso/pending-identity/link', { campaignCode, birthdate: '2013-02-03' });
    expect(linked.status).toBe(200);
    const me = await first.get<{ id: string }>('/api/me');
    const [method] = await app.database.db.select().from(authenticationMethods).where(eq(authenticationMethods.userId, me.body.id));
    expect(method).toMatchObject({ provider: 'OIDC:ent-ville', externalIdentifier: louise.sub });
    const [learner] = await app.database.db.select().from(organizationLearners).where(eq(organizationLearners.id, learnerId));
    expect(learner!.userId).toBe(me.body.id);

    const before = await footprint();
    const later = new Agent(app.app);
    const again = await later.get(await throughEnt(later, 'ent-ville', louise));
    expect(again.headers.location).toBe('/campagnes');
    expect((await later.get<{ id: string }>('/api/me')).body.id).toBe(me.body.id);
    expect(await footprint()).toEqual(before);
  });

  it('reads an ENT’s discovery document once for all the schools it serves', async () => {
    const first = new Agent(app.app);
    await first.get(await throughEnt(first, 'ent-college', known));
    const discoveries = ent.discoveries();

    for (const slug of ['ent-ville', 'ent-college']) {
      const agent = new Agent(app.app);
      expect((await agent.get(await throughEnt(agent, slug, known))).status).toBe(302);
    }
    expect(ent.discoveries()).toBe(discoveries);
  });

  it('refuses a replayed callback, and the first use stands alone', async () => {
    const agent = new Agent(app.app);
    const callback = await throughEnt(agent, 'ent-college', known);
    expect((await agent.get(callback)).status).toBe(302);

    const replay = await new Agent(app.app).get(callback);
    expectRefusalPage(replay, 400, 'OIDC_STATE_INVALID');
    expect(String(replay.body)).toContain('Ce lien de connexion a expiré ou a déjà servi.');
    expectRefusalPage(await agent.get(callback), 400, 'OIDC_STATE_INVALID');
  });

  it('lets only one of two simultaneous uses of a callback through', async () => {
    const agent = new Agent(app.app);
    const callback = await throughEnt(agent, 'ent-college', known);
    const statuses = (await Promise.all([agent.get(callback), agent.get(callback)])).map((r) => r.status).sort();
    expect(statuses).toEqual([302, 400]);
  });

  it('refuses a callback delivered to another browser than the one that started it', async () => {
    const pupil = new Agent(app.app);
    const callback = await throughEnt(pupil, 'ent-college', known);
    const before = await footprint();

    expectRefusalPage(await new Agent(app.app).get(callback), 400, 'OIDC_STATE_INVALID');
    // The request is spent: the right browser cannot use it afterwards either.
    expectRefusalPage(await pupil.get(callback), 400, 'OIDC_STATE_INVALID');
    expect(await footprint()).toEqual(before);
  });

  it('refuses a callback without state or with an unknown one', async () => {
    const agent = new Agent(app.app);
    expectRefusalPage(await agent.get('/api/sso/oidc/ent-college/callback?code=abc'), 400, 'OIDC_STATE_INVALID');
    expectRefusalPage(await agent.get(`/api/sso/oidc/ent-college/callback?code=abc&state=${randomUUID()}`), 400, 'OIDC_STATE_INVALID');
  });

  it('refuses when Jalon’s client secret is wrong, and creates nothing', async () => {
    const before = await footprint();
    const agent = new Agent(app.app);
    const response = await agent.get(await throughEnt(agent, 'ent-mauvais-secret', newcomer));

    expectRefusalPage(response, 502, 'OIDC_TOKEN_EXCHANGE_FAILED');
    expect(await footprint()).toEqual(before);
  });

  it('refuses an identity without the claims the provider row maps, and creates nothing', async () => {
    const before = await footprint();
    const agent = new Agent(app.app);
    const response = await agent.get(await throughEnt(agent, 'ent-sans-prenom', newcomer));

    expectRefusalPage(response, 502, 'OIDC_IDENTITY_INCOMPLETE');
    expect(await footprint()).toEqual(before);
  });

  it('refuses an ENT that is down or whose discovery names another issuer, before sending the pupil there', async () => {
    const before = await footprint();
    const [requests] = await app.database.db.select({ n: count() }).from(ssoTokens).where(eq(ssoTokens.kind, 'REQUEST'));
    const response = await new Agent(app.app).get('/api/sso/oidc/ent-usurpe/login');

    expectRefusalPage(response, 502, 'OIDC_PROVIDER_UNAVAILABLE');
    expectRefusalPage(await new Agent(app.app).get('/api/sso/oidc/ent-eteint/login'), 502, 'OIDC_PROVIDER_UNAVAILABLE');
    const [after] = await app.database.db.select({ n: count() }).from(ssoTokens).where(eq(ssoTokens.kind, 'REQUEST'));
    expect(after!.n).toBe(requests!.n);
    expect(await footprint()).toEqual(before);
  });

  it('refuses an ID token whose nonce is not the request’s', async () => {
    const before = await footprint();
    const agent = new Agent(app.app);
    const callback = await throughEnt(agent, 'ent-college', newcomer);
    // As if the code had been obtained for another request (an injected code).
    await app.database.db.execute(sql`update sso_tokens set data = jsonb_set(data, '{nonce}', '"un-autre-nonce"') where kind = 'REQUEST' and used_at is null`);

    expectRefusalPage(await agent.get(callback), 401, 'OIDC_ID_TOKEN_INVALID');
    expect(await footprint()).toEqual(before);
  });

  it('refuses an ID token already expired by Jalon’s clock', async () => {
    const before = await footprint();
    const agent = new Agent(app.app);
    const callback = await throughEnt(agent, 'ent-college', known);
    app.clock.offsetMs = 5 * 60_000;

    expectRefusalPage(await agent.get(callback), 401, 'OIDC_ID_TOKEN_INVALID');
    expect(await footprint()).toEqual(before);
  });

  it('refuses a request that waited longer than ten minutes', async () => {
    const agent = new Agent(app.app);
    const callback = await throughEnt(agent, 'ent-college', known);
    app.clock.offsetMs = 11 * 60_000;

    expectRefusalPage(await agent.get(callback), 400, 'OIDC_STATE_INVALID');
  });

  it('shows the ENT’s refusal when the pupil cancels there', async () => {
    const before = await footprint();
    const agent = new Agent(app.app);
    const login = await agent.get('/api/sso/oidc/ent-college/login');
    const browser = new EntBrowser(ent);
    expect(await browser.open(String(login.headers.location))).toBeNull();
    const callback = new URL((await browser.submit('abort'))!);
    expect(callback.searchParams.get('error')).toBe('access_denied');

    expectRefusalPage(await agent.get(callback.pathname + callback.search), 401, 'OIDC_PROVIDER_REFUSED');
    expect(await footprint()).toEqual(before);
  });

  it('refuses a plain-HTTP issuer in production, before any request to it', async () => {
    const production = createOidcClient({ clock: app.clock, allowHttpIssuers: false });
    const config = oidcProviderConfigSchema.parse({ issuer: ent.issuer, ...CLIENT });
    const discoveries = ent.discoveries();
    const started = production.authorizationUrl(config, { redirectUri: `${PUBLIC_URL}/cb`, state: 's', nonce: 'n', codeVerifier: 'v'.repeat(43) });
    await expect(started).rejects.toMatchObject({ code: 'OIDC_PROVIDER_MISCONFIGURED' });
    expect(ent.discoveries()).toBe(discoveries);
  });

  it('refuses unknown, disabled, SAML and misconfigured providers with a page', async () => {
    const agent = new Agent(app.app);
    expectRefusalPage(await agent.get('/api/sso/oidc/ent-inconnu/login'), 404, 'SSO_PROVIDER_NOT_FOUND');
    expectRefusalPage(await agent.get('/api/sso/oidc/ent-desactive/login'), 404, 'SSO_PROVIDER_NOT_FOUND');
    expectRefusalPage(await agent.get('/api/sso/oidc/saml-college/login'), 404, 'SSO_PROVIDER_NOT_FOUND');
    expectRefusalPage(await agent.get('/api/sso/oidc/ent-mal-regle/login'), 500, 'OIDC_PROVIDER_MISCONFIGURED');
  });

  it('refuses ENT sign-in steps past 600 a minute from one address, with a page and Retry-After', async () => {
    const db = app.database.db;
    // Away from a minute's end, so the counter filled here is the one the requests meet.
    if (60_000 - (app.clock.now().getTime() % 60_000) < 5_000) app.clock.offsetMs += 6_000;
    const key = 'sso-steps-ip:127.0.0.1';
    await createRateLimiter(db, app.clock).hit(key, 60);
    await db.update(rateLimitCounters).set({ count: 600 }).where(eq(rateLimitCounters.key, key));
    try {
      const before = await footprint();
      const agent = new Agent(app.app);
      for (const path of ['/api/sso/oidc/ent-college/login', '/api/sso/oidc/ent-college/callback?code=x&state=y', '/api/sso/saml/saml-college/login']) {
        const refused = await agent.get(path);
        expectRefusalPage(refused, 429, 'RATE_LIMITED');
        expect(String(refused.body)).toContain('Attendez une minute');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(await footprint()).toEqual(before);
    } finally {
      await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key));
    }
  });
});
