import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Candidate, Roster, Sitting, SittingConsole, SittingsPage } from '@jalon/contracts';
import { knowledgeElements } from '../src/modules/assessment/schema';
import { certificationCandidates, certificationSittings } from '../src/modules/certification-centre/schema';
import { findCandidateForEntry } from '../src/modules/certification-centre';
import { OVERDUE_COURSES_QUEUE } from '../src/modules/certification-course';
import { certificationAnswers, certificationCourses, certificationIssueReports } from '../src/modules/certification-course/schema';
import { certificationResults } from '../src/modules/certification-results/schema';
import { organizationFeatures } from '../src/modules/organizations';
import { queryRows } from '../src/platform/db/database';
import { createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const SITTING = { address: '12 rue des Écoles, Dijon', room: 'CDI', date: '2027-03-18', time: '09:00', invigilatorName: 'Mme Roux' };

/** A collège that is a certification centre, its teacher signed in. */
async function centre(features = ['CERTIFICATION_CENTER']) {
  const team = await createTeam(t.database.db, { type: 'SCO', isManagingStudents: true });
  if (features.length) await t.database.db.insert(organizationFeatures).values(features.map((feature) => ({ organizationId: team.organization.id, feature })));
  const agent = new Agent(t.app);
  await agent.signIn(team.member.email, PASSWORD);
  const base = `/api/organizations/${team.organization.id}/certification/sittings`;
  return { ...team, agent, base };
}

async function newSitting(c: { agent: Agent; base: string }, body = SITTING) {
  const response = await c.agent.post<Sitting>(c.base, body);
  expect(response.status).toBe(201);
  return response.body;
}

/** Gives an account 8 pix (level 1) in `count` core competences: certifiable from 5. */
async function giveLevelOne(userId: string, competenceCount: number) {
  const core = t.content.release.competences.filter((c) => c.origin === 'jalon').slice(0, competenceCount);
  if (core.length === 0) return;
  await t.database.db.insert(knowledgeElements).values(
    core.map((competence, i) => ({
      createdAt: new Date(),
      userId,
      skillId: `skill-certif-${i}`,
      tubeId: `tube-certif-${i}`,
      competenceId: competence.id,
      source: 'direct',
      status: 'validated',
      earnedPix: 8,
    })),
  );
}

/** A course as the candidate's test writes it, with `answers` answers. */
async function course(sittingId: string, candidateId: string, userId: string, state: { answers: number; ended?: boolean; paused?: boolean }) {
  const [row] = await t.database.db
    .insert(certificationCourses)
    .values({
      candidateId,
      sittingId,
      userId,
      startedAt: new Date(),
      ...(state.paused ? { pausedAt: new Date() } : {}),
      ...(state.ended ? { endedAt: new Date(), endReason: 'CANDIDATE' } : {}),
    })
    .returning();
  const challenges = t.content.release.challenges.slice(0, state.answers);
  if (challenges.length) {
    await t.database.db
      .insert(certificationAnswers)
      .values(challenges.map((challenge, i) => ({ courseId: row!.id, challengeId: challenge.id, position: i + 1, value: 'x', result: 'ko', answeredAt: new Date() })));
  }
  return row!;
}

/** The candidate entered the sitting with their account, as the entry check leaves it. */
async function enter(candidateId: string, userId: string) {
  await t.database.db.update(certificationCandidates).set({ userId }).where(eq(certificationCandidates.id, candidateId));
}

describe('sittings', () => {
  it('creates a sitting with a 6-character access code and a number, and lists it', async () => {
    const c = await centre();
    const sitting = await newSitting(c);
    expect(sitting).toMatchObject({ ...SITTING, status: 'created', candidateCount: 0, finalizedAt: null });
    expect(sitting.accessCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(sitting.number).toBeGreaterThan(0);

    const later = await newSitting(c, { ...SITTING, date: '2027-05-02' });
    expect(later.number).toBeGreaterThan(sitting.number);
    expect(later.accessCode).not.toBe(sitting.accessCode);
    const page = await c.agent.get<SittingsPage>(`${c.base}?page=1&pageSize=10`);
    expect(page.body.total).toBe(2);
    expect(page.body.items.map((s) => s.id)).toEqual([later.id, sitting.id]);
  });

  it('reports every missing field beside it', async () => {
    const c = await centre();
    const response = await c.agent.post(c.base, { address: ' ', room: '', date: '18/03/2027', time: '9h', invigilatorName: '' });
    expect(response.status).toBe(422);
    expect(errorCodes(response).sort()).toEqual(
      ['SITTING_ADDRESS_REQUIRED', 'SITTING_DATE_INVALID', 'SITTING_INVIGILATOR_REQUIRED', 'SITTING_ROOM_REQUIRED', 'SITTING_TIME_INVALID'].sort(),
    );
  });

  it('updates the details until the sitting is finalised', async () => {
    const c = await centre();
    const sitting = await newSitting(c);
    const updated = await c.agent.patch<Sitting>(`${c.base}/${sitting.id}`, { ...SITTING, room: 'Salle 204' });
    expect(updated.status).toBe(200);
    expect(updated.body.room).toBe('Salle 204');
    expect(updated.body.accessCode).toBe(sitting.accessCode);
  });

  it('is refused to an organization that is not a certification centre, even to its members', async () => {
    const c = await centre([]);
    const response = await c.agent.post(c.base, SITTING);
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['NOT_A_CERTIFICATION_CENTER']);
    expect(errorCodes(await c.agent.get(c.base))).toEqual(['NOT_A_CERTIFICATION_CENTER']);
  });

  it("keeps each centre's sittings to itself", async () => {
    const a = await centre();
    const b = await centre();
    const sitting = await newSitting(a);
    // B's member reaching A's organization: not a member.
    expect(errorCodes(await b.agent.get(`${a.base}/${sitting.id}`))).toEqual(['NOT_A_MEMBER']);
    // A's sitting under B's organization: not found.
    for (const path of ['', '/candidates', '/console', '/roster']) {
      expect(errorCodes(await b.agent.get(`${b.base}/${sitting.id}${path}`)), path).toEqual(['SITTING_NOT_FOUND']);
    }
    expect(errorCodes(await b.agent.post(`${b.base}/${sitting.id}/finalize`, {}))).toEqual(['SITTING_NOT_FOUND']);
  });
});

describe('candidates', () => {
  it('enrols a candidate by hand with extra time, and removes them before they start', async () => {
    const c = await centre();
    const sitting = await newSitting(c);
    const body = {
      firstName: ' Inès ',
      lastName: 'Moreau',
      birthdate: '2010-05-09',
      birthCity: 'Dijon',
      birthCountry: 'France',
      externalId: '',
      extraTimePercentage: 33,
      accessibilityAdjustmentNeeded: true,
    };
    const enrolled = await c.agent.post<Candidate>(`${c.base}/${sitting.id}/candidates`, body);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({
      firstName: 'Inès',
      externalId: null,
      extraTimePercentage: 33,
      accessibilityAdjustmentNeeded: true,
      organizationLearnerId: null,
      eligibility: 'UNKNOWN',
      hasStarted: false,
    });

    const refused = await c.agent.post(`${c.base}/${sitting.id}/candidates`, { ...body, extraTimePercentage: 101, birthdate: '2010-02-30' });
    expect(errorCodes(refused).sort()).toEqual(['BIRTHDATE_INVALID', 'EXTRA_TIME_INVALID']);

    const twin = await c.agent.post(`${c.base}/${sitting.id}/candidates`, { firstName: 'INES', lastName: 'moreau', birthdate: '2010-05-09' });
    expect(errorCodes(twin)).toEqual(['CANDIDATE_ALREADY_ENROLLED']);

    expect((await c.agent.delete(`${c.base}/${sitting.id}/candidates/${enrolled.body.id}`)).status).toBe(204);
    const list = await c.agent.get<{ items: Candidate[] }>(`${c.base}/${sitting.id}/candidates`);
    expect(list.body.items).toEqual([]);
  });

  it('enrols pupils of a class from the roster, warning about those not certifiable yet', async () => {
    const c = await centre();
    const db = t.database.db;
    const sitting = await newSitting(c);
    const charlesAccount = await createUser(db, { firstName: 'Charles', lastName: 'Durand' });
    const louisAccount = await createUser(db, { firstName: 'Louis', lastName: 'Bernard' });
    await giveLevelOne(charlesAccount.id, 5);
    await giveLevelOne(louisAccount.id, 4);
    const orgId = c.organization.id;
    const charles = await createLearner(db, orgId, { firstName: 'Charles', lastName: 'Durand', birthdate: '2010-03-14', division: '3A', userId: charlesAccount.id, birthCity: 'Dijon', birthCountryCode: '99100' });
    const louis = await createLearner(db, orgId, { firstName: 'Louis', lastName: 'Bernard', birthdate: '2010-07-02', division: '3A', userId: louisAccount.id });
    const noAccount = await createLearner(db, orgId, { firstName: 'Anna', lastName: 'Zola', birthdate: '2010-01-02', division: '3A' });
    await createLearner(db, orgId, { firstName: 'Jules', lastName: 'Petit', birthdate: '2010-01-03', division: '3B' });
    await createLearner(db, orgId, { firstName: 'Parti', lastName: 'Ailleurs', birthdate: '2010-01-04', division: '3A', isDisabled: true });

    const classes = await c.agent.get<Roster>(`${c.base}/${sitting.id}/roster`);
    expect(classes.body).toEqual({ divisions: ['3A', '3B'], learners: [] });
    const roster = await c.agent.get<Roster>(`${c.base}/${sitting.id}/roster?division=3A`);
    expect(roster.body.learners.map((l) => [l.lastName, l.eligibility, l.alreadyEnrolled])).toEqual([
      ['Bernard', 'NOT_CERTIFIABLE', false],
      ['Durand', 'CERTIFIABLE', false],
      ['Zola', 'NOT_CERTIFIABLE', false],
    ]);

    const enrolled = await c.agent.post<{ items: Candidate[] }>(`${c.base}/${sitting.id}/candidates/from-roster`, {
      organizationLearnerIds: [charles.id, louis.id, noAccount.id],
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.items.map((x) => [x.lastName, x.division, x.eligibility])).toEqual([
      ['Bernard', '3A', 'NOT_CERTIFIABLE'],
      ['Durand', '3A', 'CERTIFIABLE'],
      ['Zola', '3A', 'NOT_CERTIFIABLE'],
    ]);
    expect(enrolled.body.items[1]).toMatchObject({ birthdate: '2010-03-14', birthCity: 'Dijon', birthCountry: 'France', organizationLearnerId: charles.id });

    // Ticking Charles again (another tab) leaves him enrolled once.
    const again = await c.agent.post<{ items: Candidate[] }>(`${c.base}/${sitting.id}/candidates/from-roster`, { organizationLearnerIds: [charles.id] });
    expect(again.body.items).toEqual([]);
    const after = await c.agent.get<Roster>(`${c.base}/${sitting.id}/roster?division=3A`);
    expect(after.body.learners.every((l) => l.alreadyEnrolled)).toBe(true);
    expect((await c.agent.get<Sitting>(`${c.base}/${sitting.id}`)).body.candidateCount).toBe(3);
    // Charles typed by hand too would be two candidates the entry check cannot tell apart.
    const byHand = await c.agent.post(`${c.base}/${sitting.id}/candidates`, { firstName: 'Charles', lastName: 'DURAND', birthdate: '2010-03-14' });
    expect(byHand.body).toMatchObject({ errors: [{ code: 'CANDIDATE_ALREADY_ENROLLED', meta: { firstName: 'Charles', lastName: 'Durand' } }] });
  });

  it("refuses another school's pupil and writes nothing", async () => {
    const c = await centre();
    const other = await createTeam(t.database.db, { type: 'SCO' });
    const sitting = await newSitting(c);
    const mine = await createLearner(t.database.db, c.organization.id, { firstName: 'A', lastName: 'B', birthdate: '2010-01-01', division: '3A' });
    const theirs = await createLearner(t.database.db, other.organization.id, { firstName: 'C', lastName: 'D', birthdate: '2010-01-01', division: '3A' });
    const response = await c.agent.post(`${c.base}/${sitting.id}/candidates/from-roster`, { organizationLearnerIds: [mine.id, theirs.id] });
    expect(errorCodes(response)).toEqual(['LEARNER_NOT_IN_ORGANIZATION']);
    expect(await t.database.db.select().from(certificationCandidates).where(eq(certificationCandidates.sittingId, sitting.id))).toEqual([]);
  });

  it('keeps a candidate whose test started', async () => {
    const c = await centre();
    const sitting = await newSitting(c);
    const candidate = await c.agent.post<Candidate>(`${c.base}/${sitting.id}/candidates`, { firstName: 'Inès', lastName: 'Moreau', birthdate: '2010-05-09' });
    const user = await createUser(t.database.db);
    await enter(candidate.body.id, user.id);
    await course(sitting.id, candidate.body.id, user.id, { answers: 1 });
    const response = await c.agent.delete(`${c.base}/${sitting.id}/candidates/${candidate.body.id}`);
    expect(errorCodes(response)).toEqual(['CANDIDATE_ALREADY_STARTED']);
  });

  it('finds the candidate a pupil says they are, names compared once standardised', async () => {
    const c = await centre();
    const sitting = await newSitting(c);
    const candidate = await c.agent.post<Candidate>(`${c.base}/${sitting.id}/candidates`, { firstName: 'Inès', lastName: 'Le Moreau', birthdate: '2010-05-09' });
    const found = await findCandidateForEntry(t.database.db, { sittingNumber: sitting.number, firstName: 'INES', lastName: 'le-moreau', birthdate: '2010-05-09' });
    expect(found.candidate.id).toBe(candidate.body.id);
    for (const attempt of [
      { sittingNumber: sitting.number, firstName: 'Inès', lastName: 'Le Moreau', birthdate: '2010-05-10' },
      { sittingNumber: sitting.number, firstName: 'Agnès', lastName: 'Le Moreau', birthdate: '2010-05-09' },
      { sittingNumber: 2_000_000_000, firstName: 'Inès', lastName: 'Le Moreau', birthdate: '2010-05-09' },
    ]) {
      await expect(findCandidateForEntry(t.database.db, attempt)).rejects.toMatchObject({ code: 'CANDIDATE_NOT_FOUND' });
    }
  });
});

describe('invigilator console', () => {
  async function sittingWithFour() {
    const c = await centre();
    const sitting = await newSitting(c);
    const ids: Record<string, string> = {};
    const users: Record<string, string> = {};
    for (const name of ['Absent', 'Attente', 'Encours', 'Fini']) {
      const response = await c.agent.post<Candidate>(`${c.base}/${sitting.id}/candidates`, { firstName: 'X', lastName: name, birthdate: '2010-01-01' });
      ids[name] = response.body.id;
      users[name] = (await createUser(t.database.db)).id;
    }
    for (const name of ['Attente', 'Encours', 'Fini']) await enter(ids[name]!, users[name]!);
    return { c, sitting, ids, users };
  }

  it('shows where each candidate stands, with the question number and open reports', async () => {
    const { c, sitting, ids, users } = await sittingWithFour();
    const running = await course(sitting.id, ids.Encours!, users.Encours!, { answers: 6, paused: true });
    await course(sitting.id, ids.Fini!, users.Fini!, { answers: 3, ended: true });
    await t.database.db.insert(certificationIssueReports).values({ courseId: running.id, category: 'IMAGE_NOT_DISPLAYED', description: "L'image ne s'affiche pas" });

    const view = await c.agent.get<SittingConsole>(`${c.base}/${sitting.id}/console`);
    expect(view.status).toBe(200);
    expect(view.body.candidates.map((x) => [x.lastName, x.state, x.questionNumber, x.openReports.length])).toEqual([
      ['Absent', 'NOT_STARTED', null, 0],
      ['Attente', 'WAITING_AUTHORIZATION', null, 0],
      ['Encours', 'PAUSED', 7, 1],
      ['Fini', 'FINISHED', null, 0],
    ]);
    expect(view.body.candidates[3]).toMatchObject({ answerCount: 3, endReason: 'CANDIDATE' });
    expect(view.body.canFinalize).toBe(false);
  });

  it('authorises a candidate who entered, not one who has not', async () => {
    const { c, sitting, ids } = await sittingWithFour();
    expect(errorCodes(await c.agent.post(`${c.base}/${sitting.id}/candidates/${ids.Absent}/authorize`))).toEqual(['CANDIDATE_NOT_ENTERED']);
    const authorised = await c.agent.post<SittingConsole>(`${c.base}/${sitting.id}/candidates/${ids.Attente}/authorize`);
    expect(authorised.status).toBe(200);
    expect(authorised.body.candidates.find((x) => x.id === ids.Attente)!.state).toBe('AUTHORIZED');
    const [row] = await t.database.db.select().from(certificationCandidates).where(eq(certificationCandidates.id, ids.Attente!));
    expect(row!.authorizedAt).not.toBeNull();
  });

  it("ends a candidate's test, once", async () => {
    const { c, sitting, ids, users } = await sittingWithFour();
    await course(sitting.id, ids.Encours!, users.Encours!, { answers: 4 });
    const ended = await c.agent.post<SittingConsole>(`${c.base}/${sitting.id}/candidates/${ids.Encours}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.candidates.find((x) => x.id === ids.Encours)).toMatchObject({ state: 'FINISHED', endReason: 'INVIGILATOR', answerCount: 4 });
    expect(ended.body.canFinalize).toBe(true);
    expect(errorCodes(await c.agent.post(`${c.base}/${sitting.id}/candidates/${ids.Encours}/end`))).toEqual(['CERTIFICATION_COURSE_ENDED']);
    expect(errorCodes(await c.agent.post(`${c.base}/${sitting.id}/candidates/${ids.Absent}/end`))).toEqual(['CERTIFICATION_COURSE_NOT_FOUND']);
  });

  it("resolves a reported problem of this sitting only, and the candidate resumes", async () => {
    const { c, sitting, ids, users } = await sittingWithFour();
    const running = await course(sitting.id, ids.Encours!, users.Encours!, { answers: 2, paused: true });
    const [report] = await t.database.db.insert(certificationIssueReports).values({ courseId: running.id, category: 'OTHER', description: 'Écran figé' }).returning();
    const other = await sittingWithFour();
    expect(errorCodes(await other.c.agent.post(`${other.c.base}/${other.sitting.id}/issue-reports/${report!.id}/resolve`, { resolution: 'RESUME' }))).toEqual([
      'ISSUE_REPORT_NOT_FOUND',
    ]);
    const resolved = await c.agent.post<SittingConsole>(`${c.base}/${sitting.id}/issue-reports/${report!.id}/resolve`, { resolution: 'RESUME' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.candidates.find((x) => x.id === ids.Encours)).toMatchObject({ state: 'IN_PROGRESS', questionNumber: 3, openReports: [] });
  });

  it('refuses to finalise while a test runs, then scores every test and closes the sitting', async () => {
    const { c, sitting, ids, users } = await sittingWithFour();
    const running = await course(sitting.id, ids.Encours!, users.Encours!, { answers: 2 });
    const finished = await course(sitting.id, ids.Fini!, users.Fini!, { answers: 3, ended: true });

    const refused = await c.agent.post(`${c.base}/${sitting.id}/finalize`, { comment: 'RAS' });
    expect(errorCodes(refused)).toEqual(['SITTING_HAS_TESTS_IN_PROGRESS']);
    expect(await t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, finished.id))).toEqual([]);

    await t.database.db.update(certificationCourses).set({ endedAt: new Date(), endReason: 'INVIGILATOR' }).where(eq(certificationCourses.id, running.id));
    const view = await c.agent.get<SittingConsole>(`${c.base}/${sitting.id}/console`);
    expect(view.body.canFinalize).toBe(true);

    const done = await c.agent.post<Sitting>(`${c.base}/${sitting.id}/finalize`, { comment: 'Absent : X Absent.' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'finalized', finalizationComment: 'Absent : X Absent.' });
    const results = await t.database.db.select().from(certificationResults);
    for (const id of [running.id, finished.id]) {
      // Fewer than 20 answers, no incident: rejected (`certification.md` §4).
      expect(results.find((r) => r.courseId === id)).toMatchObject({ status: 'rejected' });
    }

    expect(errorCodes(await c.agent.post(`${c.base}/${sitting.id}/finalize`, {}))).toEqual(['SITTING_ALREADY_FINALIZED']);
    expect(errorCodes(await c.agent.post(`${c.base}/${sitting.id}/candidates`, { firstName: 'A', lastName: 'B', birthdate: '2010-01-01' }))).toEqual([
      'SITTING_ALREADY_FINALIZED',
    ]);
    const [row] = await t.database.db.select().from(certificationSittings).where(eq(certificationSittings.id, sitting.id));
    expect(row!.finalizedBy).toBe(c.member.id);
  });

  it('follows a pupil through the test module: entry, authorisation, start, a report, the end and finalisation', async () => {
    const c = await centre();
    const db = t.database.db;
    const sitting = await newSitting(c);
    const account = await createUser(db, { firstName: 'Charles', lastName: 'Durand' });
    await giveLevelOne(account.id, 5);
    const learner = await createLearner(db, c.organization.id, { firstName: 'Charles', lastName: 'Durand', birthdate: '2010-03-14', division: '3A', userId: account.id });
    const [candidate] = (await c.agent.post<{ items: Candidate[] }>(`${c.base}/${sitting.id}/candidates/from-roster`, { organizationLearnerIds: [learner.id] })).body.items;
    const state = async () => (await c.agent.get<SittingConsole>(`${c.base}/${sitting.id}/console`)).body.candidates[0]!;
    expect((await state()).state).toBe('NOT_STARTED');

    const pupil = new Agent(t.app);
    await pupil.signIn(account.email, PASSWORD);
    const entry = await pupil.post('/api/certification-entries', { sittingNumber: sitting.number, firstName: 'charles', lastName: 'DURAND', birthdate: '2010-03-14', rulesAccepted: true });
    expect(entry.status).toBe(200);
    expect((await state()).state).toBe('WAITING_AUTHORIZATION');

    await c.agent.post(`${c.base}/${sitting.id}/candidates/${candidate!.id}/authorize`);
    expect((await state()).state).toBe('AUTHORIZED');
    const started = await pupil.post<{ courseId: string }>(`/api/certification-entries/${candidate!.id}/course`, { accessCode: sitting.accessCode.toLowerCase() });
    expect(started.status).toBe(200);
    expect(await state()).toMatchObject({ state: 'IN_PROGRESS', questionNumber: 1, courseId: started.body.courseId });

    const report = await pupil.post<{ id: string }>(`/api/certification-courses/${started.body.courseId}/issue-reports`, { category: 'TECHNICAL', description: 'Écran figé' });
    expect(report.status).toBe(201);
    expect(await state()).toMatchObject({ state: 'PAUSED', openReports: [{ id: report.body.id, description: 'Écran figé' }] });
    await c.agent.post(`${c.base}/${sitting.id}/issue-reports/${report.body.id}/resolve`, { resolution: 'RESUME' });
    expect((await state()).state).toBe('IN_PROGRESS');

    expect((await c.agent.post(`${c.base}/${sitting.id}/finalize`, {})).status).toBe(409);
    await c.agent.post(`${c.base}/${sitting.id}/candidates/${candidate!.id}/end`);
    expect(await state()).toMatchObject({ state: 'FINISHED', endReason: 'INVIGILATOR' });
    const finalized = await c.agent.post<Sitting>(`${c.base}/${sitting.id}/finalize`, { comment: '' });
    expect(finalized.body).toMatchObject({ status: 'finalized', finalizationComment: null });
    const [result] = await db.select().from(certificationResults).where(eq(certificationResults.courseId, started.body.courseId));
    expect(result).toMatchObject({ status: 'rejected', answerCount: 0 });
  });

  it('has the tests whose time ran out ended every minute by a pg-boss job, run by the app’s worker', async () => {
    const schedules = await queryRows<{ name: string; cron: string }>(t.database.db, sql`select name, cron from pgboss.schedule`);
    expect(schedules).toContainEqual({ name: OVERDUE_COURSES_QUEUE, cron: '* * * * *' });

    const { sitting, ids, users } = await sittingWithFour();
    const forgotten = await course(sitting.id, ids.Encours!, users.Encours!, { answers: 2 });
    // Started two hours ago by the real clock, which this app's jobs run on.
    await t.database.db.update(certificationCourses).set({ startedAt: new Date(Date.now() - 120 * 60_000) }).where(eq(certificationCourses.id, forgotten.id));
    await t.jobs.send(OVERDUE_COURSES_QUEUE, {});
    await vi.waitFor(
      async () => {
        const [row] = await t.database.db.select().from(certificationCourses).where(eq(certificationCourses.id, forgotten.id));
        expect(row!.endReason).toBe('TIMED_OUT');
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(await t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, forgotten.id))).toMatchObject([{ status: 'rejected', answerCount: 2 }]);
  });
});
