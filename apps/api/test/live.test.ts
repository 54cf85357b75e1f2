import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments } from '../src/modules/assessment/schema';
import { participations } from '../src/modules/campaigns/schema';
import { eq } from 'drizzle-orm';
import { createCampaign, createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: email, password: PASSWORD }) });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Opens a campaign's stream and collects its `data:` events until closed, and the last id it named (as a browser keeps it). */
async function follow(cookie: string, campaignId: string, lastEventId?: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/campaigns/${campaignId}/live`, {
    headers: { cookie, ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}) },
    signal: controller.signal,
  });
  const events: { id: string; type: string; participationId?: string }[] = [];
  const seen = { lastEventId: '' };
  if (response.status !== 200) return { status: response.status, events, seen, close: () => controller.abort(), waitFor: async () => {} };
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (id) seen.lastEventId = id;
          if (id && data) events.push({ id, ...(JSON.parse(data) as { type: string; participationId?: string }) });
        }
      }
    } catch {
      // Aborted by the test.
    }
  })();
  return {
    status: response.status,
    events,
    seen,
    close: () => {
      controller.abort();
      return pump;
    },
    /** Resolves once `count` events arrived (the stream is asynchronous by nature). */
    waitFor: async (count: number) => {
      while (events.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

/** Resolves once `done` holds (the stream is read asynchronously). */
async function until(done: () => boolean) {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function startParticipation(campaign: { id: string; organizationId: string }) {
  const db = t.database.db;
  const user = await createUser(db, { firstName: 'Louis' });
  const learner = await createLearner(db, campaign.organizationId, { firstName: 'Louis', lastName: 'Bernard', birthdate: '2010-07-02', userId: user.id });
  const [participation] = await db.insert(participations).values({ campaignId: campaign.id, userId: user.id, organizationLearnerId: learner.id, status: 'STARTED' }).returning();
  const [assessment] = await db.insert(assessments).values({ userId: user.id, type: 'CAMPAIGN', participationId: participation!.id }).returning();
  return { participation: participation!, assessment: assessment! };
}

describe('live follow-up', () => {
  it('streams a start, an answer, the completion and the sending of the campaign followed, and nothing of another campaign', async () => {
    const team = await createTeam(t.database.db);
    const campaign = await createCampaign(t.database.db, t.content.release, { organizationId: team.organization.id, ownerId: team.member.id });
    const other = await createCampaign(t.database.db, t.content.release, { organizationId: team.organization.id, ownerId: team.member.id });
    const stream = await follow(await signIn(team.member.email), campaign.id);
    expect(stream.status).toBe(200);

    await startParticipation(other);
    const { participation, assessment } = await startParticipation(campaign);
    await t.database.db.insert(answers).values({ assessmentId: assessment.id, challengeId: 'c1', skillId: 's1', value: 'x', result: 'ok', createdAt: new Date() });
    await t.database.db.update(participations).set({ status: 'TO_SHARE' }).where(eq(participations.id, participation.id));
    await t.database.db.update(participations).set({ status: 'SHARED', sharedAt: new Date() }).where(eq(participations.id, participation.id));
    await stream.waitFor(4);
    expect(stream.events.map((e) => [e.type, e.participationId])).toEqual([
      ['participation.started', participation.id],
      ['answer.recorded', participation.id],
      ['assessment.completed', participation.id],
      ['participation.shared', participation.id],
    ]);
    await stream.close();

    // A page that reconnects gets what it missed since its last event.
    const again = await follow(await signIn(team.member.email), campaign.id, stream.events[1]!.id);
    await again.waitFor(2);
    expect(again.events.map((e) => e.type)).toEqual(['assessment.completed', 'participation.shared']);
    await again.close();
  });

  it('a page reconnecting with an id this process did not give (another process, a restart) gets one resync, then the live events', async () => {
    const team = await createTeam(t.database.db);
    const campaign = await createCampaign(t.database.db, t.content.release, { organizationId: team.organization.id, ownerId: team.member.id });
    const cookie = await signIn(team.member.email);
    await startParticipation(campaign);

    const first = await follow(cookie, campaign.id);
    await until(() => first.seen.lastEventId !== '');
    await first.close();
    // Another process's tag, the same counter: a number alone would be taken for one of ours.
    const [tag, counter] = first.seen.lastEventId.split('-');
    const foreign = `${tag === '00000000' ? '11111111' : '00000000'}-${counter}`;
    const stream = await follow(cookie, campaign.id, foreign);
    await stream.waitFor(1);
    const { participation } = await startParticipation(campaign);
    await stream.waitFor(2);
    expect(stream.events).toEqual([
      { id: expect.stringMatching(/^[0-9a-f]{8}-\d+$/), type: 'resync' },
      { id: expect.any(String), type: 'participation.started', participationId: participation.id },
    ]);
    await stream.close();

    // The resync named this process's position: reconnecting with it replays exactly what followed.
    const again = await follow(cookie, campaign.id, stream.events[0]!.id);
    await again.waitFor(1);
    expect(again.events.map((e) => [e.type, e.participationId])).toEqual([['participation.started', participation.id]]);
    await again.close();
  });

  it('a page that heard nothing yet still reconnects at its position: it gets what happened meanwhile, without a resync', async () => {
    const team = await createTeam(t.database.db);
    const campaign = await createCampaign(t.database.db, t.content.release, { organizationId: team.organization.id, ownerId: team.member.id });
    const cookie = await signIn(team.member.email);
    const quiet = await follow(cookie, campaign.id);
    await until(() => quiet.seen.lastEventId !== '');
    await quiet.close();
    expect(quiet.events).toEqual([]);
    const { participation } = await startParticipation(campaign);
    const again = await follow(cookie, campaign.id, quiet.seen.lastEventId);
    await again.waitFor(1);
    expect(again.events.map((e) => [e.type, e.participationId])).toEqual([['participation.started', participation.id]]);
    await again.close();
  });

  it('refuses a member of another organization', async () => {
    const team = await createTeam(t.database.db);
    const campaign = await createCampaign(t.database.db, t.content.release, { organizationId: team.organization.id, ownerId: team.member.id });
    const stranger = await createTeam(t.database.db);
    const stream = await follow(await signIn(stranger.member.email), campaign.id);
    expect([403, 404]).toContain(stream.status);
  });

  it('the activity table tells each pupil at work their question number, « Inactif » after 5 silent minutes and « A quitté la page »', async () => {
    const team = await createTeam(t.database.db);
    const campaign = await createCampaign(t.database.db, t.content.release, { organizationId: team.organization.id, ownerId: team.member.id });
    const { assessment } = await startParticipation(campaign);
    const lastAnswer = new Date('2026-11-20T10:00:00Z');
    await t.database.db.insert(answers).values([
      { assessmentId: assessment.id, challengeId: 'c1', skillId: 's1', value: 'x', result: 'ok', createdAt: new Date(lastAnswer.getTime() - 60_000) },
      { assessmentId: assessment.id, challengeId: 'c2', skillId: 's2', value: 'x', result: 'ko', focusedOut: true, createdAt: lastAnswer },
    ]);
    const teacher = new Agent(t.app);
    await teacher.signIn(team.member.email, PASSWORD);
    const rowAt = async (minutes: number) => {
      t.clock.offsetMs = lastAnswer.getTime() + minutes * 60_000 - Date.now();
      const page = await teacher.get<{ items: { currentQuestion: number; idle: boolean; leftPage: boolean; lastAnswerAt: string }[] }>(`/api/campaigns/${campaign.id}/activity/participants`);
      expect(page.status).toBe(200);
      return page.body.items[0];
    };
    expect(await rowAt(2)).toMatchObject({ currentQuestion: 3, idle: false, leftPage: true, lastAnswerAt: lastAnswer.toISOString() });
    expect(await rowAt(6)).toMatchObject({ idle: true });
    expect(await rowAt(90)).toMatchObject({ idle: false });
    t.clock.offsetMs = 0;
  });
});
