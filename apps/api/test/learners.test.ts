import { randomUUID } from 'node:crypto';
import type { CampaignsPage, LearnerClasses, LearnerDetail, LearnersPage } from '@jalon/contracts';
import { percentHalfUp } from '@jalon/engine';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignSkills, participations } from '../src/modules/campaigns/schema';
import { authenticationMethods, users } from '../src/modules/identity/schema';
import { learnerAuditEvents } from '../src/modules/learners/schema';
import { learnerSortKey, organizationFeatures, organizationLearners } from '../src/modules/organizations';
import { queryRows } from '../src/platform/db/database';
import { createCampaign, createLearner } from './support/campaign-factory';
import { createTeam, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const SECURITY = 'tp-securite-au-quotidien';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

async function signedIn(email: string) {
  const agent = new Agent(t.app);
  await agent.signIn(email, PASSWORD);
  return agent;
}

const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** A pupil account with exactly the given logins (no e-mail unless given). */
async function account(fields: { email?: string; username?: string; mediacentre?: boolean; blockedAt?: Date; temporaryBlockUntil?: Date }) {
  const [user] = await t.database.db
    .insert(users)
    .values({
      firstName: 'Élève',
      lastName: 'Compte',
      email: fields.email ?? null,
      username: fields.username ?? null,
      passwordHash: fields.email || fields.username ? 'not-a-real-hash' : null,
      blockedAt: fields.blockedAt ?? null,
      temporaryBlockUntil: fields.temporaryBlockUntil ?? null,
    })
    .returning({ id: users.id });
  if (fields.mediacentre) {
    await t.database.db.insert(authenticationMethods).values({ userId: user!.id, provider: 'MEDIACENTRE', externalIdentifier: `gar-${user!.id}` });
  }
  return user!.id;
}

async function participation(
  campaignId: string,
  learner: { id: string; userId: string | null },
  status: 'STARTED' | 'TO_SHARE' | 'SHARED',
  fields: { createdAt: Date; sharedAt?: Date; isImproved?: boolean; isCertifiable?: boolean; validated?: number; pixScore?: number; deletedAt?: Date; externalId?: string },
) {
  const [row] = await t.database.db
    .insert(participations)
    .values({
      campaignId,
      userId: learner.userId!,
      organizationLearnerId: learner.id,
      status,
      createdAt: fields.createdAt,
      sharedAt: status === 'SHARED' ? (fields.sharedAt ?? fields.createdAt) : null,
      isImproved: fields.isImproved ?? false,
      isCertifiable: fields.isCertifiable ?? null,
      validatedSkillsCount: fields.validated ?? null,
      pixScore: fields.pixScore ?? null,
      deletedAt: fields.deletedAt ?? null,
      participantExternalId: fields.externalId ?? null,
    })
    .returning();
  return row!;
}

/**
 * A collège with six current pupils in 3A and 3B, one who left (4A, disabled), one deleted,
 * each with a different way of signing in, a profile collection and an assessment.
 */
async function school() {
  const db = t.database.db;
  const team = await createTeam(db, { type: 'SCO', isManagingStudents: true });
  const organizationId = team.organization.id;
  const pupil = (firstName: string, lastName: string, division: string, birthdate: string, userId: string | null, extra: Partial<Omit<typeof organizationLearners.$inferInsert, 'organizationId' | 'firstName' | 'lastName' | 'birthdate' | 'sortKey'>> = {}) =>
    createLearner(db, organizationId, { firstName, lastName, division, birthdate, ...(userId ? { userId } : {}), ...extra });
  const charles = await pupil('Charles', 'Durand', '3A', '2011-03-14', await account({ mediacentre: true }));
  const louis = await pupil('Louis', 'Bernard', '3A', '2011-05-02', await account({ username: `louis.bernard${randomUUID().slice(0, 8)}` }));
  const garance = await pupil('Garance', 'Leroy', '3A', '2011-07-21', await account({ email: `garance-${randomUUID().slice(0, 8)}@example.org` }));
  const ines = await pupil('Inès', 'Moreau', '3B', '2011-01-09', null);
  const zoe = await pupil('Zoé', 'Petit', '3B', '2011-11-30', await account({ email: `zoe-${randomUUID().slice(0, 8)}@example.org`, blockedAt: daysAgo(1) }), {
    isCertifiable: true,
    certifiableAt: daysAgo(1),
  });
  const yanis = await pupil('Yanis', 'Blanc', '3B', '2011-02-11', await account({ username: `yanis.blanc${randomUUID().slice(0, 8)}`, mediacentre: true, temporaryBlockUntil: new Date(Date.now() + 60_000) }));
  const hugo = await pupil('Hugo', 'Martin', '4A', '2012-04-04', await account({ mediacentre: true, temporaryBlockUntil: daysAgo(1) }), { isDisabled: true, disabledAt: daysAgo(30) });
  await pupil('Effacé', 'Ancien', '3A', '2011-01-01', null, { deletedAt: daysAgo(2) });
  const collection = await createCampaign(db, t.content.release, { organizationId, ownerId: team.admin.id, type: 'PROFILES_COLLECTION', name: 'Profils de rentrée', title: 'Profils' });
  const assessment = await createCampaign(db, t.content.release, { organizationId, ownerId: team.admin.id, targetProfileId: SECURITY, name: 'Sécurité', multipleSendings: true });
  // Charles: a certifiable profile sent, then an assessment started.
  await participation(collection.id, charles, 'SHARED', { createdAt: daysAgo(10), isCertifiable: true, pixScore: 120 });
  const charlesStarted = await participation(assessment.id, charles, 'STARTED', { createdAt: daysAgo(2) });
  // Louis: sent twice; the improved first sending neither counts nor decides.
  await participation(collection.id, louis, 'SHARED', { createdAt: daysAgo(20), isCertifiable: true, isImproved: true });
  await participation(collection.id, louis, 'SHARED', { createdAt: daysAgo(5), isCertifiable: false });
  // Garance: an assessment sent, and a profile whose participation was deleted.
  await participation(assessment.id, garance, 'SHARED', { createdAt: daysAgo(8), sharedAt: daysAgo(7), validated: 3 });
  await participation(collection.id, garance, 'SHARED', { createdAt: daysAgo(9), isCertifiable: true, deletedAt: daysAgo(3) });
  // Zoé: a non-certifiable profile sent 3 days ago; the nightly computation said certifiable yesterday.
  await participation(collection.id, zoe, 'SHARED', { createdAt: daysAgo(3), isCertifiable: false });
  // Yanis: a profile to send; Hugo (left the school) sent a certifiable one.
  await participation(collection.id, yanis, 'TO_SHARE', { createdAt: daysAgo(4) });
  await participation(collection.id, hugo, 'SHARED', { createdAt: daysAgo(40), isCertifiable: true });
  return { team, organizationId, charles, louis, garance, ines, zoe, yanis, hugo, collection, assessment, charlesStarted };
}

type School = Awaited<ReturnType<typeof school>>;

async function list(agent: Agent, organizationId: string, query = '') {
  const response = await agent.get<LearnersPage>(`/api/organizations/${organizationId}/learners${query ? `?${query}` : ''}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const names = (page: LearnersPage) => page.items.map((row) => row.lastName);

describe('learners: the « Élèves » list of a collège', () => {
  let s: School;
  let agent: Agent;
  beforeAll(async () => {
    s = await school();
    agent = await signedIn(s.team.member.email);
  });

  it('lists current pupils in name order with their class, logins, participations, latest participation, certifiability and blocked flag', async () => {
    const page = await list(agent, s.organizationId);
    expect(page.total).toBe(6);
    expect(names(page)).toEqual(['Bernard', 'Blanc', 'Durand', 'Leroy', 'Moreau', 'Petit']);
    const row = (lastName: string) => page.items.find((item) => item.lastName === lastName)!;
    expect(row('Durand')).toMatchObject({
      firstName: 'Charles',
      birthdate: '2011-03-14',
      division: '3A',
      hasAccount: true,
      loginMethods: ['mediacentre'],
      participationCount: 2,
      latestParticipation: { id: s.charlesStarted.id, campaignId: s.assessment.id, campaignName: 'Sécurité', status: 'STARTED', sharedAt: null },
      certifiability: 'CERTIFIABLE',
      isBlocked: false,
      isDisabled: false,
    });
    expect(row('Bernard')).toMatchObject({ loginMethods: ['identifiant'], participationCount: 1, certifiability: 'NOT_CERTIFIABLE' });
    expect(row('Leroy')).toMatchObject({ loginMethods: ['email'], participationCount: 1, certifiability: 'UNAVAILABLE' });
    expect(row('Leroy').latestParticipation).toMatchObject({ campaignName: 'Sécurité', status: 'SHARED' });
    expect(row('Moreau')).toMatchObject({ hasAccount: false, loginMethods: [], participationCount: 0, latestParticipation: null, certifiability: 'UNAVAILABLE' });
    // The toggle is off: Zoé's nightly value is not shown, her sent profile decides.
    expect(row('Petit')).toMatchObject({ loginMethods: ['email'], certifiability: 'NOT_CERTIFIABLE', isBlocked: true });
    expect(row('Blanc')).toMatchObject({ loginMethods: ['mediacentre', 'identifiant'], isBlocked: true, certifiability: 'UNAVAILABLE' });
  });

  it('shows pupils who left the school only when asked, marked; deleted ones never', async () => {
    const page = await list(agent, s.organizationId, 'disabled=show');
    expect(page.total).toBe(7);
    expect(page.items.find((row) => row.lastName === 'Martin')).toMatchObject({ isDisabled: true, division: '4A', isBlocked: false, certifiability: 'CERTIFIABLE' });
    expect(names(page)).not.toContain('(anonymisé)');
    expect(names(page)).not.toContain('Ancien');
  });

  it('filters by class, login method, certifiability and name', async () => {
    expect(names(await list(agent, s.organizationId, 'divisions=3A'))).toEqual(['Bernard', 'Durand', 'Leroy']);
    expect(names(await list(agent, s.organizationId, 'divisions=3A&divisions=3B'))).toHaveLength(6);
    expect(names(await list(agent, s.organizationId, 'loginMethod=none'))).toEqual(['Moreau']);
    expect(names(await list(agent, s.organizationId, 'loginMethod=identifiant'))).toEqual(['Bernard', 'Blanc']);
    expect(names(await list(agent, s.organizationId, 'loginMethod=email'))).toEqual(['Leroy', 'Petit']);
    expect(names(await list(agent, s.organizationId, 'loginMethod=mediacentre'))).toEqual(['Blanc', 'Durand']);
    expect(names(await list(agent, s.organizationId, 'loginMethod=without_mediacentre'))).toEqual(['Bernard', 'Leroy', 'Moreau', 'Petit']);
    expect(names(await list(agent, s.organizationId, 'certifiability=CERTIFIABLE'))).toEqual(['Durand']);
    expect(names(await list(agent, s.organizationId, 'certifiability=NOT_CERTIFIABLE&certifiability=UNAVAILABLE'))).toEqual(['Bernard', 'Blanc', 'Leroy', 'Moreau', 'Petit']);
    expect(names(await list(agent, s.organizationId, 'search=ines'))).toEqual(['Moreau']);
    expect(names(await list(agent, s.organizationId, 'search=LER'))).toEqual(['Leroy']);
    // A close spelling, as the follow-up's search (trigram similarity).
    expect(names(await list(agent, s.organizationId, 'search=Durant'))).toEqual(['Durand']);
    expect(names(await list(agent, s.organizationId, 'search=xyzxyz'))).toEqual([]);
    expect(names(await list(agent, s.organizationId, 'divisions=3B&loginMethod=mediacentre'))).toEqual(['Blanc']);
  });

  it('sorts by name, class, participation count and latest participation, both ways', async () => {
    expect(names(await list(agent, s.organizationId, 'order=desc'))).toEqual(['Petit', 'Moreau', 'Leroy', 'Durand', 'Blanc', 'Bernard']);
    expect(names(await list(agent, s.organizationId, 'sort=division&order=desc'))).toEqual(['Blanc', 'Moreau', 'Petit', 'Bernard', 'Durand', 'Leroy']);
    expect(names(await list(agent, s.organizationId, 'sort=participations&order=desc'))).toEqual(['Durand', 'Bernard', 'Blanc', 'Leroy', 'Petit', 'Moreau']);
    // Latest participation: Charles 2 days ago, Zoé 3, Yanis 4, Louis 5, Garance 8; none last.
    expect(names(await list(agent, s.organizationId, 'sort=lastParticipation&order=desc'))).toEqual(['Durand', 'Petit', 'Blanc', 'Bernard', 'Leroy', 'Moreau']);
    expect(names(await list(agent, s.organizationId, 'sort=lastParticipation'))).toEqual(['Leroy', 'Bernard', 'Blanc', 'Petit', 'Durand', 'Moreau']);
  });

  it('refuses unknown filters and page sizes', async () => {
    for (const query of ['loginMethod=sms', 'certifiability=MAYBE', 'sort=age', 'pageSize=20', 'disabled=all']) {
      const response = await agent.get(`/api/organizations/${s.organizationId}/learners?${query}`);
      expect(response.status, query).toBe(400);
      expect(errorCodes(response)).toContain('INVALID_REQUEST');
    }
  });

  it('lists the classes of current pupils for the filter', async () => {
    const response = await agent.get<LearnerClasses>(`/api/organizations/${s.organizationId}/learners/classes`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ divisions: ['3A', '3B'], groups: [] });
  });

  it('shows the nightly certifiability when the toggle is on and it is more recent than the sent profile', async () => {
    await t.database.db.insert(organizationFeatures).values({ organizationId: s.organizationId, feature: 'COMPUTE_ORGANIZATION_LEARNER_CERTIFICABILITY' });
    // Louis was computed certifiable before his last, non-certifiable sending: the sending wins.
    await t.database.db.update(organizationLearners).set({ isCertifiable: true, certifiableAt: daysAgo(6) }).where(eq(organizationLearners.id, s.louis.id));
    // Inès never sent anything: the nightly value alone decides.
    await t.database.db.update(organizationLearners).set({ isCertifiable: false, certifiableAt: daysAgo(1) }).where(eq(organizationLearners.id, s.ines.id));
    const page = await list(agent, s.organizationId);
    const certifiability = Object.fromEntries(page.items.map((row) => [row.lastName, row.certifiability]));
    expect(certifiability).toMatchObject({ Petit: 'CERTIFIABLE', Bernard: 'NOT_CERTIFIABLE', Moreau: 'NOT_CERTIFIABLE', Durand: 'CERTIFIABLE', Leroy: 'UNAVAILABLE' });
    const detail = await agent.get<LearnerDetail>(`/api/organizations/${s.organizationId}/learners/${s.zoe.id}`);
    expect(detail.body).toMatchObject({ certifiability: 'CERTIFIABLE' });
    expect(new Date(detail.body.certifiabilityAt!).getTime()).toBeGreaterThan(daysAgo(2).getTime());
    await t.database.db.delete(organizationFeatures).where(eq(organizationFeatures.organizationId, s.organizationId));
  });

  it('the learner page shows identity, logins, certifiability and every live participation, improved ones included', async () => {
    const louis = await agent.get<LearnerDetail>(`/api/organizations/${s.organizationId}/learners/${s.louis.id}`);
    expect(louis.status).toBe(200);
    expect(louis.body).toMatchObject({ firstName: 'Louis', lastName: 'Bernard', birthdate: '2011-05-02', division: '3A', loginMethods: ['identifiant'], certifiability: 'NOT_CERTIFIABLE' });
    expect(louis.body.participations.map((p) => [p.campaign.name, p.status, p.isImproved])).toEqual([
      ['Profils de rentrée', 'SHARED', false],
      ['Profils de rentrée', 'SHARED', true],
    ]);
    const garance = await agent.get<LearnerDetail>(`/api/organizations/${s.organizationId}/learners/${s.garance.id}`);
    const skills = await t.database.db.select().from(campaignSkills).where(eq(campaignSkills.campaignId, s.assessment.id));
    // The deleted participation is gone; the sent assessment shows its stored mastery.
    expect(garance.body.participations).toHaveLength(1);
    expect(garance.body.participations[0]).toMatchObject({ campaign: { id: s.assessment.id, type: 'ASSESSMENT', archived: false }, status: 'SHARED', masteryPercent: percentHalfUp(3, skills.length), pixScore: null });
    const hugo = await agent.get<LearnerDetail>(`/api/organizations/${s.organizationId}/learners/${s.hugo.id}`);
    expect(hugo.body).toMatchObject({ isDisabled: true, certifiability: 'CERTIFIABLE' });
    expect(hugo.body.participations[0]).toMatchObject({ pixScore: null, masteryPercent: null });
  });

  it('the learner page of another organization’s learner, or of an unknown one, is not found', async () => {
    const other = await createTeam(t.database.db, { type: 'SCO' });
    const stranger = await createLearner(t.database.db, other.organization.id, { firstName: 'Autre', lastName: 'École', birthdate: '2011-01-01' });
    for (const id of [stranger.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await agent.get(`/api/organizations/${s.organizationId}/learners/${id}`);
      expect(response.status).toBe(404);
      expect(errorCodes(response)).toEqual(['LEARNER_NOT_FOUND']);
    }
    // And another organization's list never shows this school's pupils.
    const outsider = await signedIn(other.admin.email);
    expect(names(await list(outsider, other.organization.id))).toEqual(['École']);
  });

  it('the student number is only for higher education', async () => {
    const admin = await signedIn(s.team.admin.email);
    const response = await admin.patch(`/api/organizations/${s.organizationId}/learners/${s.louis.id}`, { studentNumber: 'A123' });
    expect(response.status).toBe(409);
    expect(errorCodes(response)).toEqual(['STUDENT_NUMBER_NOT_APPLICABLE']);
  });
});

describe('learners: « Étudiants » and « Participants »', () => {
  it('a university lists student numbers and groups, filters by group and edits a student number (ADMIN, unique)', async () => {
    const db = t.database.db;
    const team = await createTeam(db, { type: 'SUP' });
    const organizationId = team.organization.id;
    const alice = await createLearner(db, organizationId, { firstName: 'Alice', lastName: 'Roux', birthdate: '2004-02-02', studentNumber: 'E001', group: 'L1 G1' });
    const bilal = await createLearner(db, organizationId, { firstName: 'Bilal', lastName: 'Sow', birthdate: '2004-03-03', studentNumber: 'E002', group: 'L1 G2' });
    const agent = await signedIn(team.admin.email);
    const page = await list(agent, organizationId, 'groups=L1%20G2');
    expect(page.items).toEqual([expect.objectContaining({ id: bilal.id, studentNumber: 'E002', group: 'L1 G2', division: null })]);
    expect((await agent.get<LearnerClasses>(`/api/organizations/${organizationId}/learners/classes`)).body).toEqual({ divisions: [], groups: ['L1 G1', 'L1 G2'] });

    const url = `/api/organizations/${organizationId}/learners/${alice.id}`;
    const taken = await agent.patch(url, { studentNumber: 'E002' });
    expect(taken.status).toBe(409);
    expect(errorCodes(taken)).toEqual(['STUDENT_NUMBER_ALREADY_USED']);
    for (const studentNumber of ['', 'é123', 'a b', 'x'.repeat(256)]) {
      const invalid = await agent.patch(url, { studentNumber });
      expect(invalid.status, studentNumber).toBe(422);
      expect(errorCodes(invalid)).toEqual(['STUDENT_NUMBER_INVALID']);
    }
    const member = await signedIn(team.member.email);
    const refused = await member.patch(url, { studentNumber: 'E003' });
    expect(refused.status).toBe(403);
    expect(errorCodes(refused)).toEqual(['ADMIN_ROLE_REQUIRED']);

    const updated = await agent.patch<LearnerDetail>(url, { studentNumber: ' E003 ' });
    expect(updated.status).toBe(200);
    expect(updated.body.studentNumber).toBe('E003');
    const audit = await db.select().from(learnerAuditEvents).where(eq(learnerAuditEvents.organizationLearnerId, alice.id));
    expect(audit).toEqual([expect.objectContaining({ action: 'STUDENT_NUMBER_CHANGED', actorUserId: team.admin.id, organizationId, meta: null })]);
    const unknown = await agent.patch(`/api/organizations/${organizationId}/learners/00000000-0000-4000-8000-000000000000`, { studentNumber: 'E009' });
    expect(errorCodes(unknown)).toEqual(['LEARNER_NOT_FOUND']);
  });

  it('paginates by 10, 25, 50 or 100 with the total, past the end too', async () => {
    const db = t.database.db;
    const team = await createTeam(db, { type: 'PRO' });
    const organizationId = team.organization.id;
    for (let i = 0; i < 12; i++) {
      await createLearner(db, organizationId, { firstName: `Prénom${i}`, lastName: `Nom${String(i).padStart(2, '0')}`, birthdate: '1990-01-01' });
    }
    const agent = await signedIn(team.member.email);
    const first = await list(agent, organizationId, 'pageSize=10');
    expect([first.total, first.items.length, first.page, first.pageSize]).toEqual([12, 10, 1, 10]);
    const second = await list(agent, organizationId, 'pageSize=10&page=2');
    expect(names(second)).toEqual(['Nom10', 'Nom11']);
    const past = await list(agent, organizationId, 'pageSize=10&page=3');
    expect([past.total, past.items.length]).toEqual([12, 0]);
    expect((await list(agent, organizationId, 'pageSize=25')).items).toHaveLength(12);
  });
});

describe('learners: deletion (`learners-and-accounts.md` §7)', () => {
  it('is for ADMINs only', async () => {
    const s = await school();
    const member = await signedIn(s.team.member.email);
    const response = await member.post(`/api/organizations/${s.organizationId}/learners/delete`, { learnerIds: [s.ines.id] });
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['ADMIN_ROLE_REQUIRED']);
  });

  it('a selection with another organization’s learner is refused and changes nothing', async () => {
    const s = await school();
    const other = await createTeam(t.database.db, { type: 'SCO' });
    const stranger = await createLearner(t.database.db, other.organization.id, { firstName: 'Autre', lastName: 'École', birthdate: '2011-01-01' });
    const before = await queryRows(t.database.db, sql`select * from organization_learners where organization_id in (${s.organizationId}, ${other.organization.id}) order by id`);
    const participationsBefore = await t.database.db.select().from(participations).where(eq(participations.campaignId, s.collection.id));
    const admin = await signedIn(s.team.admin.email);
    for (const learnerIds of [[s.ines.id, stranger.id], [s.charles.id, '00000000-0000-4000-8000-000000000000']]) {
      const response = await admin.post(`/api/organizations/${s.organizationId}/learners/delete`, { learnerIds });
      expect(response.status).toBe(403);
      expect(errorCodes(response)).toEqual(['LEARNER_NOT_IN_ORGANIZATION']);
    }
    expect(await queryRows(t.database.db, sql`select * from organization_learners where organization_id in (${s.organizationId}, ${other.organization.id}) order by id`)).toEqual(before);
    expect(await t.database.db.select().from(participations).where(eq(participations.campaignId, s.collection.id))).toEqual(participationsBefore);
    expect(await t.database.db.select().from(learnerAuditEvents).where(eq(learnerAuditEvents.organizationId, s.organizationId))).toEqual([]);
  });

  it('anonymises the learners, unlinks their accounts, soft-deletes and anonymises their participations, and logs it', async () => {
    const s = await school();
    const db = t.database.db;
    await db.update(organizationLearners).set({ nationalStudentId: '123456789AB', birthCity: 'Dijon', birthCityCode: '21231', birthCountryCode: '99100', mefCode: '10310019110', status: 'ST' }).where(eq(organizationLearners.id, s.charles.id));
    await db.update(participations).set({ participantExternalId: 'charles.durand@ent.example' }).where(eq(participations.id, s.charlesStarted.id));
    const admin = await signedIn(s.team.admin.email);
    const campaignsBefore = (await admin.get<CampaignsPage>(`/api/organizations/${s.organizationId}/campaigns`)).body.items;
    const countOf = (items: CampaignsPage['items'], id: string) => items.find((c) => c.id === id)!.participantCount;

    const response = await admin.post(`/api/organizations/${s.organizationId}/learners/delete`, { learnerIds: [s.charles.id, s.louis.id, s.charles.id] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ deleted: 2 });

    const [charles] = await db.select().from(organizationLearners).where(eq(organizationLearners.id, s.charles.id));
    expect(charles).toMatchObject({
      firstName: '(anonymisé)',
      lastName: '(anonymisé)',
      middleName: null,
      thirdName: null,
      preferredLastName: null,
      sortKey: learnerSortKey('(anonymisé)', '(anonymisé)'),
      birthdate: '2011-01-01',
      birthCity: null,
      birthCityCode: null,
      birthProvinceCode: null,
      birthCountryCode: null,
      nationalStudentId: null,
      nationalApprenticeId: null,
      division: null,
      mefCode: null,
      status: null,
      studentNumber: null,
      email: null,
      group: null,
      attributes: null,
      userId: null,
      deletedBy: s.team.admin.id,
    });
    expect(charles!.deletedAt).not.toBeNull();
    // The pupil's own account stays: only the link to the school is removed.
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, s.charles.userId!))).toHaveLength(1);

    const theirs = await db.select().from(participations).where(inArray(participations.organizationLearnerId, [s.charles.id, s.louis.id]));
    expect(theirs).toHaveLength(4);
    for (const p of theirs) {
      expect(p.deletedAt).not.toBeNull();
      expect(p.participantExternalId).toBeNull();
    }

    const audit = await db.select().from(learnerAuditEvents).where(eq(learnerAuditEvents.organizationId, s.organizationId));
    expect(audit.map((row) => [row.organizationLearnerId, row.targetUserId, row.action, row.actorUserId]).sort()).toEqual(
      [
        [s.charles.id, s.charles.userId, 'LEARNER_DELETED', s.team.admin.id],
        [s.louis.id, s.louis.userId, 'LEARNER_DELETED', s.team.admin.id],
      ].sort(),
    );

    // Lists and counts no longer see them; the others are untouched.
    expect(names(await list(admin, s.organizationId))).toEqual(['Blanc', 'Leroy', 'Moreau', 'Petit']);
    const campaignsAfter = (await admin.get<CampaignsPage>(`/api/organizations/${s.organizationId}/campaigns`)).body.items;
    expect(countOf(campaignsAfter, s.collection.id)).toBe(countOf(campaignsBefore, s.collection.id) - 2);
    expect(countOf(campaignsAfter, s.assessment.id)).toBe(countOf(campaignsBefore, s.assessment.id) - 1);
    expect((await admin.get(`/api/organizations/${s.organizationId}/learners/${s.charles.id}`)).status).toBe(404);

    // Deleting again is refused like any learner outside the organization.
    const again = await admin.post(`/api/organizations/${s.organizationId}/learners/delete`, { learnerIds: [s.louis.id] });
    expect(errorCodes(again)).toEqual(['LEARNER_NOT_IN_ORGANIZATION']);
  });

  it('keeps a null birthdate null', async () => {
    const team = await createTeam(t.database.db, { type: 'PRO' });
    const [learner] = await t.database.db
      .insert(organizationLearners)
      .values({ organizationId: team.organization.id, firstName: 'Sans', lastName: 'Date', sortKey: learnerSortKey('Date', 'Sans') })
      .returning();
    const admin = await signedIn(team.admin.email);
    expect((await admin.post(`/api/organizations/${team.organization.id}/learners/delete`, { learnerIds: [learner!.id] })).status).toBe(200);
    const [row] = await t.database.db.select().from(organizationLearners).where(eq(organizationLearners.id, learner!.id));
    expect(row).toMatchObject({ birthdate: null, firstName: '(anonymisé)' });
  });
});
