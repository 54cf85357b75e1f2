import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, Sitting, SittingConsole } from '@jalon/contracts';
import { knowledgeElements } from '../src/modules/assessment';
import { certificationCourses, endOverdueCourses } from '../src/modules/certification-course';
import { certificationResults } from '../src/modules/certification-results';
import { organizationFeatures } from '../src/modules/organizations';
import { rightAnswer } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * A test whose time ran out while its candidate sent nothing (`certification.md` §3): the
 * console shows it finished without writing, the minute's job, the candidate's next request or
 * the finalisation end it. The jobs do not run on their own here: the tests stop the clock
 * where they need it and call the job's sweep (its schedule is checked in certification-centre.test.ts).
 */
let t: TestApp;
let systemNow: () => Date;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
  systemNow = t.clock.now;
});
afterAll(async () => t.close());
afterEach(() => {
  t.clock.now = systemNow;
});

const MINUTE = 60_000;

/** Stops the server's clock at `minutes` after `from`, so what a request writes can be compared. */
function at(from: Date, minutes: number) {
  const now = new Date(from.getTime() + minutes * MINUTE);
  t.clock.now = () => now;
  return now;
}

/** Level 1 or more in 5 core competences: certifiable. */
async function makeCertifiable(app: TestApp, userId: string) {
  const core = app.content.release.competences.filter((c) => c.origin === 'jalon').slice(0, 5);
  const skills = app.content.release.skills.filter((s) => core.some((c) => c.id === s.competenceId) && s.status === 'active' && s.level <= 2 && s.pixValue > 0);
  await app.database.db.insert(knowledgeElements).values(
    skills.map((s) => ({ createdAt: new Date(Date.now() - 86_400_000), userId, skillId: s.id, tubeId: s.tubeId, competenceId: s.competenceId, source: 'direct', status: 'validated', earnedPix: s.pixValue })),
  );
}

/** A centre's sitting with one candidate who entered, was authorised, started and answered `answers` questions. */
async function runningTest(app: TestApp, options: { answers?: number; extraTimePercentage?: number } = {}) {
  const db = app.database.db;
  const team = await createTeam(db, { type: 'SCO' });
  await db.insert(organizationFeatures).values({ organizationId: team.organization.id, feature: 'CERTIFICATION_CENTER' });
  const invigilator = new Agent(app.app);
  await invigilator.signIn(team.member.email, PASSWORD);
  const base = `/api/organizations/${team.organization.id}/certification/sittings`;
  const sitting = (await invigilator.post<Sitting>(base, { address: '3 place du Marché', room: 'Salle 4', date: '2026-11-26', time: '09:00', invigilatorName: 'M. Garnier' })).body;
  const enrolled = await invigilator.post<Candidate>(`${base}/${sitting.id}/candidates`, {
    firstName: 'Lina',
    lastName: 'Moreau',
    birthdate: '2012-05-06',
    extraTimePercentage: options.extraTimePercentage ?? 0,
  });
  expect(enrolled.status).toBe(201);
  const account = await createUser(db);
  await makeCertifiable(app, account.id);
  const pupil = new Agent(app.app);
  await pupil.signIn(account.email, PASSWORD);
  expect((await pupil.post('/api/certification-entries', { sittingNumber: sitting.number, firstName: 'Lina', lastName: 'Moreau', birthdate: '2012-05-06', rulesAccepted: true })).status).toBe(200);
  expect((await invigilator.post(`${base}/${sitting.id}/candidates/${enrolled.body.id}/authorize`)).status).toBe(200);
  const start = await pupil.post<{ courseId: string }>(`/api/certification-entries/${enrolled.body.id}/course`, { accessCode: sitting.accessCode });
  expect(start.status).toBe(200);
  const courseId = start.body.courseId;
  for (let i = 0; i < (options.answers ?? 0); i++) {
    const step = (await pupil.get<{ challenge: { id: string } }>(`/api/certification-courses/${courseId}/next`)).body;
    expect((await pupil.post(`/api/certification-courses/${courseId}/answers`, { challengeId: step.challenge.id, value: rightAnswer(app.content.release, step.challenge.id) })).status).toBe(200);
  }
  const [course] = await db.select().from(certificationCourses).where(eq(certificationCourses.id, courseId));
  const consoleUrl = `${base}/${sitting.id}/console`;
  return { invigilator, pupil, base, sitting, candidateId: enrolled.body.id, courseId, startedAt: course!.startedAt, consoleUrl };
}

async function courseRow(courseId: string) {
  const [row] = await t.database.db.select().from(certificationCourses).where(eq(certificationCourses.id, courseId));
  return row!;
}

async function resultsOf(courseId: string) {
  return t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, courseId));
}

describe('the console of a sitting with a test whose time ran out', () => {
  it('shows it finished, timed out, and writes nothing', async () => {
    const test = await runningTest(t, { answers: 2 });
    at(test.startedAt, 60);
    expect((await test.invigilator.get<SittingConsole>(test.consoleUrl)).body.candidates[0]).toMatchObject({ state: 'IN_PROGRESS', questionNumber: 3 });

    at(test.startedAt, 108);
    const before = await courseRow(test.courseId);
    const view = await test.invigilator.get<SittingConsole>(test.consoleUrl);
    expect(view.status).toBe(200);
    expect(view.body.candidates[0]).toMatchObject({ state: 'FINISHED', endReason: 'TIMED_OUT', answerCount: 2, questionNumber: null, openReports: [] });
    expect(view.body.canFinalize).toBe(true);
    expect(await courseRow(test.courseId)).toEqual(before);
    expect(before.endedAt).toBeNull();
    expect(await resultsOf(test.courseId)).toEqual([]);

    // The same figures once the ending is written.
    await endOverdueCourses(t.database.db, t.clock.now(), t.content.release);
    expect((await test.invigilator.get<SittingConsole>(test.consoleUrl)).body.candidates).toEqual(view.body.candidates);
  });

  it('counts the candidate’s extra time', async () => {
    const test = await runningTest(t, { extraTimePercentage: 30 });
    at(test.startedAt, 130);
    expect((await test.invigilator.get<SittingConsole>(test.consoleUrl)).body.candidates[0]!.state).toBe('IN_PROGRESS');
    at(test.startedAt, 137);
    expect((await test.invigilator.get<SittingConsole>(test.consoleUrl)).body.candidates[0]).toMatchObject({ state: 'FINISHED', endReason: 'TIMED_OUT' });
  });

  it('refuses « Terminer le test » and records the time-out, not the invigilator', async () => {
    const test = await runningTest(t);
    at(test.startedAt, 110);
    expect(errorCodes(await test.invigilator.post(`${test.base}/${test.sitting.id}/candidates/${test.candidateId}/end`))).toEqual(['CERTIFICATION_COURSE_ENDED']);
    expect(await courseRow(test.courseId)).toMatchObject({ endReason: 'TIMED_OUT', endedAt: t.clock.now() });
    expect(await resultsOf(test.courseId)).toHaveLength(1);
  });
});

describe('the minute’s job', () => {
  it('ends the test, scores it once, and leaves a test with time left alone', async () => {
    const late = await runningTest(t, { answers: 3 });
    const onTime = await runningTest(t, { answers: 1 });
    // The second test started 20 minutes after the first.
    await t.database.db.update(certificationCourses).set({ startedAt: new Date(late.startedAt.getTime() + 20 * MINUTE) }).where(eq(certificationCourses.id, onTime.courseId));

    const first = at(late.startedAt, 107);
    await endOverdueCourses(t.database.db, first, t.content.release);
    expect(await courseRow(late.courseId)).toMatchObject({ endedAt: first, endReason: 'TIMED_OUT', servedChallengeId: null });
    expect(await resultsOf(late.courseId)).toMatchObject([{ status: 'rejected', answerCount: 3, computedAt: first }]);
    expect((await courseRow(onTime.courseId)).endedAt).toBeNull();

    // A minute later, and twice at once (two API processes): nothing ends or is scored again.
    const later = at(late.startedAt, 108);
    await Promise.all([endOverdueCourses(t.database.db, later, t.content.release), endOverdueCourses(t.database.db, later, t.content.release)]);
    expect(await courseRow(late.courseId)).toMatchObject({ endedAt: first });
    expect(await resultsOf(late.courseId)).toMatchObject([{ computedAt: first }]);
    expect((await courseRow(onTime.courseId)).endedAt).toBeNull();

    // The candidate comes back: the test has ended, as it ended.
    expect((await late.pupil.get<{ state: string; endReason: string }>(`/api/certification-courses/${late.courseId}`)).body).toMatchObject({ state: 'ended', endReason: 'TIMED_OUT' });
    expect(await resultsOf(late.courseId)).toMatchObject([{ computedAt: first }]);
  });

  it('ends a test once when two sweeps race for it', async () => {
    const test = await runningTest(t, { answers: 1 });
    const a = at(test.startedAt, 120);
    const b = at(test.startedAt, 121);
    await Promise.all([endOverdueCourses(t.database.db, a, t.content.release), endOverdueCourses(t.database.db, b, t.content.release)]);
    const row = await courseRow(test.courseId);
    expect(row.endReason).toBe('TIMED_OUT');
    // Scored by the sweep that ended it, and by no other.
    expect(await resultsOf(test.courseId)).toMatchObject([{ computedAt: row.endedAt }]);
  });
});

describe('a paused test', () => {
  it('is not ended while the candidate waits, nor early once resumed: the pause moves the deadline', async () => {
    const test = await runningTest(t, { answers: 1 });
    at(test.startedAt, 10);
    const report = await test.pupil.post<{ id: string }>(`/api/certification-courses/${test.courseId}/issue-reports`, { category: 'TECHNICAL', description: 'La page ne répond plus' });
    expect(report.status).toBe(201);

    // Still waiting for the invigilator, two hours after the start.
    at(test.startedAt, 120);
    expect((await test.invigilator.get<SittingConsole>(test.consoleUrl)).body.candidates[0]).toMatchObject({ state: 'PAUSED' });
    await endOverdueCourses(t.database.db, t.clock.now(), t.content.release);
    expect((await courseRow(test.courseId)).endedAt).toBeNull();

    // Resumed after 2 hours of pause: the test ends 105 + 120 minutes after the start, plus the grace.
    at(test.startedAt, 130);
    const resumed = await test.invigilator.post<SittingConsole>(`${test.base}/${test.sitting.id}/issue-reports/${report.body.id}/resolve`, { resolution: 'RESUME' });
    expect(resumed.body.candidates[0]!.state).toBe('IN_PROGRESS');
    expect((await courseRow(test.courseId)).pausedMs).toBe(120 * MINUTE);

    at(test.startedAt, 224);
    expect((await test.invigilator.get<SittingConsole>(test.consoleUrl)).body.candidates[0]!.state).toBe('IN_PROGRESS');
    await endOverdueCourses(t.database.db, t.clock.now(), t.content.release);
    expect((await courseRow(test.courseId)).endedAt).toBeNull();
    expect(errorCodes(await test.invigilator.post(`${test.base}/${test.sitting.id}/finalize`, { comment: '' }))).toEqual(['SITTING_HAS_TESTS_IN_PROGRESS']);

    const end = at(test.startedAt, 226);
    expect((await test.invigilator.get<SittingConsole>(test.consoleUrl)).body.candidates[0]).toMatchObject({ state: 'FINISHED', endReason: 'TIMED_OUT' });
    await endOverdueCourses(t.database.db, end, t.content.release);
    expect(await courseRow(test.courseId)).toMatchObject({ endedAt: end, endReason: 'TIMED_OUT' });
  });
});

describe('finalisation', () => {
  it('ends a test whose time ran out in its own transaction, then scores every test once', async () => {
    const test = await runningTest(t, { answers: 2 });
    const now = at(test.startedAt, 150);
    expect((await test.invigilator.get<SittingConsole>(test.consoleUrl)).body.canFinalize).toBe(true);
    expect((await courseRow(test.courseId)).endedAt).toBeNull();

    const finalized = await test.invigilator.post<Sitting>(`${test.base}/${test.sitting.id}/finalize`, { comment: 'RAS' });
    expect(finalized.status).toBe(200);
    expect(finalized.body.status).toBe('finalized');
    expect(await courseRow(test.courseId)).toMatchObject({ endedAt: now, endReason: 'TIMED_OUT' });
    expect(await resultsOf(test.courseId)).toMatchObject([{ status: 'rejected', answerCount: 2, computedAt: now }]);
  });
});
