import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeElements } from '../src/modules/assessment';
import { campaignSkills, participations, snapshotKnowledgeElements } from '../src/modules/campaigns/schema';
import { rateLimitCounters } from '../src/platform/rate-limit.schema';
import { createCampaign, createLearner, rightAnswer } from './support/campaign-factory';
import { createOrganization, createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

interface Step {
  kind: 'challenge' | 'end';
  challenge?: { id: string; type: string };
  position?: number;
}
interface Served {
  kind: 'challenge';
  challenge: { id: string; timer?: number };
  answerCount: number;
  servedAt: string | null;
}
interface Answered {
  answerId: string;
  result: string;
  next: 'challenge' | 'checkpoint' | 'end';
  step: Served | null;
}

async function pupil(fields: Partial<{ email: string }> = {}) {
  const user = await createUser(t.database.db, fields);
  const agent = new Agent(t.app);
  await agent.signIn(user.email, PASSWORD);
  return { user, agent };
}

/** A school managing its pupils (restricted) with a teacher and an assessment campaign. */
async function school(campaignFields: Parameters<typeof createCampaign>[2] extends infer F ? Partial<F> : never = {}) {
  const team = await createTeam(t.database.db, { type: 'SCO', externalId: null, isManagingStudents: true });
  const campaign = await createCampaign(t.database.db, t.content.release, { organizationId: team.organization.id, ownerId: team.member.id, ...campaignFields });
  return { team, campaign };
}

/** An open organization (PRO): anyone with the code joins. */
async function openCampaign(fields: Partial<Parameters<typeof createCampaign>[2]> = {}) {
  const organization = await createOrganization(t.database.db, { type: 'PRO' });
  const owner = await createUser(t.database.db);
  return createCampaign(t.database.db, t.content.release, { organizationId: organization.id, ownerId: owner.id, ...fields });
}

async function start(agent: Agent, campaignId: string, body: object = {}) {
  return agent.post<{ participation: { id: string; status: string; assessmentId: string | null }; created: boolean }>(`/api/campaigns/${campaignId}/participations`, body);
}

/** Answers until the end: right answers, or skips. Returns the results and the skill levels asked, in order. */
async function takeTest(agent: Agent, assessmentId: string, mode: 'right' | 'skip', max = 200) {
  const results: Answered[] = [];
  const asked: string[] = [];
  for (let i = 0; i < max; i++) {
    const next = await agent.get<Step>(`/api/assessments/${assessmentId}/next`);
    expect(next.status).toBe(200);
    if (next.body.kind === 'end') break;
    const challengeId = next.body.challenge!.id;
    asked.push(challengeId);
    const body = mode === 'right' ? { challengeId, value: rightAnswer(t.content.release, challengeId) } : { challengeId, skipped: true };
    const answered = await agent.post<Answered>(`/api/assessments/${assessmentId}/answers`, body);
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    results.push(answered.body);
    if (answered.body.next === 'end') break;
  }
  return { results, asked };
}

describe('landing by code', () => {
  it('accepts a lowercase or spaced code and shows the title, organization and landing text', async () => {
    const campaign = await openCampaign({ title: 'Rentrée numérique', customLandingPageText: 'Bienvenue !' });
    const spaced = `${campaign.code.slice(0, 3).toLowerCase()} ${campaign.code.slice(3, 6)}-${campaign.code.slice(6)}`;
    const response = await new Agent(t.app).get<{ id: string; title: string; customLandingPageText: string; me: null }>(`/api/campaigns/by-code/${encodeURIComponent(spaced)}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: campaign.id, title: 'Rentrée numérique', customLandingPageText: 'Bienvenue !', me: null });
  });

  it('a malformed code is CAMPAIGN_CODE_INVALID_FORMAT, an unknown one CAMPAIGN_CODE_NOT_FOUND, a deleted one CAMPAIGN_NOT_FOUND', async () => {
    const agent = new Agent(t.app);
    expect(errorCodes(await agent.get('/api/campaigns/by-code/ABC'))).toEqual(['CAMPAIGN_CODE_INVALID_FORMAT']);
    expect(errorCodes(await agent.get('/api/campaigns/by-code/ILOABC234'))).toEqual(['CAMPAIGN_CODE_INVALID_FORMAT']);
    expect(errorCodes(await agent.get('/api/campaigns/by-code/ZZZZZZ999'))).toEqual(['CAMPAIGN_CODE_NOT_FOUND']);
    const deleted = await openCampaign({ deletedAt: new Date() });
    expect(errorCodes(await agent.get(`/api/campaigns/by-code/${deleted.code}`))).toEqual(['CAMPAIGN_NOT_FOUND']);
  });
});

describe('reconciliation with the school roster', () => {
  it('is required before starting; a wrong birthdate links nothing; the right one, confirmed, links and lets the pupil start', async () => {
    const { team, campaign } = await school();
    await createLearner(t.database.db, team.organization.id, { firstName: 'Charles', lastName: 'Durand', birthdate: '2010-03-14', division: '3A' });
    const { agent } = await pupil();
    expect(errorCodes(await start(agent, campaign.id))).toEqual(['RECONCILIATION_REQUIRED']);

    const wrong = await agent.post(`/api/campaigns/${campaign.id}/reconciliation`, { firstName: 'Charles', lastName: 'Durand', birthdate: '2010-03-15', confirm: true });
    expect(errorCodes(wrong)).toEqual(['RECONCILIATION_NO_MATCH']);

    const preview = await agent.post(`/api/campaigns/${campaign.id}/reconciliation`, { firstName: 'charles', lastName: 'DURAND', birthdate: '2010-03-14', confirm: false });
    expect(preview.body).toMatchObject({ learner: { firstName: 'Charles', lastName: 'Durand' }, linked: false });
    expect(errorCodes(await start(agent, campaign.id))).toEqual(['RECONCILIATION_REQUIRED']);

    const linked = await agent.post(`/api/campaigns/${campaign.id}/reconciliation`, { firstName: 'Charle', lastName: 'Durand', birthdate: '2010-03-14', confirm: true });
    expect(linked.body).toMatchObject({ linked: true });
    const started = await start(agent, campaign.id);
    expect(started.status).toBe(201);
    expect(started.body.participation.status).toBe('STARTED');
  });

  it('a learner already linked to another account is refused with R31 and a masked login', async () => {
    const { team, campaign } = await school();
    await createLearner(t.database.db, team.organization.id, { firstName: 'Louis', lastName: 'Bernard', birthdate: '2010-07-02' });
    const first = await pupil({ email: 'louis.bernard@example.org' });
    await first.agent.post(`/api/campaigns/${campaign.id}/reconciliation`, { firstName: 'Louis', lastName: 'Bernard', birthdate: '2010-07-02', confirm: true });
    const second = await pupil();
    const refused = await second.agent.post(`/api/campaigns/${campaign.id}/reconciliation`, { firstName: 'Louis', lastName: 'Bernard', birthdate: '2010-07-02', confirm: true });
    expect(refused.body).toMatchObject({ errors: [{ code: 'R31', meta: { maskedLogin: 'l***.b***@example.org' } }] });
  });
});

describe('taking an adaptive test', () => {
  it('is adaptive: an all-right pupil’s second question is harder than an all-wrong pupil’s', async () => {
    const campaign = await openCampaign();
    const levels: number[] = [];
    for (const mode of ['right', 'skip'] as const) {
      const { agent } = await pupil();
      const started = await start(agent, campaign.id);
      const { asked } = await takeTest(agent, started.body.participation.assessmentId!, mode, 2);
      levels.push(t.content.release.skills.find((s) => s.id === t.content.release.challenges.find((c) => c.id === asked[1])!.skillId)!.level);
    }
    expect(levels[0]).toBeGreaterThan(levels[1]!);
  });

  it('serves the same challenge until it is answered, and answering it twice returns the first verdict', async () => {
    const campaign = await openCampaign();
    const { agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    const assessmentId = body.participation.assessmentId!;
    const first = await agent.get<Step>(`/api/assessments/${assessmentId}/next`);
    const again = await agent.get<Step>(`/api/assessments/${assessmentId}/next`);
    expect(again.body.challenge!.id).toBe(first.body.challenge!.id);
    const answer = { challengeId: first.body.challenge!.id, skipped: true };
    const once = await agent.post<Answered>(`/api/assessments/${assessmentId}/answers`, answer);
    const twice = await agent.post<Answered>(`/api/assessments/${assessmentId}/answers`, answer);
    expect(twice.body.answerId).toBe(once.body.answerId);
    const notServed = await agent.post(`/api/assessments/${assessmentId}/answers`, { challengeId: 'ghost', skipped: true });
    expect(errorCodes(notServed)).toEqual(['CHALLENGE_NOT_SERVED']);
  });

  it('an answer’s response carries the next challenge as `next` then serves it, started unless timed; before a checkpoint none, and nothing is started', async () => {
    const campaign = await openCampaign();
    const { agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    const assessmentId = body.participation.assessmentId!;
    let served = (await agent.get<Served>(`/api/assessments/${assessmentId}/next`)).body;
    for (let count = 1; count <= 5; count++) {
      const answer = { challengeId: served.challenge.id, value: rightAnswer(t.content.release, served.challenge.id) };
      const answered = await agent.post<Answered>(`/api/assessments/${assessmentId}/answers`, answer);
      expect(answered.status).toBe(200);
      if (answered.body.next === 'end') return;
      const peek = await agent.get<Served>(`/api/assessments/${assessmentId}/next?start=false`);
      if (count === 5) {
        expect(answered.body.next).toBe('checkpoint');
        expect(answered.body.step).toBeNull();
        expect(peek.body.servedAt).toBeNull();
        return;
      }
      const step = answered.body.step!;
      expect(step).toEqual(peek.body);
      expect(step.answerCount).toBe(count);
      expect(step.servedAt === null).toBe(step.challenge.timer !== undefined);
      // The answer was recorded once: sending it again gives the first verdict and leaves the next step to `next`.
      const again = await agent.post<Answered>(`/api/assessments/${assessmentId}/answers`, answer);
      expect(again.body).toMatchObject({ answerId: answered.body.answerId, step: null });
      served = (await agent.get<Served>(`/api/assessments/${assessmentId}/next`)).body;
      expect(served.challenge.id).toBe(step.challenge.id);
    }
  });

  it('goes to a checkpoint after the fifth answer with five corrections, then to the end; results are sent once', async () => {
    const campaign = await openCampaign();
    const { agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    const assessmentId = body.participation.assessmentId!;
    const { results } = await takeTest(agent, assessmentId, 'right');
    expect(results.length).toBeGreaterThan(5);
    expect(results[4]!.next === 'checkpoint' || results[4]!.next === 'end').toBe(true);
    expect(results.at(-1)!.next).toBe('end');

    const checkpoint = await agent.get<{ answers: { result: string; tutorials: { toLearnMore: unknown[] } }[] }>(`/api/assessments/${assessmentId}/checkpoint`);
    expect(checkpoint.body.answers).toHaveLength(5);
    const final = await agent.get<{ answers: unknown[]; isFinal: boolean }>(`/api/assessments/${assessmentId}/checkpoint?final=true`);
    expect(final.body.isFinal).toBe(true);
    expect(final.body.answers.length).toBeGreaterThan(0);

    const endPage = await agent.get<{ masteryPercent: number; canShare: boolean; participation: { id: string; status: string } }>(`/api/campaigns/${campaign.id}/my-results`);
    expect(endPage.body.participation.status).toBe('TO_SHARE');
    expect(endPage.body.canShare).toBe(true);
    expect(endPage.body.masteryPercent).toBeGreaterThan(50);

    const shared = await agent.post<{ status: string }>(`/api/participations/${endPage.body.participation.id}/share`);
    expect(shared.body.status).toBe('SHARED');
    const twice = await agent.post(`/api/participations/${endPage.body.participation.id}/share`);
    expect(errorCodes(twice)).toEqual(['ALREADY_SHARED']);

    const [row] = await t.database.db.select().from(participations).where(eq(participations.id, endPage.body.participation.id));
    const skills = await t.database.db.select().from(campaignSkills).where(eq(campaignSkills.campaignId, campaign.id));
    expect(row!.validatedSkillsCount).toBeGreaterThan(0);
    expect(Number(row!.masteryRate)).toBeCloseTo(row!.validatedSkillsCount! / skills.length, 6);
    expect((await t.database.db.select().from(snapshotKnowledgeElements).where(eq(snapshotKnowledgeElements.participationId, row!.id))).length).toBeGreaterThan(0);
  });

  it('a campaign on Jalon’s engine runs to the end, and tubes its model closes are written as model inferences', async () => {
    const campaign = await openCampaign({ assessmentMethod: 'JALON' });
    const { user, agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    const { results } = await takeTest(agent, body.participation.assessmentId!, 'right');
    expect(results.at(-1)!.next).toBe('end');
    const elements = await t.database.db.select().from(knowledgeElements).where(eq(knowledgeElements.userId, user.id));
    expect(elements.filter((e) => e.inference === 'model').every((e) => e.source === 'inferred' && e.answerId === null)).toBe(true);
    expect(elements.length).toBeGreaterThan(results.length);
  });

  it('an EXAM reads only its own knowledge: every skill is asked once, its snapshot holds its answers, the profile is untouched', async () => {
    const campaign = await openCampaign({ type: 'EXAM' });
    const { agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    const { results, asked } = await takeTest(agent, body.participation.assessmentId!, 'right');
    expect(results.at(-1)!.next).toBe('end');
    const endPage = await agent.get<{ masteryPercent: number }>(`/api/campaigns/${campaign.id}/my-results`);
    expect(endPage.body.masteryPercent).toBeGreaterThan(0);
    const skillsAsked = asked.map((challengeId) => t.content.release.challenges.find((c) => c.id === challengeId)!.skillId);
    expect(new Set(skillsAsked).size).toBe(skillsAsked.length);
    const shared = await agent.post<{ status: string }>(`/api/participations/${body.participation.id}/share`);
    expect(shared.body.status).toBe('SHARED');
    const snapshot = await t.database.db.select().from(snapshotKnowledgeElements).where(eq(snapshotKnowledgeElements.participationId, body.participation.id));
    expect(snapshot.length).toBeGreaterThanOrEqual(skillsAsked.length);
    const [row] = await t.database.db.select().from(participations).where(eq(participations.id, body.participation.id));
    expect(row!.validatedSkillsCount).toBeGreaterThan(0);
    const profile = await agent.get<{ totalPix: number }>('/api/me/profile');
    expect(profile.body.totalPix).toBe(0);
  });

  it('a test cannot be sent before it is finished, and nobody else can read or answer it', async () => {
    const campaign = await openCampaign();
    const { agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    expect(errorCodes(await agent.post(`/api/participations/${body.participation.id}/share`))).toEqual(['ASSESSMENT_NOT_COMPLETED']);
    const intruder = await pupil();
    expect(errorCodes(await intruder.agent.get(`/api/assessments/${body.participation.assessmentId}/next`))).toEqual(['ASSESSMENT_NOT_FOUND']);
    expect(errorCodes(await intruder.agent.post(`/api/participations/${body.participation.id}/share`))).toEqual(['PARTICIPATION_NOT_FOUND']);
  });
});

describe('concurrency (`campaigns-and-participation.md` §8)', () => {
  it('two simultaneous starts create one participation, and the other request resumes it', async () => {
    const campaign = await openCampaign();
    const { agent } = await pupil();
    const [a, b] = await Promise.all([start(agent, campaign.id), start(agent, campaign.id)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.participation.id).toBe(b.body.participation.id);
  });

  it('two simultaneous sendings: one succeeds, the other gets ALREADY_SHARED', async () => {
    const campaign = await openCampaign({ type: 'PROFILES_COLLECTION' });
    const { agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    const both = await Promise.all([agent.post(`/api/participations/${body.participation.id}/share`), agent.post(`/api/participations/${body.participation.id}/share`)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.flatMap(errorCodes)).toEqual(['ALREADY_SHARED']);
  });
});

describe('answers per minute (ANSWER_RATE_LIMIT_PER_MINUTE)', () => {
  it('beyond the configured number an answer is RATE_LIMITED with Retry-After, records nothing and counts nothing', async () => {
    const limited = await createTestApp({ startJobs: false, configOverrides: { answersPerMinute: 2 } });
    try {
      // One second into a minute: the three answers fall in one fixed window.
      limited.clock.offsetMs = Math.ceil(Date.now() / 60_000) * 60_000 + 1_000 - Date.now();
      const organization = await createOrganization(limited.database.db, { type: 'PRO' });
      const owner = await createUser(limited.database.db);
      const campaign = await createCampaign(limited.database.db, limited.content.release, { organizationId: organization.id, ownerId: owner.id });
      const user = await createUser(limited.database.db);
      const agent = new Agent(limited.app);
      await agent.signIn(user.email, PASSWORD);
      const { body } = await agent.post<{ participation: { assessmentId: string } }>(`/api/campaigns/${campaign.id}/participations`);
      const assessmentId = body.participation.assessmentId;
      const answer = async () => {
        const served = await agent.get<Served>(`/api/assessments/${assessmentId}/next`);
        return agent.post<Answered>(`/api/assessments/${assessmentId}/answers`, { challengeId: served.body.challenge.id, skipped: true });
      };
      expect((await answer()).status).toBe(200);
      expect((await answer()).status).toBe(200);
      const refused = await answer();
      expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await agent.get<Served>(`/api/assessments/${assessmentId}/next`)).body.answerCount).toBe(2);
      const counters = await limited.database.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, `answers:${user.id}`));
      expect(counters.map((c) => c.count)).toEqual([2]);
    } finally {
      await limited.close();
    }
  });
});

describe('timed challenges and tutorials', () => {
  it('next?start=false reads the challenge without starting its clock; the next read starts it', async () => {
    const campaign = await openCampaign();
    const { agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    const peek = await agent.get<{ servedAt: string | null; challenge: { id: string } }>(`/api/assessments/${body.participation.assessmentId}/next?start=false`);
    expect(peek.body.servedAt).toBeNull();
    const started = await agent.get<{ servedAt: string | null; challenge: { id: string } }>(`/api/assessments/${body.participation.assessmentId}/next`);
    expect(started.body.challenge.id).toBe(peek.body.challenge.id);
    expect(started.body.servedAt).not.toBeNull();
  });

  it('a tutorial can be saved, marked helpful and removed; an unknown one is TUTORIAL_NOT_FOUND', async () => {
    const { agent } = await pupil();
    const tutorial = t.content.release.tutorials[0]!;
    expect((await agent.put(`/api/me/tutorials/${tutorial.id}`)).status).toBe(204);
    expect((await agent.patch(`/api/me/tutorials/${tutorial.id}`, { helpful: true })).status).toBe(204);
    const mine = await agent.get<{ saved: { id: string; isSaved: boolean }[] }>('/api/me/tutorials');
    expect(mine.body.saved).toEqual([expect.objectContaining({ id: tutorial.id, isSaved: true })]);
    expect((await agent.delete(`/api/me/tutorials/${tutorial.id}`)).status).toBe(204);
    expect((await agent.get<{ saved: unknown[] }>('/api/me/tutorials')).body.saved).toEqual([]);
    expect(errorCodes(await agent.put('/api/me/tutorials/tuto-nowhere'))).toEqual(['TUTORIAL_NOT_FOUND']);
  });
});

describe('sending again (multiple sendings)', () => {
  it('retrying is refused before 4 days with the remaining delay, then asks again a skill that was failed', async () => {
    const campaign = await openCampaign({ multipleSendings: true });
    const { user, agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    const { asked } = await takeTest(agent, body.participation.assessmentId!, 'skip');
    await agent.post(`/api/participations/${body.participation.id}/share`);

    t.clock.offsetMs += 3 * 86_400_000;
    try {
      // Days later the pupil comes back: a new sign-in, as the old session has expired.
      await agent.signIn(user.email, PASSWORD);
      const early = await start(agent, campaign.id, { retry: true });
      expect(early.status).toBe(412);
      expect(early.body).toMatchObject({ errors: [{ code: 'RETRY_TOO_EARLY', meta: { remainingSeconds: 86_400 } }] });
      const endPage = await agent.get<{ retryInSeconds: number; canRetry: boolean }>(`/api/campaigns/${campaign.id}/my-results`);
      expect(endPage.body).toMatchObject({ canRetry: false, retryInSeconds: 86_400 });

      t.clock.offsetMs += 86_400_000;
      await agent.signIn(user.email, PASSWORD);
      const retried = await start(agent, campaign.id, { retry: true });
      expect(retried.status).toBe(201);
      const next = await agent.get<Step>(`/api/assessments/${retried.body.participation.assessmentId}/next`);
      // Failed directly or by inference: every skill her first test invalidated.
      const failed = await t.database.db.select().from(knowledgeElements).where(eq(knowledgeElements.userId, user.id));
      const failedSkills = new Set(failed.filter((ke) => ke.status === 'invalidated').map((ke) => ke.skillId));
      expect(asked.length).toBeGreaterThan(0);
      const skill = t.content.release.challenges.find((c) => c.id === next.body.challenge!.id)!.skillId;
      expect(failedSkills.has(skill)).toBe(true);
    } finally {
      t.clock.offsetMs -= 4 * 86_400_000;
    }
  });

  it('« Retenter les questions échouées » before sending: refused before 4 days, then a new test within the same participation', async () => {
    const campaign = await openCampaign();
    const { user, agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    await takeTest(agent, body.participation.assessmentId!, 'skip');
    expect((await agent.get<{ canImprove: boolean }>(`/api/campaigns/${campaign.id}/my-results`)).body.canImprove).toBe(false);
    expect(errorCodes(await agent.post(`/api/participations/${body.participation.id}/improve`))).toEqual(['IMPROVE_NOT_ALLOWED']);

    t.clock.offsetMs += 4 * 86_400_000;
    try {
      await agent.signIn(user.email, PASSWORD);
      expect((await agent.get<{ canImprove: boolean }>(`/api/campaigns/${campaign.id}/my-results`)).body.canImprove).toBe(true);
      const improved = await agent.post<{ id: string; status: string; assessmentId: string }>(`/api/participations/${body.participation.id}/improve`);
      expect(improved.body).toMatchObject({ id: body.participation.id, status: 'STARTED' });
      expect(improved.body.assessmentId).not.toBe(body.participation.assessmentId);
      const { results } = await takeTest(agent, improved.body.assessmentId, 'right');
      expect(results.length).toBeGreaterThan(0);
      const page = await agent.get<{ participation: { status: string }; masteryPercent: number }>(`/api/campaigns/${campaign.id}/my-results`);
      expect(page.body.participation.status).toBe('TO_SHARE');
      expect(page.body.masteryPercent).toBeGreaterThan(0);
    } finally {
      t.clock.offsetMs -= 4 * 86_400_000;
    }
  });

  it('without multiple sendings a second start after sending is PARTICIPATION_ALREADY_EXISTS', async () => {
    const campaign = await openCampaign({ type: 'PROFILES_COLLECTION' });
    const { agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    expect(body.participation.status).toBe('TO_SHARE');
    await agent.post(`/api/participations/${body.participation.id}/share`);
    expect(errorCodes(await start(agent, campaign.id))).toEqual(['PARTICIPATION_ALREADY_EXISTS']);
  });
});

describe('profile collection', () => {
  it('sends the profile without any question; the sent pix and certifiability are frozen', async () => {
    const campaign = await openCampaign({ type: 'PROFILES_COLLECTION' });
    const { agent } = await pupil();
    const { body } = await start(agent, campaign.id);
    expect(body.participation.assessmentId).toBeNull();
    const page = await agent.get<{ profile: { totalPix: number; competences: unknown[] }; canShare: boolean }>(`/api/campaigns/${campaign.id}/my-profile-collection`);
    expect(page.body.profile.competences).toHaveLength(16);
    expect(page.body.canShare).toBe(true);
    await agent.post(`/api/participations/${body.participation.id}/share`);
    const [row] = await t.database.db.select().from(participations).where(eq(participations.id, body.participation.id));
    expect(row).toMatchObject({ status: 'SHARED', pixScore: 0, isCertifiable: false });
  });
});

describe('certifiability and the frozen snapshot (seed items 17 and 26)', () => {
  /** Validated knowledge on the level-1 skills of `count` competences: 8 pix each, so level 1 in each. */
  async function giveLevelOneIn(userId: string, count: number) {
    const release = t.content.release;
    const competences = release.competences.filter((c) => c.origin === 'jalon').slice(0, count);
    const rows = competences.flatMap((competence) =>
      release.skills
        .filter((s) => s.competenceId === competence.id && s.level === 1 && s.pixValue > 0)
        .map((s) => ({ createdAt: new Date(), userId, skillId: s.id, tubeId: s.tubeId, competenceId: s.competenceId, source: 'direct', status: 'validated', earnedPix: s.pixValue })),
    );
    await t.database.db.insert(knowledgeElements).values(rows);
  }

  it('a pupil with 5 competences at level 1 sends a certifiable profile; with 3 it is not', async () => {
    const campaign = await openCampaign({ type: 'PROFILES_COLLECTION' });
    const outcomes: boolean[] = [];
    for (const count of [5, 3]) {
      const { user, agent } = await pupil();
      await giveLevelOneIn(user.id, count);
      const profile = await agent.get<{ certifiableCompetenceCount: number; isCertifiable: boolean }>('/api/me/profile');
      expect(profile.body.certifiableCompetenceCount).toBe(count);
      const { body } = await start(agent, campaign.id);
      await agent.post(`/api/participations/${body.participation.id}/share`);
      const [row] = await t.database.db.select().from(participations).where(eq(participations.id, body.participation.id));
      outcomes.push(row!.isCertifiable!);
      expect(row!.pixScore).toBe(8 * count);
    }
    expect(outcomes).toEqual([true, false]);
  });

  it('what was sent does not change when the pupil learns more afterwards', async () => {
    const campaign = await openCampaign({ type: 'PROFILES_COLLECTION' });
    const { user, agent } = await pupil();
    await giveLevelOneIn(user.id, 5);
    const { body } = await start(agent, campaign.id);
    await agent.post(`/api/participations/${body.participation.id}/share`);
    const before = await t.database.db.select().from(snapshotKnowledgeElements).where(eq(snapshotKnowledgeElements.participationId, body.participation.id));
    await giveLevelOneIn(user.id, 8);
    expect((await agent.get<{ totalPix: number }>('/api/me/profile')).body.totalPix).toBe(64);
    const [row] = await t.database.db.select().from(participations).where(eq(participations.id, body.participation.id));
    expect(row!.pixScore).toBe(40);
    const after = await t.database.db.select().from(snapshotKnowledgeElements).where(eq(snapshotKnowledgeElements.participationId, body.participation.id));
    expect(after).toEqual(before);
  });
});

describe('a competence’s page and its reset', () => {
  it('shows the description and tutorials; a reset is refused before 7 days and wipes the competence after', async () => {
    const { user, agent } = await pupil();
    const competence = t.content.release.competences.find((c) => c.origin === 'jalon')!;
    const skill = t.content.release.skills.find((s) => s.competenceId === competence.id && s.level === 1 && s.pixValue > 0)!;
    await t.database.db.insert(knowledgeElements).values({
      createdAt: t.clock.now(), userId: user.id, skillId: skill.id, tubeId: skill.tubeId, competenceId: skill.competenceId, source: 'direct', status: 'validated', earnedPix: skill.pixValue,
    });
    const details = await agent.get<{ description: string; tutorials: unknown[]; canReset: boolean; resetInSeconds: number }>(`/api/me/competences/${competence.id}`);
    expect(details.body.description.length).toBeGreaterThan(0);
    expect(details.body.tutorials.length).toBeGreaterThan(0);
    expect(details.body).toMatchObject({ canReset: false, resetInSeconds: 7 * 86_400 });
    expect(errorCodes(await agent.post(`/api/competences/${competence.id}/reset`))).toEqual(['RESET_NOT_ALLOWED']);

    t.clock.offsetMs += 7 * 86_400_000;
    try {
      await agent.signIn(user.email, PASSWORD);
      expect((await agent.get<{ canReset: boolean }>(`/api/me/competences/${competence.id}`)).body.canReset).toBe(true);
      expect((await agent.post(`/api/competences/${competence.id}/reset`)).status).toBe(204);
      const profile = await agent.get<{ competences: { id: string; pix: number }[] }>('/api/me/profile');
      expect(profile.body.competences.find((c) => c.id === competence.id)!.pix).toBe(0);
      expect((await agent.get<{ resetInSeconds: number | null }>(`/api/me/competences/${competence.id}`)).body.resetInSeconds).toBeNull();
    } finally {
      t.clock.offsetMs -= 7 * 86_400_000;
    }
  });
});

describe('the learner profile', () => {
  it('lists the 16 competences and starts a self-evaluation that resumes when asked again', async () => {
    const { agent } = await pupil();
    const profile = await agent.get<{ competences: { id: string; action: string }[]; totalPix: number }>('/api/me/profile');
    expect(profile.body.competences).toHaveLength(16);
    expect(profile.body.competences.every((c) => c.action === 'start')).toBe(true);
    const first = await agent.post<{ assessmentId: string }>(`/api/competences/${profile.body.competences[0]!.id}/evaluations`);
    const again = await agent.post<{ assessmentId: string }>(`/api/competences/${profile.body.competences[0]!.id}/evaluations`);
    expect(again.body.assessmentId).toBe(first.body.assessmentId);
    const next = await agent.get<Step>(`/api/assessments/${first.body.assessmentId}/next`);
    expect(next.body.kind).toBe('challenge');
  });
});
