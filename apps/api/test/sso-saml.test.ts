import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authenticationMethods, hashPassword, users } from '../src/modules/identity';
import { rateLimitCounters } from '../src/platform/rate-limit.schema';
import { seedDemoIfEmpty } from '../src/modules/demo';
import { organizationLearners, organizations } from '../src/modules/organizations';
import { generateIdpKeyPair, identityProviders } from '../src/modules/sso';
import { createCampaign, createCampaignRow, createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes, type Response } from './support/http';
import { TestSamlIdp, tampered } from './support/saml-idp';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let idp: TestSamlIdp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
  idp = await TestSamlIdp.create();
});
afterAll(async () => t.close());
beforeEach(() => {
  t.clock.offsetMs = 0;
});

let schools = 0;
/** A Médiacentre school with Charles on its roster, a campaign, and its IdP registered. */
async function school() {
  const slug = `mediacentre-${++schools}`;
  const team = await createTeam(t.database.db, { type: 'SCO', isManagingStudents: true, identityProviderForCampaigns: 'MEDIACENTRE' });
  const organizationId = team.organization.id;
  const campaign = await createCampaign(t.database.db, t.content.release, { organizationId, ownerId: team.member.id, type: 'PROFILES_COLLECTION' });
  const charles = await createLearner(t.database.db, organizationId, { firstName: 'Charles', lastName: 'Durand', birthdate: '2010-03-14', nationalStudentId: `12345${schools}789AB` });
  await idp.register(t.database.db, organizationId, slug);
  return { slug, organizationId, campaign, charles };
}

let pupils = 0;
function pupil(firstName = 'Charles', lastName = 'Durand') {
  return { ido: `ido-${++pupils}-${Date.now()}`, firstName, lastName };
}

function postAcs(agent: Agent, slug: string, samlResponse: string, relayState?: string, headers: Record<string, string> = {}) {
  const form = new URLSearchParams({ SAMLResponse: samlResponse, ...(relayState ? { RelayState: relayState } : {}) });
  return agent.request('POST', `/api/sso/saml/${slug}/acs`, form.toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers });
}

function respond(slug: string, who: ReturnType<typeof pupil>, options: Partial<Parameters<TestSamlIdp['response']>[0]> = {}) {
  return idp.response({ publicUrl: t.config.publicUrl, slug, pupil: who, now: t.clock.now(), ...options });
}

/** Charles, already linked: his first ENT sign-in went through the code and birthdate step. */
async function linkedPupil() {
  const place = await school();
  const who = pupil();
  const first = new Agent(t.app);
  await postAcs(first, place.slug, respond(place.slug, who));
  await first.post('/api/sso/pending-identity/link', { campaignCode: place.campaign.code, birthdate: '2010-03-14' });
  const [method] = await t.database.db.select().from(authenticationMethods).where(eq(authenticationMethods.externalIdentifier, who.ido));
  return { ...place, who, userId: method!.userId };
}

async function rows() {
  const [u] = await t.database.db.select({ n: count() }).from(users);
  const [m] = await t.database.db.select({ n: count() }).from(authenticationMethods);
  return { users: Number(u!.n), methods: Number(m!.n) };
}

function expectRefusal(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(String(response.headers['content-type'])).toContain('text/html');
  expect(response.body).toContain('Connexion impossible');
  expect(response.body).toContain(code);
}

describe('first Médiacentre sign-in (learners-and-accounts §3, §4)', () => {
  it('parks an unknown identity, then the code and the birthdate create the account, its login method and the link', async () => {
    const { slug, campaign, charles } = await school();
    const who = pupil();
    const agent = new Agent(t.app);
    const before = await rows();

    // The GAR posts from its own site: the browser says so, and it must still pass.
    const arrived = await postAcs(agent, slug, respond(slug, who), undefined, { 'sec-fetch-site': 'cross-site' });
    expect(arrived.status).toBe(303);
    expect(arrived.headers.location).toBe('/premiere-connexion');
    expect(await rows()).toEqual(before);
    expect((await agent.get('/api/me')).status).toBe(401);

    const pending = await agent.get('/api/sso/pending-identity');
    expect(pending.body).toEqual({ firstName: 'Charles', lastName: 'Durand', providerLabel: `Médiacentre ${slug}` });

    const linked = await agent.post('/api/sso/pending-identity/link', { campaignCode: campaign.code.toLowerCase(), birthdate: '2010-03-14' });
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual({ redirectTo: `/campagnes/${campaign.code}` });

    const me = await agent.get<{ id: string; email: string | null; firstName: string }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: null, firstName: 'Charles' });
    const [user] = await t.database.db.select().from(users).where(eq(users.id, me.body.id));
    expect(user).toMatchObject({ email: null, username: null, passwordHash: null });
    expect(user!.lastSignedInAt).not.toBeNull();
    const [method] = await t.database.db.select().from(authenticationMethods).where(eq(authenticationMethods.userId, me.body.id));
    expect(method).toMatchObject({ provider: 'MEDIACENTRE', externalIdentifier: who.ido, firstName: 'Charles', lastName: 'Durand' });
    const [learner] = await t.database.db.select().from(organizationLearners).where(eq(organizationLearners.id, charles.id));
    expect(learner!.userId).toBe(me.body.id);

    // The pending identity was single-use.
    expect(errorCodes(await agent.get('/api/sso/pending-identity'))).toEqual(['SSO_PENDING_IDENTITY_NOT_FOUND']);
  });

  it('signs a known identity straight in, to the campaign of the link when there is one', async () => {
    const { slug, campaign, who } = await linkedPupil();
    const before = await rows();

    const later = new Agent(t.app);
    const withCode = await postAcs(later, slug, respond(slug, who), campaign.code);
    expect(withCode.status).toBe(303);
    expect(withCode.headers.location).toBe(`/campagnes/${campaign.code}`);
    expect((await later.get('/api/me')).status).toBe(200);
    expect(await rows()).toEqual(before);

    const withoutCode = await postAcs(new Agent(t.app), slug, respond(slug, who));
    expect(withoutCode.headers.location).toBe('/campagnes');
    const [method] = await t.database.db.select().from(authenticationMethods).where(eq(authenticationMethods.externalIdentifier, who.ido));
    expect(method!.lastUsedAt).not.toBeNull();
  });

  it("remembers the school's address, so a pupil who also has a password gets past its sign-in throttle", async () => {
    const { slug, who, userId } = await linkedPupil();
    const username = `charles.durand${pupils}`;
    await t.database.db.update(users).set({ username, passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, userId));

    const address = '198.51.100.77';
    // One second into a minute window, so that the throttle below holds for the whole test.
    t.clock.offsetMs += 60_000 - (t.clock.now().getTime() % 60_000) + 1_000;
    const windowStart = new Date(Math.floor(t.clock.now().getTime() / 60_000) * 60_000);
    await t.database.db.insert(rateLimitCounters).values({ key: `sign-in-failures:${address}`, windowStart, count: 100 });
    const signIn = () => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: address, payload: { login: username, password: PASSWORD } });
    expect((await signIn()).statusCode).toBe(429);

    const acs = await t.app.inject({
      method: 'POST',
      url: `/api/sso/saml/${slug}/acs`,
      remoteAddress: address,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ SAMLResponse: respond(slug, who) }).toString(),
    });
    expect(acs.statusCode).toBe(303);
    expect((await signIn()).statusCode).toBe(200);
  });

  it('SP-initiated: the AuthnRequest id is single-use and carries the campaign code', async () => {
    const { slug, campaign } = await school();
    const agent = new Agent(t.app);
    const started = await agent.get(`/api/sso/saml/${slug}/login?code=${campaign.code}`);
    expect(started.status).toBe(302);
    const location = String(started.headers.location);
    expect(location.startsWith(TestSamlIdp.ENTRY_POINT)).toBe(true);
    const request = TestSamlIdp.authnRequest(location);
    expect(request.relayState).toBe(campaign.code);
    expect(request.xml).toContain(`AssertionConsumerServiceURL="${t.config.publicUrl}/api/sso/saml/${slug}/acs"`);

    const who = pupil();
    const arrived = await postAcs(agent, slug, respond(slug, who, { inResponseTo: request.id }));
    expect(arrived.headers.location).toBe(`/premiere-connexion?code=${campaign.code}`);

    // The same request answered again (a new assertion, an old request) is refused.
    expectRefusal(await postAcs(new Agent(t.app), slug, respond(slug, pupil(), { inResponseTo: request.id })), 401, 'SAML_REQUEST_UNKNOWN');
    // As is an answer to a request we never made.
    expectRefusal(await postAcs(new Agent(t.app), slug, respond(slug, pupil(), { inResponseTo: '_forged' })), 401, 'SAML_REQUEST_UNKNOWN');
  });

  it("the campaign landing's hint: the school's ENT sign-in link, unless the pupil came through it", async () => {
    const { slug, campaign } = await school();
    const anonymous = new Agent(t.app);
    const entry = await anonymous.get(`/api/sso/campaigns/${campaign.code.toLowerCase()}/entry`);
    expect(entry.body).toEqual({
      providers: [{ label: `Médiacentre ${slug}`, loginUrl: `/api/sso/saml/${slug}/login?code=${campaign.code}` }],
      signedInThroughProvider: false,
    });
    expect((await anonymous.get('/api/sso/campaigns/ABCDEF234/entry')).body).toEqual({ providers: [], signedInThroughProvider: false });

    const withPassword = new Agent(t.app);
    const other = await createUser(t.database.db);
    await withPassword.signIn(other.email, PASSWORD);
    expect((await withPassword.get<{ signedInThroughProvider: boolean }>(`/api/sso/campaigns/${campaign.code}/entry`)).body.signedInThroughProvider).toBe(false);

    const throughEnt = new Agent(t.app);
    await postAcs(throughEnt, slug, respond(slug, pupil()));
    await throughEnt.post('/api/sso/pending-identity/link', { campaignCode: campaign.code, birthdate: '2010-03-14' });
    expect((await throughEnt.get<{ signedInThroughProvider: boolean }>(`/api/sso/campaigns/${campaign.code}/entry`)).body.signedInThroughProvider).toBe(true);
  });

  it('publishes the service provider metadata of each provider', async () => {
    const { slug } = await school();
    const metadata = await new Agent(t.app).get(`/api/sso/saml/${slug}/metadata`);
    expect(metadata.status).toBe(200);
    expect(String(metadata.headers['content-type'])).toContain('xml');
    expect(metadata.body).toContain(`entityID="${t.config.publicUrl}/api/sso/saml/${slug}/metadata"`);
    expect(metadata.body).toContain(`Location="${t.config.publicUrl}/api/sso/saml/${slug}/acs"`);
  });
});

describe('refused SAML responses: a French page, nothing signed in, nothing created', () => {
  it('refuses a response signed by another key, and one edited after signing', async () => {
    const { slug } = await school();
    const before = await rows();
    const otherKey = generateIdpKeyPair('Imposteur', new Date());
    expectRefusal(await postAcs(new Agent(t.app), slug, respond(slug, pupil(), { key: otherKey })), 401, 'SAML_SIGNATURE_INVALID');
    const edited = tampered(respond(slug, pupil()), (xml) => xml.replace('>Charles<', '>Louis<'));
    expectRefusal(await postAcs(new Agent(t.app), slug, edited), 401, 'SAML_SIGNATURE_INVALID');
    expect(await rows()).toEqual(before);
  });

  it('refuses an expired assertion by the injected clock, and one not yet valid', async () => {
    const { slug } = await school();
    const response = respond(slug, pupil(), { validForMs: 5 * 60_000 });
    t.clock.offsetMs = 10 * 60_000;
    const agent = new Agent(t.app);
    expectRefusal(await postAcs(agent, slug, response), 401, 'SAML_ASSERTION_EXPIRED');
    expect(errorCodes(await agent.get('/api/sso/pending-identity'))).toEqual(['SSO_PENDING_IDENTITY_NOT_FOUND']);
    t.clock.offsetMs = -10 * 60_000;
    expectRefusal(await postAcs(agent, slug, respond(slug, pupil(), { now: new Date() })), 401, 'SAML_ASSERTION_EXPIRED');
  });

  it('refuses a replayed assertion', async () => {
    const { slug } = await school();
    const response = respond(slug, pupil());
    expect((await postAcs(new Agent(t.app), slug, response)).status).toBe(303);
    expectRefusal(await postAcs(new Agent(t.app), slug, response), 409, 'SAML_ASSERTION_REPLAYED');
  });

  it('refuses a wrong audience and a wrong issuer', async () => {
    const { slug } = await school();
    expectRefusal(await postAcs(new Agent(t.app), slug, respond(slug, pupil(), { audience: 'https://another-sp.test' })), 401, 'SAML_AUDIENCE_MISMATCH');
    expectRefusal(await postAcs(new Agent(t.app), slug, respond(slug, pupil(), { issuer: 'https://another-idp.test' })), 401, 'SAML_ISSUER_MISMATCH');
    // A response addressed to another provider's endpoint of ours is not valid here either.
    const other = await school();
    expectRefusal(await postAcs(new Agent(t.app), slug, respond(other.slug, pupil())), 401, 'SAML_AUDIENCE_MISMATCH');
  });

  it('refuses an unknown or disabled provider', async () => {
    const { slug } = await school();
    expectRefusal(await postAcs(new Agent(t.app), 'nobody-here', respond(slug, pupil())), 404, 'SSO_PROVIDER_NOT_FOUND');
    await t.database.db.update(identityProviders).set({ disabledAt: new Date() }).where(eq(identityProviders.slug, slug));
    expectRefusal(await postAcs(new Agent(t.app), slug, respond(slug, pupil())), 404, 'SSO_PROVIDER_NOT_FOUND');
    expectRefusal(await new Agent(t.app).get(`/api/sso/saml/${slug}/login`), 404, 'SSO_PROVIDER_NOT_FOUND');
  });

  it('refuses an assertion without the pseudonymous identifier', async () => {
    const { slug } = await school();
    const response = idp.response({ publicUrl: t.config.publicUrl, slug, pupil: { ido: '', firstName: 'Charles', lastName: 'Durand' }, now: t.clock.now() });
    expectRefusal(await postAcs(new Agent(t.app), slug, response), 422, 'SAML_IDENTITY_INCOMPLETE');
  });
});

describe('the birthdate step', () => {
  it('a pupil not on the roster: RECONCILIATION_NO_MATCH, nothing created, the pending identity still usable', async () => {
    const { slug, campaign } = await school();
    const agent = new Agent(t.app);
    await postAcs(agent, slug, respond(slug, pupil('Nina', 'Absente')));
    const before = await rows();
    const refused = await agent.post('/api/sso/pending-identity/link', { campaignCode: campaign.code, birthdate: '2010-03-14' });
    expect(errorCodes(refused)).toEqual(['RECONCILIATION_NO_MATCH']);
    expect(await rows()).toEqual(before);
    expect((await agent.get('/api/me')).status).toBe(401);
    expect((await agent.get('/api/sso/pending-identity')).status).toBe(200);
    // A wrong birthdate for Charles is refused the same way.
    const charles = new Agent(t.app);
    await postAcs(charles, slug, respond(slug, pupil()));
    expect(errorCodes(await charles.post('/api/sso/pending-identity/link', { campaignCode: campaign.code, birthdate: '2011-03-14' }))).toEqual(['RECONCILIATION_NO_MATCH']);
    expect(await rows()).toEqual(before);
  });

  it("tenant: organization A's provider cannot link to organization B's learners", async () => {
    const a = await school();
    const b = await school();
    const agent = new Agent(t.app);
    await postAcs(agent, a.slug, respond(a.slug, pupil()));
    const before = await rows();
    const refused = await agent.post('/api/sso/pending-identity/link', { campaignCode: b.campaign.code, birthdate: '2010-03-14' });
    expect(refused.status).toBe(403);
    expect(errorCodes(refused)).toEqual(['SSO_CAMPAIGN_NOT_IN_ORGANIZATION']);
    expect(await rows()).toEqual(before);
    const [learnerOfB] = await t.database.db.select().from(organizationLearners).where(eq(organizationLearners.id, b.charles.id));
    expect(learnerOfB!.userId).toBeNull();
  });

  it('two birthdate submissions at once create one account', async () => {
    const { slug, campaign } = await school();
    const agent = new Agent(t.app);
    const who = pupil();
    await postAcs(agent, slug, respond(slug, who));
    const before = await rows();
    const body = { campaignCode: campaign.code, birthdate: '2010-03-14' };
    const answers = await Promise.all([agent.post('/api/sso/pending-identity/link', body), agent.post('/api/sso/pending-identity/link', body)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
    expect(await rows()).toEqual({ users: before.users + 1, methods: before.methods + 1 });
  });

  it('a pending identity lasts 30 minutes by the injected clock', async () => {
    const { slug, campaign } = await school();
    const agent = new Agent(t.app);
    await postAcs(agent, slug, respond(slug, pupil()));
    t.clock.offsetMs = 31 * 60_000;
    expect(errorCodes(await agent.post('/api/sso/pending-identity/link', { campaignCode: campaign.code, birthdate: '2010-03-14' }))).toEqual(['SSO_PENDING_IDENTITY_NOT_FOUND']);
  });

  it('a blocked account does not sign in through the ENT either', async () => {
    const { slug, who, userId } = await linkedPupil();
    await t.database.db.update(users).set({ blockedAt: new Date() }).where(eq(users.id, userId));
    const later = new Agent(t.app);
    expectRefusal(await postAcs(later, slug, respond(slug, who)), 403, 'ACCOUNT_BLOCKED');
    expect((await later.get('/api/me')).status).toBe(401);
  });

  it('an unknown code and a missing pending identity are refused with their codes', async () => {
    const { slug } = await school();
    const agent = new Agent(t.app);
    expect(errorCodes(await agent.post('/api/sso/pending-identity/link', { campaignCode: 'ABCDEF234', birthdate: '2010-03-14' }))).toEqual(['SSO_PENDING_IDENTITY_NOT_FOUND']);
    await postAcs(agent, slug, respond(slug, pupil()));
    expect(errorCodes(await agent.post('/api/sso/pending-identity/link', { campaignCode: 'ABCDEF234', birthdate: '2010-03-14' }))).toEqual(['CAMPAIGN_CODE_NOT_FOUND']);
    expect(errorCodes(await agent.post('/api/sso/pending-identity/link', { campaignCode: 'nope', birthdate: '2010-03-14' }))).toEqual(['CAMPAIGN_CODE_INVALID_FORMAT']);
  });
});

describe('the demonstration Médiacentre', () => {
  it("the seeded one lists Victor-Hugo's pupils; Charles's tile runs the same SAML sign-in and links him", async () => {
    const demo = await createTestApp({ startJobs: false });
    try {
      expect(await seedDemoIfEmpty(demo.database.db, demo.clock)).toBe(true);
      const [victorHugo] = await demo.database.db.select().from(organizations).where(eq(organizations.name, 'Collège Victor-Hugo'));
      const [alice] = await demo.database.db.select().from(users).where(eq(users.email, 'alice.martin@example.org'));
      const campaign = await createCampaignRow(demo.database.db, { organizationId: victorHugo!.id, ownerId: alice!.id });

      const agent = new Agent(demo.app);
      const listed = await agent.get<{ mediacentres: { slug: string; url: string }[] }>('/api/sso/demo-mediacentres');
      expect(listed.body.mediacentres).toEqual([
        { slug: 'mediacentre-victor-hugo', label: 'Médiacentre du Collège Victor-Hugo', url: '/api/sso/demo-mediacentre/mediacentre-victor-hugo' },
      ]);
      const page = await agent.get<string>(listed.body.mediacentres[0]!.url);
      expect(page.status).toBe(200);
      for (const name of ['Charles Durand', 'Louis Bernard', 'Garance Leroy', 'Inès Moreau']) expect(page.body).toContain(`Ouvrir Jalon en tant que ${name}`);
      const charlesTile = page.body.slice(page.body.indexOf('<h2>Charles Durand</h2>'));
      const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(charlesTile)![1]!;

      const arrived = await postAcs(agent, 'mediacentre-victor-hugo', samlResponse);
      expect(arrived.headers.location).toBe('/premiere-connexion');
      const linked = await agent.post('/api/sso/pending-identity/link', { campaignCode: campaign.code, birthdate: '2010-03-14' });
      expect(linked.body).toEqual({ redirectTo: `/campagnes/${campaign.code}` });
      const [charles] = await demo.database.db
        .select({ userId: organizationLearners.userId })
        .from(organizationLearners)
        .where(and(eq(organizationLearners.organizationId, victorHugo!.id), eq(organizationLearners.firstName, 'Charles')));
      const [method] = await demo.database.db.select().from(authenticationMethods).where(eq(authenticationMethods.userId, charles!.userId!));
      expect(method).toMatchObject({ provider: 'MEDIACENTRE', externalIdentifier: 'f3b9c2e41a7d4c58b0e6d2a9c7f13e84' });

      // SP-initiated through the demo: Jalon's login sends the browser to the demo page, which answers the request.
      const later = new Agent(demo.app);
      const started = await later.get(`/api/sso/saml/mediacentre-victor-hugo/login?code=${campaign.code}`);
      const location = new URL(String(started.headers.location));
      expect(location.pathname).toBe('/api/sso/demo-mediacentre/mediacentre-victor-hugo');
      const answered = await later.get<string>(`${location.pathname}${location.search}`);
      const tile = answered.body.slice(answered.body.indexOf('<h2>Charles Durand</h2>'));
      const relayState = /name="RelayState" value="([^"]*)"/.exec(tile)![1]!;
      expect(relayState).toBe(campaign.code);
      const back = await postAcs(later, 'mediacentre-victor-hugo', /name="SAMLResponse" value="([^"]+)"/.exec(tile)![1]!, relayState);
      expect(back.headers.location).toBe(`/campagnes/${campaign.code}`);
    } finally {
      await demo.close();
    }
  });

  it('does not exist in production', async () => {
    const production = await createTestApp({ startJobs: false, configOverrides: { production: true } });
    try {
      const agent = new Agent(production.app);
      expect((await agent.get('/api/sso/demo-mediacentres')).body).toEqual({ mediacentres: [] });
      expect((await agent.get('/api/sso/demo-mediacentre/anything')).status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
