import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeElements } from '../src/modules/assessment';
import { certificationCandidates, certificationSittings } from '../src/modules/certification-centre/schema';
import { certificationAnswers, certificationCourses, endCourseByInvigilator, endOverdueCourses, resolveIssueReport } from '../src/modules/certification-course';
import { certificationResults } from '../src/modules/certification-results';
import { learnerSortKey } from '../src/modules/organizations';
import { rightAnswer } from './support/campaign-factory';
import { createOrganization, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());
afterEach(() => {
  t.clock.offsetMs = 0;
});

interface Entry {
  candidateId: string;
  state: 'waiting' | 'authorized' | 'started' | 'ended';
  courseId: string | null;
}
interface Step {
  kind: 'challenge' | 'paused' | 'end';
  challenge?: { id: string; timer?: number };
  position?: number;
  answerCount: number;
  reason?: string;
}
interface Answered {
  answerId: string;
  step: Step;
}
interface Course {
  state: 'started' | 'paused' | 'ended';
  answerCount: number;
  endsAt: string;
  startedAt: string;
  endReason: string | null;
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function accessCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A centre with an open sitting. */
async function sitting() {
  const centre = await createOrganization(t.database.db, { type: 'SCO' }, ['CERTIFICATION_CENTER']);
  const invigilator = await createUser(t.database.db);
  const [row] = await t.database.db
    .insert(certificationSittings)
    .values({ centerId: centre.id, address: '1 rue de l’École', room: 'Salle 12', date: '2026-11-26', time: '09:00', invigilatorName: 'M. Surveillant', accessCode: accessCode(), createdBy: invigilator.id })
    .returning();
  return { ...row!, invigilatorId: invigilator.id };
}

async function enrol(sittingId: string, fields: Partial<typeof certificationCandidates.$inferInsert> = {}) {
  const firstName = fields.firstName ?? 'Inès';
  const lastName = fields.lastName ?? 'Leroy';
  const [row] = await t.database.db
    .insert(certificationCandidates)
    .values({ sittingId, firstName, lastName, sortKey: learnerSortKey(lastName, firstName), birthdate: '2012-03-04', ...fields })
    .returning();
  return row!;
}

/** Level 1 or more in 5 core competences: every active skill of levels 1–2 validated. */
async function makeCertifiable(userId: string) {
  const { release } = t.content;
  const core = release.competences.filter((c) => c.origin === 'jalon').slice(0, 5);
  const skills = release.skills.filter((s) => core.some((c) => c.id === s.competenceId) && s.status === 'active' && s.level <= 2 && s.pixValue > 0);
  await t.database.db.insert(knowledgeElements).values(
    skills.map((s) => ({
      createdAt: new Date(Date.now() - 86_400_000),
      userId,
      skillId: s.id,
      tubeId: s.tubeId,
      competenceId: s.competenceId,
      source: 'direct',
      status: 'validated',
      earnedPix: s.pixValue,
    })),
  );
}

async function signedIn(options: { certifiable?: boolean } = {}) {
  const user = await createUser(t.database.db);
  if (options.certifiable ?? true) await makeCertifiable(user.id);
  const agent = new Agent(t.app);
  await agent.signIn(user.email, PASSWORD);
  return { user, agent };
}

function enter(agent: Agent, number: number, fields: Partial<Record<string, unknown>> = {}) {
  return agent.post<Entry>('/api/certification-entries', { sittingNumber: number, firstName: 'Inès', lastName: 'Leroy', birthdate: '2012-03-04', rulesAccepted: true, ...fields });
}

async function authorize(candidateId: string) {
  await t.database.db.update(certificationCandidates).set({ authorizedAt: t.clock.now() }).where(eq(certificationCandidates.id, candidateId));
}

/** Entered, authorised and started: the course id. */
async function started(options: { candidate?: Partial<typeof certificationCandidates.$inferInsert> } = {}) {
  const s = await sitting();
  const candidate = await enrol(s.id, options.candidate);
  const { user, agent } = await signedIn();
  const entry = await enter(agent, s.number, { firstName: candidate.firstName, lastName: candidate.lastName });
  expect(entry.status).toBe(200);
  await authorize(candidate.id);
  const start = await agent.post<Entry>(`/api/certification-entries/${candidate.id}/course`, { accessCode: s.accessCode });
  expect(start.status).toBe(200);
  return { sitting: s, candidate, user, agent, courseId: start.body.courseId! };
}

function answer(agent: Agent, courseId: string, challengeId: string, body: Record<string, unknown> = {}) {
  return agent.post<Answered>(`/api/certification-courses/${courseId}/answers`, { challengeId, value: rightAnswer(t.content.release, challengeId), ...body });
}

/** Answers right until the test ends or `count` answers were sent; the challenges served, in order. */
async function answerAll(agent: Agent, courseId: string, count = Infinity) {
  const served: string[] = [];
  let step = (await agent.get<Step>(`/api/certification-courses/${courseId}/next`)).body;
  while (step.kind === 'challenge' && served.length < count) {
    served.push(step.challenge!.id);
    const response = await answer(agent, courseId, step.challenge!.id);
    expect(response.status).toBe(200);
    step = response.body.step;
  }
  return { served, step };
}

const challengeOf = (id: string) => t.content.release.challenges.find((c) => c.id === id)!;

describe('entering a sitting', () => {
  it('finds the candidate by sitting number, names (accents and case aside) and birthdate, and links the account once', async () => {
    const s = await sitting();
    const candidate = await enrol(s.id, { firstName: 'Inès', lastName: 'Le Roy' });
    const { agent } = await signedIn();
    expect(errorCodes(await enter(agent, s.number, { lastName: 'Leroi' }))).toEqual(['CANDIDATE_NOT_FOUND']);
    expect(errorCodes(await enter(agent, s.number, { lastName: 'Le Roy', birthdate: '2012-03-05' }))).toEqual(['CANDIDATE_NOT_FOUND']);
    expect(errorCodes(await enter(agent, s.number + 100_000, { lastName: 'Le Roy' }))).toEqual(['CANDIDATE_NOT_FOUND']);
    const refused = await enter(agent, s.number, { lastName: 'Le Roy', rulesAccepted: false });
    expect(refused.status).toBe(422);
    expect(errorCodes(refused)).toEqual(['CERTIFICATION_RULES_NOT_ACCEPTED']);

    const entered = await enter(agent, s.number, { firstName: 'INES', lastName: 'le roy' });
    expect(entered.status).toBe(200);
    expect(entered.body).toMatchObject({ candidateId: candidate.id, state: 'waiting', courseId: null });
    expect((await enter(agent, s.number, { lastName: 'Le Roy' })).status).toBe(200);
    expect((await agent.get<{ entry: Entry }>('/api/me/certification-entry')).body.entry).toMatchObject({ candidateId: candidate.id, state: 'waiting' });

    const other = await signedIn();
    const taken = await enter(other.agent, s.number, { lastName: 'Le Roy' });
    expect(taken.status).toBe(409);
    expect(errorCodes(taken)).toEqual(['CANDIDATE_ALREADY_ENTERED']);
    expect((await other.agent.get<{ entry: Entry | null }>('/api/me/certification-entry')).body.entry).toBeNull();
  });

  it('shows a candidate who finished a test the next sitting they enter', async () => {
    const { agent, courseId } = await started();
    await agent.post(`/api/certification-courses/${courseId}/end`);
    expect((await agent.get<{ entry: Entry }>('/api/me/certification-entry')).body.entry.state).toBe('ended');
    const next = await sitting();
    const candidate = await enrol(next.id);
    expect((await enter(agent, next.number)).status).toBe(200);
    expect((await agent.get<{ entry: Entry }>('/api/me/certification-entry')).body.entry).toMatchObject({ candidateId: candidate.id, state: 'waiting' });
  });

  it('refuses one account entering as two candidates of a sitting, and a finalised sitting', async () => {
    const s = await sitting();
    await enrol(s.id);
    await enrol(s.id, { firstName: 'Charles', lastName: 'Martin' });
    const { agent } = await signedIn();
    expect((await enter(agent, s.number)).status).toBe(200);
    expect(errorCodes(await enter(agent, s.number, { firstName: 'Charles', lastName: 'Martin' }))).toEqual(['CANDIDATE_ALREADY_ENTERED']);

    const closed = await sitting();
    await enrol(closed.id);
    await t.database.db.update(certificationSittings).set({ status: 'finalized' }).where(eq(certificationSittings.id, closed.id));
    expect(errorCodes(await enter(agent, closed.number))).toEqual(['SITTING_CLOSED']);
  });
});

describe('starting the test', () => {
  it('waits for the invigilator, then checks the access code and starts one course', async () => {
    const s = await sitting();
    const candidate = await enrol(s.id);
    const { agent } = await signedIn();
    await enter(agent, s.number);
    const early = await agent.post(`/api/certification-entries/${candidate.id}/course`, { accessCode: s.accessCode });
    expect(errorCodes(early)).toEqual(['CANDIDATE_NOT_AUTHORIZED']);

    await authorize(candidate.id);
    expect((await agent.get<{ entry: Entry }>('/api/me/certification-entry')).body.entry.state).toBe('authorized');
    const wrong = await agent.post(`/api/certification-entries/${candidate.id}/course`, { accessCode: s.accessCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' });
    expect(wrong.status).toBe(422);
    expect(errorCodes(wrong)).toEqual(['SITTING_ACCESS_CODE_INVALID']);

    const first = await agent.post<Entry>(`/api/certification-entries/${candidate.id}/course`, { accessCode: ` ${s.accessCode.toLowerCase()} ` });
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('started');
    const again = await agent.post<Entry>(`/api/certification-entries/${candidate.id}/course`, { accessCode: s.accessCode });
    expect(again.body.courseId).toBe(first.body.courseId);
    expect(await t.database.db.select().from(certificationCourses).where(eq(certificationCourses.candidateId, candidate.id))).toHaveLength(1);
    expect((await agent.get<{ entry: Entry }>('/api/me/certification-entry')).body.entry).toMatchObject({ state: 'started', courseId: first.body.courseId });
  });

  it('refuses a candidate whose live profile is not certifiable, and starts nothing', async () => {
    const s = await sitting();
    const candidate = await enrol(s.id);
    const { agent, user } = await signedIn({ certifiable: false });
    await enter(agent, s.number);
    await authorize(candidate.id);
    const refused = await agent.post(`/api/certification-entries/${candidate.id}/course`, { accessCode: s.accessCode });
    expect(refused.status).toBe(403);
    expect(errorCodes(refused)).toEqual(['CANDIDATE_NOT_CERTIFIABLE']);
    expect(await t.database.db.select().from(certificationCourses).where(eq(certificationCourses.candidateId, candidate.id))).toHaveLength(0);

    await makeCertifiable(user.id);
    expect((await agent.post(`/api/certification-entries/${candidate.id}/course`, { accessCode: s.accessCode })).status).toBe(200);
  });
});

describe('the test', () => {
  it('serves the same challenge after a reload and records a double submission once', async () => {
    const { agent, courseId } = await started();
    const first = await agent.get<Step>(`/api/certification-courses/${courseId}/next`);
    const reload = await agent.get<Step>(`/api/certification-courses/${courseId}/next`);
    expect(first.body).toMatchObject({ kind: 'challenge', position: 1, answerCount: 0 });
    expect(reload.body.challenge!.id).toBe(first.body.challenge!.id);

    const challengeId = first.body.challenge!.id;
    const [a, b] = await Promise.all([answer(agent, courseId, challengeId), answer(agent, courseId, challengeId)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.answerId).toBe(a.body.answerId);
    const again = await answer(agent, courseId, challengeId, { value: 'autre chose' });
    expect(again.body.answerId).toBe(a.body.answerId);
    expect(await t.database.db.select().from(certificationAnswers).where(eq(certificationAnswers.courseId, courseId))).toHaveLength(1);
    expect(again.body.step).toMatchObject({ kind: 'challenge', position: 2, answerCount: 1 });
    expect(again.body.step.challenge!.id).not.toBe(challengeId);

    const notServed = await answer(agent, courseId, t.content.release.challenges.find((c) => c.id !== again.body.step.challenge!.id && c.status === 'validated')!.id);
    expect(errorCodes(notServed)).toEqual(['CHALLENGE_NOT_SERVED']);
  });

  it('chooses once when several requests ask for the next challenge at the same time', async () => {
    const { agent, courseId } = await started();
    const steps = await Promise.all([1, 2, 3, 4].map(() => agent.get<Step>(`/api/certification-courses/${courseId}/next`)));
    expect(new Set(steps.map((s) => s.body.challenge!.id)).size).toBe(1);
    const [course] = await t.database.db.select().from(certificationCourses).where(eq(certificationCourses.id, courseId));
    expect(course!.servedChallengeId).toBe(steps[0]!.body.challenge!.id);
  });

  it('asks 32 questions, one per tube, touring the competences, then ends COMPLETED and scores the test', async () => {
    const { agent, courseId } = await started();
    const { served, step } = await answerAll(agent, courseId);
    expect(served).toHaveLength(32);
    expect(step).toMatchObject({ kind: 'end', answerCount: 32, reason: 'COMPLETED' });

    const challenges = served.map(challengeOf);
    expect(challenges.every((c) => c.status === 'validated')).toBe(true);
    expect(new Set(challenges.map((c) => c.tubeId)).size).toBe(32);
    const competences = challenges.map((c) => c.competenceId);
    expect(new Set(competences).size).toBe(16);
    // Every competence comes once before any comes back.
    expect(new Set(competences.slice(0, 16)).size).toBe(16);
    for (let i = 2; i < competences.length; i++) expect([competences[i - 1], competences[i - 2]]).not.toContain(competences[i]);

    const course = await agent.get<Course>(`/api/certification-courses/${courseId}`);
    expect(course.body).toMatchObject({ state: 'ended', answerCount: 32, endReason: 'COMPLETED' });
    const [result] = await t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, courseId));
    expect(result).toMatchObject({ status: 'validated', answerCount: 32 });
    expect(result!.pixScore).toBeGreaterThan(0);
    expect(errorCodes(await answer(agent, courseId, served[0]!))).toEqual([]);
  });

  it('records a right answer sent after leaving a focused challenge as focusedOut', async () => {
    const { agent, courseId } = await started();
    const focused = t.content.release.challenges.find((c) => c.focused && c.status === 'validated' && c.timer === undefined)!;
    await t.database.db.update(certificationCourses).set({ servedChallengeId: focused.id, servedAt: t.clock.now() }).where(eq(certificationCourses.id, courseId));
    expect((await answer(agent, courseId, focused.id, { focusedOut: true })).status).toBe(200);
    const [row] = await t.database.db.select().from(certificationAnswers).where(eq(certificationAnswers.courseId, courseId));
    expect(row!.result).toBe('focusedOut');
  });

  it('gives timed challenges the candidate’s extra time', async () => {
    const { agent, courseId } = await started({ candidate: { extraTimePercentage: 50 } });
    const timed = t.content.release.challenges.filter((c) => c.timer !== undefined && c.status === 'validated').slice(0, 2);
    const served: string[] = [];
    for (const [challenge, elapsed] of [
      [timed[0]!, 1.4],
      [timed[1]!, 1.6],
    ] as const) {
      const servedAt = new Date(t.clock.now().getTime() - Math.round(challenge.timer! * 1000 * elapsed));
      await t.database.db.update(certificationCourses).set({ servedChallengeId: challenge.id, servedAt }).where(eq(certificationCourses.id, courseId));
      const step = (await agent.get<Step>(`/api/certification-courses/${courseId}/next`)).body;
      expect(step.challenge!.timer).toBe(Math.ceil(challenge.timer! * 1.5));
      expect((await answer(agent, courseId, challenge.id)).status).toBe(200);
      served.push(challenge.id);
    }
    const rows = await t.database.db.select().from(certificationAnswers).where(eq(certificationAnswers.courseId, courseId));
    expect(served.map((id) => rows.find((r) => r.challengeId === id)!.result)).toEqual(['ok', 'timedout']);
  });

  it('serves only accessible challenges to a candidate who needs adjustments', async () => {
    const { agent, courseId } = await started({ candidate: { accessibilityAdjustmentNeeded: true } });
    const { served } = await answerAll(agent, courseId, 12);
    expect(served).toHaveLength(12);
    for (const id of served) {
      const c = challengeOf(id);
      expect({ id, timer: c.timer, embed: c.embed, attachments: c.attachments.length }).toEqual({ id, timer: undefined, embed: undefined, attachments: 0 });
    }
  });

  it('times out 105 minutes after the start, extended by the candidate’s extra time', async () => {
    const { agent, courseId } = await started({ candidate: { extraTimePercentage: 50 } });
    const { served } = await answerAll(agent, courseId, 3);
    const course = (await agent.get<Course>(`/api/certification-courses/${courseId}`)).body;
    expect(new Date(course.endsAt).getTime() - new Date(course.startedAt).getTime()).toBe(157.5 * 60_000);

    t.clock.offsetMs = 150 * 60_000;
    const stillRunning = await agent.get<Step>(`/api/certification-courses/${courseId}/next`);
    expect(stillRunning.body.kind).toBe('challenge');
    // An answer sent in the last second, arriving just after the deadline, still counts.
    t.clock.offsetMs = new Date(course.endsAt).getTime() - Date.now() + 1000;
    const lastSecond = await answer(agent, courseId, stillRunning.body.challenge!.id);
    expect(lastSecond.status).toBe(200);
    served.push(stillRunning.body.challenge!.id);
    t.clock.offsetMs = 158 * 60_000;
    const late = await answer(agent, courseId, lastSecond.body.step.challenge!.id);
    expect(late.status).toBe(409);
    expect(errorCodes(late)).toEqual(['CERTIFICATION_COURSE_ENDED']);
    expect((await agent.get<Course>(`/api/certification-courses/${courseId}`)).body).toMatchObject({ state: 'ended', endReason: 'TIMED_OUT', answerCount: served.length });
    const [result] = await t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, courseId));
    expect(result).toMatchObject({ status: 'rejected', answerCount: 4 });
  });
});

describe('problem reports', () => {
  it('pause the test until the invigilator lets the candidate resume the same challenge', async () => {
    const { sitting: s, agent, courseId } = await started();
    const step = (await agent.get<Step>(`/api/certification-courses/${courseId}/next`)).body;
    const report = await agent.post<{ id: string }>(`/api/certification-courses/${courseId}/issue-reports`, { category: 'TECHNICAL', description: 'L’écran est figé' });
    expect(report.status).toBe(201);
    expect((await agent.get<Step>(`/api/certification-courses/${courseId}/next`)).body).toEqual({ kind: 'paused', answerCount: 0 });
    expect((await agent.get<Course>(`/api/certification-courses/${courseId}`)).body.state).toBe('paused');
    expect(errorCodes(await answer(agent, courseId, step.challenge!.id))).toEqual(['CERTIFICATION_COURSE_PAUSED']);

    await resolveIssueReport(t.database.db, report.body.id, 'RESUME', s.invigilatorId, t.clock.now());
    await expect(resolveIssueReport(t.database.db, report.body.id, 'RESUME', s.invigilatorId, t.clock.now())).rejects.toMatchObject({ code: 'CERTIFICATION_ISSUE_REPORT_RESOLVED' });
    const resumed = (await agent.get<Step>(`/api/certification-courses/${courseId}/next`)).body;
    expect(resumed.kind).toBe('challenge');
    expect(resumed.challenge!.id).toBe(step.challenge!.id);
    expect((await answer(agent, courseId, step.challenge!.id)).status).toBe(200);
  });

  it('stop the test’s clock and the served challenge’s timer while the candidate waits', async () => {
    const { sitting: s, agent, courseId } = await started();
    const timed = t.content.release.challenges.find((c) => c.timer !== undefined && c.status === 'validated')!;
    // Served 10 s ago, then reported; the invigilator comes 106 minutes later, past the 105 of the test.
    await t.database.db
      .update(certificationCourses)
      .set({ servedChallengeId: timed.id, servedAt: new Date(t.clock.now().getTime() - 10_000) })
      .where(eq(certificationCourses.id, courseId));
    const before = (await agent.get<Course>(`/api/certification-courses/${courseId}`)).body;
    const report = await agent.post<{ id: string }>(`/api/certification-courses/${courseId}/issue-reports`, { category: 'TECHNICAL' });
    t.clock.offsetMs = 106 * 60_000;
    expect((await agent.get<Course>(`/api/certification-courses/${courseId}`)).body.state).toBe('paused');
    // 106 minutes after the start, all of them paused: far from over, and the minute's sweep agrees.
    await endOverdueCourses(t.database.db, t.clock.now(), t.content.release);
    expect((await t.database.db.select().from(certificationCourses).where(eq(certificationCourses.id, courseId)))[0]!.endedAt).toBeNull();
    await resolveIssueReport(t.database.db, report.body.id, 'RESUME', s.invigilatorId, t.clock.now());

    const resumed = (await agent.get<Course>(`/api/certification-courses/${courseId}`)).body;
    expect(resumed.state).toBe('started');
    const paused = new Date(resumed.endsAt).getTime() - new Date(before.endsAt).getTime();
    expect(paused).toBeGreaterThanOrEqual(106 * 60_000 - 5_000);
    expect(paused).toBeLessThanOrEqual(106 * 60_000 + 5_000);
    // The timed challenge still has the time it had left when the problem was reported.
    expect((await answer(agent, courseId, timed.id)).status).toBe(200);
    const [row] = await t.database.db.select().from(certificationAnswers).where(eq(certificationAnswers.courseId, courseId));
    expect(row!.result).not.toBe('timedout');
  });

  it('get a replacement: another challenge, and the reported skill is served to nobody in the sitting again', async () => {
    const { sitting: s, agent, courseId } = await started();
    const step = (await agent.get<Step>(`/api/certification-courses/${courseId}/next`)).body;
    const reported = challengeOf(step.challenge!.id);
    const report = await agent.post<{ id: string }>(`/api/certification-courses/${courseId}/issue-reports`, { category: 'CHALLENGE_CONTENT' });
    await resolveIssueReport(t.database.db, report.body.id, 'REPLACEMENT', s.invigilatorId, t.clock.now());
    const { served } = await answerAll(agent, courseId);
    expect(served[0]).not.toBe(reported.id);
    expect(served.map((id) => challengeOf(id).skillId)).not.toContain(reported.skillId);

    // A second candidate of the same sitting, seeded differently, never meets that skill either.
    const candidate = await enrol(s.id, { firstName: 'Charles', lastName: 'Martin' });
    const second = await signedIn();
    await enter(second.agent, s.number, { firstName: 'Charles', lastName: 'Martin' });
    await authorize(candidate.id);
    const start = await second.agent.post<Entry>(`/api/certification-entries/${candidate.id}/course`, { accessCode: s.accessCode });
    const other = await answerAll(second.agent, start.body.courseId!);
    expect(other.served.map((id) => challengeOf(id).skillId)).not.toContain(reported.skillId);
  });
});

describe('ending', () => {
  it('lists a running test first in « Mes certifications », to go back to it, then as pending once ended', async () => {
    const { agent, courseId } = await started();
    const running = await agent.get<{ certifications: { courseId: string; status: string }[] }>('/api/me/certifications');
    expect(running.body.certifications).toEqual([expect.objectContaining({ courseId, status: 'started', pixScore: null, verificationCode: null })]);
    await agent.post(`/api/certification-courses/${courseId}/end`);
    const ended = await agent.get<{ certifications: { courseId: string; status: string }[] }>('/api/me/certifications');
    expect(ended.body.certifications).toEqual([expect.objectContaining({ courseId, status: 'pending' })]);
  });

  it('by the candidate, scored as too few answers', async () => {
    const { agent, courseId } = await started();
    await answerAll(agent, courseId, 2);
    const ended = await agent.post<Course>(`/api/certification-courses/${courseId}/end`);
    expect(ended.body).toMatchObject({ state: 'ended', endReason: 'CANDIDATE', answerCount: 2 });
    expect((await agent.post<Course>(`/api/certification-courses/${courseId}/end`)).status).toBe(200);
    expect((await agent.get<Step>(`/api/certification-courses/${courseId}/next`)).body).toEqual({ kind: 'end', answerCount: 2, reason: 'CANDIDATE' });
    const [result] = await t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, courseId));
    expect(result).toMatchObject({ status: 'rejected', answerCount: 2 });
  });

  it('by the invigilator', async () => {
    const { agent, courseId } = await started();
    await answerAll(agent, courseId, 1);
    await endCourseByInvigilator(t.database.db, courseId, t.clock.now(), t.content.release);
    await expect(endCourseByInvigilator(t.database.db, courseId, t.clock.now(), t.content.release)).rejects.toMatchObject({ code: 'CERTIFICATION_COURSE_ENDED' });
    expect((await agent.get<Course>(`/api/certification-courses/${courseId}`)).body).toMatchObject({ state: 'ended', endReason: 'INVIGILATOR' });
  });
});

it('another account cannot see or touch a course, nor start for a candidate', async () => {
  const { candidate, sitting: s, agent, courseId } = await started();
  const step = (await agent.get<Step>(`/api/certification-courses/${courseId}/next`)).body;
  const intruder = await signedIn();
  const responses = [
    await intruder.agent.get(`/api/certification-courses/${courseId}`),
    await intruder.agent.get(`/api/certification-courses/${courseId}/next`),
    await answer(intruder.agent, courseId, step.challenge!.id),
    await intruder.agent.post(`/api/certification-courses/${courseId}/issue-reports`, { category: 'OTHER' }),
    await intruder.agent.post(`/api/certification-courses/${courseId}/end`),
  ];
  for (const response of responses) expect(errorCodes(response)).toEqual(['CERTIFICATION_COURSE_NOT_FOUND']);
  expect(errorCodes(await intruder.agent.post(`/api/certification-entries/${candidate.id}/course`, { accessCode: s.accessCode }))).toEqual(['CANDIDATE_NOT_FOUND']);
  expect((await agent.get<Course>(`/api/certification-courses/${courseId}`)).body).toMatchObject({ state: 'started', answerCount: 0 });
  expect((await new Agent(t.app).get(`/api/certification-courses/${courseId}`)).status).toBe(401);
});
