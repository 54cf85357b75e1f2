/**
 * Crash safety: learners answer through the HTTP API while a server process is killed with
 * SIGKILL (no shutdown hook runs). On the embedded database the one process restarts on the
 * same data folder; on PostgreSQL two processes share the database and the survivor serves
 * everyone. What a learner was told is saved must be saved: every answer acknowledged with a
 * 2xx is in the test, no participation is left half-written, and each learner is served
 * again the question it was on.
 */
import { loadRelease, statedAnswer } from '@jalon/content';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { startApi, type ApiServer } from '../bench/support/api-server';
import { startPostgres, type PostgresCluster } from '../bench/support/postgres';
import { Client, serverLog } from './client';

const LEARNERS = 6;
/** Acknowledged answers, all learners together, before the kill: enough to be mid-test. */
const ANSWERS_BEFORE_KILL = 30;
const { release } = loadRelease();

type ChallengeStep = { kind: 'challenge'; challenge: { id: string }; servedAt: string | null };
type NextStep = ChallengeStep | { kind: 'checkpoint'; answerCount: number } | { kind: 'end'; answerCount: number };
interface AnswerResponse {
  next: 'challenge' | 'checkpoint' | 'end';
  step: ChallengeStep | null;
}

/** What one learner was told before the kill. */
interface Learner {
  client: Client;
  assessmentId: string | null;
  /** Answers the server acknowledged with a 2xx. */
  acknowledged: number;
  /** The question on screen: the last one served and not yet acknowledged as answered. */
  onScreen: string | null;
  /** An answer was sent and no reply came back before the kill: it may or may not be saved. */
  answerInFlight: boolean;
  finished: boolean;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-resilience-crash-'));
const baseEnv = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  JALON_DEMO: 'on',
  // Learners answer back to back here; the per-minute limit would only slow the drill down.
  ANSWER_RATE_LIMIT_PER_MINUTE: '1000000',
};
const log = serverLog();
const servers: ApiServer[] = [];
let cluster: PostgresCluster | undefined;

afterAll(async () => {
  for (const server of servers) await server.stop();
  await cluster?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<ApiServer> {
  const server = await startApi({ env, output: log.stream });
  servers.push(server);
  return server;
}

function answerFor(challengeId: string, right: boolean) {
  const challenge = release.challenges.find((c) => c.id === challengeId);
  if (!challenge || !right) return { challengeId, skipped: true };
  return { challengeId, value: statedAnswer(challenge) };
}

async function openCampaign(url: string): Promise<string> {
  const orga = new Client(url);
  await orga.ok('POST', '/api/auth/sign-in', { login: 'dominique.roux@example.org', password: 'Jalon-demo-2026' });
  const me = await orga.ok<{ memberships: { organization: { id: string; name: string } }[] }>('GET', '/api/me');
  const organization = me.memberships.find((m) => m.organization.name === 'Association Clic Solidaire')!.organization;
  const campaign = await orga.ok<{ id: string }>('POST', `/api/organizations/${organization.id}/campaigns`, {
    type: 'ASSESSMENT',
    name: 'Exercice de panne',
    targetProfileId: 'tp-rentree',
  });
  return campaign.id;
}

/**
 * Joins and answers back to back until the drill stops; a failure counts only before the
 * stop (afterwards it is the killed server not answering).
 */
async function answerUntilStopped(learner: Learner, campaignId: string, index: number, stopped: () => boolean) {
  let turn = 0;
  try {
    while (!learner.finished && !stopped()) {
      if (learner.assessmentId === null) {
        const joined = await learner.client.ok<{ participation: { assessmentId: string | null } }>('POST', `/api/campaigns/${campaignId}/participations`, {});
        learner.assessmentId = joined.participation.assessmentId;
        expect(learner.assessmentId).not.toBeNull();
        continue;
      }
      const base = `/api/assessments/${learner.assessmentId}`;
      if (learner.onScreen === null) {
        const shown = await learner.client.ok<NextStep>('GET', `${base}/next`);
        if (shown.kind === 'end') learner.finished = true;
        else if (shown.kind === 'checkpoint') await learner.client.ok('GET', `${base}/checkpoint?final=false`);
        else learner.onScreen = shown.challenge.id;
        continue;
      }
      learner.answerInFlight = true;
      const answered = await learner.client.ok<AnswerResponse>('POST', `${base}/answers`, answerFor(learner.onScreen, (index + turn++) % 3 !== 0));
      learner.answerInFlight = false;
      learner.acknowledged++;
      // A timed challenge comes back not started: `GET …/next` starts it, as « Commencer » does.
      learner.onScreen = answered.next === 'challenge' && answered.step?.servedAt ? answered.step.challenge.id : null;
      if (answered.next === 'end') learner.finished = true;
    }
  } catch (error) {
    if (!stopped()) throw error;
  }
}

async function signUpLearners(urls: string[]): Promise<Learner[]> {
  const learners: Learner[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    // Learners spread over the servers, as a load balancer would send them.
    const client = new Client(urls[i % urls.length]!);
    await client.ok('POST', '/api/auth/sign-up', {
      firstName: 'Élève',
      lastName: `Panne ${i + 1}`,
      email: `panne.${i + 1}@example.org`,
      password: 'Panne-2026-x',
      acceptTerms: true,
    });
    learners.push({ client, assessmentId: null, acknowledged: 0, onScreen: null, answerInFlight: false, finished: false });
  }
  return learners;
}

/** Lets the learners answer, then SIGKILLs `victim`'s whole process group with requests in flight. */
async function answerThenKill(learners: Learner[], campaignId: string, victim: ApiServer) {
  let stopped = false;
  const running = learners.map((learner, i) => answerUntilStopped(learner, campaignId, i, () => stopped));
  while (learners.reduce((sum, l) => sum + l.acknowledged, 0) < ANSWERS_BEFORE_KILL) {
    expect(learners.every((l) => !l.finished)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  stopped = true;
  process.kill(-victim.pid, 'SIGKILL');
  await Promise.all(running);
  await victim.stop();
}

/** Checks, through `url`, what each learner finds after the crash. */
async function expectResumed(learners: Learner[], campaignId: string, url: string) {
  for (const learner of learners) {
    const client = learner.client.at(url);
    // Joining again is how the runner resumes: the same participation, with its test.
    const joined = await client.ok<{ participation: { assessmentId: string | null } }>('POST', `/api/campaigns/${campaignId}/participations`, {});
    // A join in flight at the kill may have left nothing or a whole participation, never half of one.
    if (learner.assessmentId === null) learner.assessmentId = joined.participation.assessmentId;
    expect(joined.participation.assessmentId).not.toBeNull();
    expect(joined.participation.assessmentId).toBe(learner.assessmentId);

    const base = `/api/assessments/${learner.assessmentId}`;
    const assessment = await client.ok<{ answerCount: number }>('GET', base);
    const savedInFlight = assessment.answerCount - learner.acknowledged;
    // Every acknowledged answer is saved; the one in flight at the kill may be, or not.
    expect(savedInFlight).toBeGreaterThanOrEqual(0);
    expect(savedInFlight).toBeLessThanOrEqual(learner.answerInFlight ? 1 : 0);

    const next = await client.ok<NextStep>('GET', `${base}/next`);
    if (learner.onScreen !== null && next.kind === 'challenge') {
      // The question on screen comes back until its answer is saved, and never after.
      if (savedInFlight === 0) expect(next.challenge.id).toBe(learner.onScreen);
      else expect(next.challenge.id).not.toBe(learner.onScreen);
    } else if (learner.onScreen !== null) {
      // Only a saved in-flight answer can move a learner past the question it was on.
      expect(savedInFlight).toBe(1);
    }
  }

  // And they go on answering.
  let answeredOne = false;
  for (const learner of learners) {
    const client = learner.client.at(url);
    const next = await client.ok<NextStep>('GET', `/api/assessments/${learner.assessmentId}/next`);
    if (next.kind !== 'challenge') continue;
    await client.ok('POST', `/api/assessments/${learner.assessmentId}/answers`, answerFor(next.challenge.id, true));
    answeredOne = true;
  }
  expect(answeredOne).toBe(true);
}

describe('a server killed with SIGKILL while learners answer', () => {
  it('embedded database: the restart on the same folder keeps every acknowledged answer and each learner’s question', async () => {
    onTestFailed(() => console.error(`API output:\n${log.tail()}`));
    // An empty DATABASE_URL means the embedded database, whatever the caller's environment holds.
    const env = { ...baseEnv, DATABASE_URL: '', JALON_DATA_DIR: dataDir };
    const first = await start(env);
    const campaignId = await openCampaign(first.url);
    const learners = await signUpLearners([first.url]);
    await answerThenKill(learners, campaignId, first);
    expect(fs.readFileSync(path.join(dataDir, 'jalon.lock'), 'utf8')).toBe(String(first.pid));

    // The lock left by the dead process must not stop the restart on the same folder.
    const second = await start(env);
    await expectResumed(learners, campaignId, second.url);
  });

  it('PostgreSQL, two processes: the survivor serves every acknowledged answer and each learner’s question', async () => {
    onTestFailed(() => console.error(`API output:\n${log.tail()}`));
    cluster = await startPostgres();
    const env = { ...baseEnv, DATABASE_URL: cluster.url };
    const victim = await start(env);
    const survivor = await start(env);
    const campaignId = await openCampaign(survivor.url);
    const learners = await signUpLearners([victim.url, survivor.url]);
    await answerThenKill(learners, campaignId, victim);
    await expectResumed(learners, campaignId, survivor.url);
  });
});
