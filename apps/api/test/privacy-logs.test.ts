import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent } from './support/http';
import { siecleZip, type SieclePupil } from './support/siecle';
import { createTestApp, type TestApp } from './support/test-app';
import { outboxMails } from '../src/platform/mail/schema';

// Every line the app logs, at the most talkative level it has.
const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger: { level: 'trace', stream: capture } });
});
afterAll(async () => t.close());

const UAI = '0217777K';
const PUPILS: SieclePupil[] = [
  { eleveId: '1', ine: '987654321AA', firstName: 'Solène', lastName: 'Vasseur', birthdate: '17/08/2011', division: '6C', countryCode: '100', cityCode: '21231', city: 'DIJON' },
  { eleveId: '2', ine: '987654321AB', firstName: 'Yanis', lastName: 'Aubert', birthdate: '23/02/2011', division: '6C', countryCode: '100', cityCode: '21231', city: 'DIJON' },
];
const NEW_PASSWORD = 'Choisi-par-Solene-42';

async function waitForImport(agent: Agent, organizationId: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { body } = await agent.get<{ import: { status: string } | null }>(`/api/organizations/${organizationId}/learner-imports/latest`);
    if (body.import && !['UPLOADED', 'VALIDATED'].includes(body.import.status)) return body.import.status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not end');
}

describe('logs (learners-and-accounts §7)', () => {
  it('hold no birthdate, no password and no temporary password through imports, reconciliation, account creation and sign-ins', async () => {
    const team = await createTeam(t.database.db, { type: 'SCO', isManagingStudents: true, externalId: UAI });
    const admin = new Agent(t.app);
    await admin.signIn(team.admin.email, PASSWORD);

    // A SIECLE import, then a refused one whose error names a pupil's line.
    const upload = (bytes: Buffer) =>
      admin.request('POST', `/api/organizations/${team.organization.id}/learner-imports?fileName=eleves.zip`, bytes, { 'content-type': 'application/octet-stream' });
    expect((await upload(siecleZip(UAI, PUPILS))).status).toBe(202);
    expect(await waitForImport(admin, team.organization.id)).toBe('IMPORTED');
    expect((await upload(siecleZip(UAI, [...PUPILS, { ...PUPILS[0]!, eleveId: '3', ine: null }]))).status).toBe(202);
    expect(await waitForImport(admin, team.organization.id)).toBe('VALIDATION_ERROR');

    // A teacher creates Yanis's account: a temporary password comes back once.
    const learners = await admin.get<{ items: { id: string; lastName: string }[] }>(`/api/organizations/${team.organization.id}/learners`);
    const yanis = learners.body.items.find((learner) => learner.lastName === 'Aubert')!;
    const created = await admin.post<{ temporaryPassword: string; account: { username: string } }>(
      `/api/organizations/${team.organization.id}/learners/${yanis.id}/account`,
    );
    expect(created.status).toBe(201);
    const temporary = created.body.temporaryPassword;
    expect(temporary).toMatch(/^[A-Z][a-z]{5}\d{2}$/);

    // A pupil signs up, fails a reconciliation, then succeeds, and changes their password.
    const campaign = await createCampaign(t.database.db, t.content.release, { organizationId: team.organization.id, ownerId: team.admin.id, type: 'PROFILES_COLLECTION' });
    const pupil = await createUser(t.database.db);
    const agent = new Agent(t.app);
    await agent.signIn(pupil.email, PASSWORD);
    await agent.post(`/api/campaigns/${campaign.id}/reconciliation`, { firstName: 'Solène', lastName: 'Vasseur', birthdate: '2011-08-18', confirm: true });
    const linked = await agent.post(`/api/campaigns/${campaign.id}/reconciliation`, { firstName: 'Solène', lastName: 'Vasseur', birthdate: '2011-08-17', confirm: true });
    expect(linked.body).toMatchObject({ linked: true });
    expect((await agent.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await new Agent(t.app).post('/api/auth/sign-in', { login: pupil.email, password: 'Pas-le-bon-1' })).status).toBe(401);
    await createLearner(t.database.db, team.organization.id, { firstName: 'Zoé', lastName: 'Marchal', birthdate: '2011-12-05' });

    expect(lines.length).toBeGreaterThan(20);
    const secrets = ['2011-08-17', '17/08/2011', '2011-08-18', '23/02/2011', '2011-02-23', '2011-12-05', PASSWORD, NEW_PASSWORD, 'Pas-le-bon-1', temporary];
    const leaks = lines.filter((line) => secrets.some((secret) => line.includes(secret)));
    expect(leaks).toEqual([]);
  });

  it('hold no reset token, session or CSRF token, nor OIDC code and state, even when a URL carries them', async () => {
    const user = await createUser(t.database.db);
    const agent = new Agent(t.app);
    const signedIn = await agent.signIn(user.email, PASSWORD);
    const sessionToken = /jalon_session=([^;]+)/.exec([signedIn.headers['set-cookie']].flat().join('\n'))![1]!;
    expect((await new Agent(t.app).post('/api/auth/password-reset-requests', { email: user.email })).status).toBe(202);
    const [mail] = await t.database.db.select().from(outboxMails).where(eq(outboxMails.to, user.email));
    const resetToken = /token=([\w-]+)/.exec(mail!.text)![1]!;

    const before = lines.length;
    expect((await new Agent(t.app).get(`/api/auth/password-resets/${resetToken}`)).status).toBe(200);
    await new Agent(t.app).get(`/reinitialiser-mot-de-passe?token=${resetToken}`);
    await new Agent(t.app).get('/api/sso/oidc/inconnu/callback?code=code-secret-0123456789&state=etat-secret-0123456789');
    expect((await agent.post('/api/me/terms', { scope: 'orga' })).status).toBe(200);

    const logged = lines.slice(before);
    expect(logged.some((line) => line.includes('/api/auth/password-resets/[redacted]'))).toBe(true);
    const secrets = [resetToken, sessionToken, agent.csrf!, 'code-secret-0123456789', 'etat-secret-0123456789'];
    expect(lines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  });
});
