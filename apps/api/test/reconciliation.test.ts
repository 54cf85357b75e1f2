import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticationMethods } from '../src/modules/identity/schema';
import { organizationLearners } from '../src/modules/organizations';
import { createCampaign, createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

async function pupil(fields: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(t.database.db, fields);
  const agent = new Agent(t.app);
  await agent.signIn(fields.username ?? user.email, PASSWORD);
  return { user, agent };
}

async function school(type: 'SCO' | 'SUP' = 'SCO') {
  const team = await createTeam(t.database.db, { type, isManagingStudents: true });
  const campaign = await createCampaign(t.database.db, t.content.release, { organizationId: team.organization.id, ownerId: team.member.id, type: 'PROFILES_COLLECTION' });
  return { organizationId: team.organization.id, campaign };
}

const CHARLES = { firstName: 'Charles', lastName: 'Durand', birthdate: '2010-03-14' };

function reconcile(agent: Agent, campaignId: string, body: object) {
  return agent.post(`/api/campaigns/${campaignId}/reconciliation`, { confirm: true, ...body });
}

async function userOf(learnerId: string) {
  const [row] = await t.database.db.select({ userId: organizationLearners.userId }).from(organizationLearners).where(eq(organizationLearners.id, learnerId));
  return row!.userId;
}

describe('reconciliation refusals (learners-and-accounts §3)', () => {
  it('R32: the learner is linked to another account that signs in with a username, whose login is masked', async () => {
    const { organizationId, campaign } = await school();
    const other = await createUser(t.database.db, { email: null, username: 'charles.durand1403' });
    await createLearner(t.database.db, organizationId, { ...CHARLES, userId: other.id });
    const { agent } = await pupil();
    const refused = await reconcile(agent, campaign.id, CHARLES);
    expect(refused.body).toMatchObject({ errors: [{ code: 'R32', meta: { maskedLogin: 'c***.d***1403' } }] });
  });

  it('R33: the learner is linked to a Médiacentre account, which has no login to show', async () => {
    const { organizationId, campaign } = await school();
    const other = await createUser(t.database.db, { email: null, passwordHash: null });
    await t.database.db.insert(authenticationMethods).values({ userId: other.id, provider: 'MEDIACENTRE', externalIdentifier: 'ido-r33' });
    await createLearner(t.database.db, organizationId, { ...CHARLES, userId: other.id });
    const { agent } = await pupil();
    expect(errorCodes(await reconcile(agent, campaign.id, CHARLES))).toEqual(['R33']);
  });

  it('R70: the account is already linked to another pupil of this school; nothing changes', async () => {
    const { organizationId, campaign } = await school();
    const { user, agent } = await pupil();
    await createLearner(t.database.db, organizationId, { firstName: 'Louis', lastName: 'Bernard', birthdate: '2010-07-02', userId: user.id });
    const charles = await createLearner(t.database.db, organizationId, CHARLES);
    expect(errorCodes(await reconcile(agent, campaign.id, CHARLES))).toEqual(['R70']);
    expect(await userOf(charles.id)).toBeNull();
  });

  it('R11 / R12: another account holds this INE in another school; the pupil is told which login to use', async () => {
    const previous = await school();
    const { organizationId, campaign } = await school();
    const holder = await createUser(t.database.db, { email: 'charles.d@example.org' });
    await createLearner(t.database.db, previous.organizationId, { ...CHARLES, nationalStudentId: '111111111AA', userId: holder.id });
    const charles = await createLearner(t.database.db, organizationId, { ...CHARLES, nationalStudentId: '111111111AA' });
    const { agent } = await pupil();
    const refused = await reconcile(agent, campaign.id, CHARLES);
    expect(refused.body).toMatchObject({ errors: [{ code: 'R11', meta: { maskedLogin: 'c***.d***@example.org' } }] });
    expect(await userOf(charles.id)).toBeNull();

    const byUsername = await school();
    const other = await createUser(t.database.db, { email: null, username: 'lea.petit0101' });
    await createLearner(t.database.db, byUsername.organizationId, { firstName: 'Léa', lastName: 'Petit', birthdate: '2011-01-01', nationalStudentId: '222222222BB', userId: other.id });
    const second = await school();
    await createLearner(t.database.db, second.organizationId, { firstName: 'Léa', lastName: 'Petit', birthdate: '2011-01-01', nationalStudentId: '222222222BB' });
    expect(errorCodes(await reconcile(agent, second.campaign.id, { firstName: 'Lea', lastName: 'Petit', birthdate: '2011-01-01' }))).toEqual(['R12']);
  });

  it('R90: an account linked elsewhere to another pupil (other INE and birthdate) cannot take a sibling’s place', async () => {
    const elsewhere = await school();
    const { organizationId, campaign } = await school();
    const { user, agent } = await pupil();
    await createLearner(t.database.db, elsewhere.organizationId, { firstName: 'Inès', lastName: 'Durand', birthdate: '2012-05-05', nationalStudentId: '333333333CC', userId: user.id });
    const charles = await createLearner(t.database.db, organizationId, { ...CHARLES, nationalStudentId: '444444444DD' });
    expect(errorCodes(await reconcile(agent, campaign.id, CHARLES))).toEqual(['R90']);
    expect(await userOf(charles.id)).toBeNull();
  });
});

describe('an account that came through the Médiacentre', () => {
  it('is matched on the names the Médiacentre gave, whatever names the request types', async () => {
    const { organizationId, campaign } = await school();
    const { user, agent } = await pupil();
    await t.database.db.insert(authenticationMethods).values({ userId: user.id, provider: 'MEDIACENTRE', externalIdentifier: 'ido-locked', firstName: 'Charles', lastName: 'Durand' });
    await createLearner(t.database.db, organizationId, { firstName: 'Louis', lastName: 'Bernard', birthdate: CHARLES.birthdate });
    const charles = await createLearner(t.database.db, organizationId, CHARLES);
    const linked = await reconcile(agent, campaign.id, { firstName: 'Louis', lastName: 'Bernard', birthdate: CHARLES.birthdate });
    expect(linked.body).toMatchObject({ learner: { firstName: 'Charles', lastName: 'Durand' }, linked: true });
    expect(await userOf(charles.id)).toBe(user.id);
  });
});

describe('automatic SCO reconciliation by INE', () => {
  it('an account linked in another school joins the new school’s campaign without the form, linked to the same INE', async () => {
    const previous = await school();
    const { organizationId, campaign } = await school();
    const { user, agent } = await pupil();
    await createLearner(t.database.db, previous.organizationId, { ...CHARLES, nationalStudentId: '555555555EE', userId: user.id });
    const charles = await createLearner(t.database.db, organizationId, { ...CHARLES, nationalStudentId: '555555555EE' });

    const landing = await agent.get<{ me: { isReconciled: boolean } }>(`/api/campaigns/by-code/${campaign.code}`);
    expect(landing.body.me.isReconciled).toBe(true);
    expect(await userOf(charles.id)).toBeNull();

    const started = await agent.post(`/api/campaigns/${campaign.id}/participations`, {});
    expect(started.status).toBe(201);
    expect(await userOf(charles.id)).toBe(user.id);
  });

  it('does not link across INEs: without a roster entry of the same INE the form is still required', async () => {
    const previous = await school();
    const { organizationId, campaign } = await school();
    const { user, agent } = await pupil();
    await createLearner(t.database.db, previous.organizationId, { ...CHARLES, nationalStudentId: '666666666FF', userId: user.id });
    await createLearner(t.database.db, organizationId, { ...CHARLES, nationalStudentId: '777777777GG' });
    expect(errorCodes(await agent.post(`/api/campaigns/${campaign.id}/participations`, {}))).toEqual(['RECONCILIATION_REQUIRED']);
  });
});

describe('SUP reconciliation', () => {
  it('the student number narrows the candidates: the right number links, a wrong one matches nobody', async () => {
    const { organizationId, campaign } = await school('SUP');
    const twin = { firstName: 'Camille', lastName: 'Martin', birthdate: '2004-02-02' };
    await createLearner(t.database.db, organizationId, { ...twin, studentNumber: 'E1001' });
    const wanted = await createLearner(t.database.db, organizationId, { ...twin, studentNumber: 'E1002' });
    const { user, agent } = await pupil();
    expect(errorCodes(await reconcile(agent, campaign.id, twin))).toEqual(['RECONCILIATION_AMBIGUOUS']);
    expect(errorCodes(await reconcile(agent, campaign.id, { ...twin, studentNumber: 'E9999' }))).toEqual(['RECONCILIATION_NO_MATCH']);
    expect((await reconcile(agent, campaign.id, { ...twin, studentNumber: 'E1002' })).body).toMatchObject({ linked: true });
    expect(await userOf(wanted.id)).toBe(user.id);
  });
});
