/**
 * A learner taking an assessment campaign through the HTTP API as the web runner does, and the
 * campaign it takes: shared by `bench:answers` and `bench:load`.
 */
import { statedAnswer, type Release } from '@jalon/content';
import type { Pace } from './options';
import { ErrorTally, HttpError, UserAgent } from './user-agent';

/** The demo PRO admin, who opens the campaign. */
const ORGA_LOGIN = 'dominique.roux@example.org';
const ORGA_PASSWORD = 'Jalon-demo-2026';
/** Not restricted: learners join without reconciliation. */
export const OPEN_ORGANIZATION_NAME = 'Association Clic Solidaire';
const TARGET_PROFILE_ID = 'tp-rentree';
/** After this many failed requests in a row a learner gives up, so a broken server cannot spin the loop. */
const MAX_CONSECUTIVE_ERRORS = 3;

export interface Campaign {
  id: string;
  code: string;
  targetProfileId: string;
  organizationId: string;
}

/** An ASSESSMENT campaign on « Parcours de rentrée » in « Association Clic Solidaire », created by its admin through the API. */
export async function openAssessmentCampaign(baseUrl: string, name: string): Promise<Campaign> {
  const orga = new UserAgent(baseUrl);
  await orga.request('POST', '/api/auth/sign-in', 'sign-in', { login: ORGA_LOGIN, password: ORGA_PASSWORD });
  const me = await orga.request<{ memberships: { organization: { id: string; name: string } }[] }>('GET', '/api/me', 'me');
  const organization = me.memberships.find((m) => m.organization.name === OPEN_ORGANIZATION_NAME)?.organization;
  if (!organization) throw new Error(`${ORGA_LOGIN} is not a member of « ${OPEN_ORGANIZATION_NAME} »; is the demo seed on?`);
  const { targetProfiles } = await orga.request<{ targetProfiles: { id: string; category: string }[] }>(
    'GET',
    `/api/organizations/${organization.id}/target-profiles`,
    'target profiles',
  );
  const profile = targetProfiles.find((p) => p.id === TARGET_PROFILE_ID) ?? targetProfiles.find((p) => p.category === 'BACK_TO_SCHOOL');
  if (!profile) throw new Error(`« ${OPEN_ORGANIZATION_NAME} » offers neither ${TARGET_PROFILE_ID} nor any « Parcours de rentrée »`);
  const campaign = await orga.request<{ id: string; code: string }>('POST', `/api/organizations/${organization.id}/campaigns`, 'create campaign', {
    type: 'ASSESSMENT',
    name,
    targetProfileId: profile.id,
  });
  // Checked once here: a restricted organization would turn every join into RECONCILIATION_REQUIRED.
  const landing = await orga.request<{ organization: { isRestricted: boolean } }>('GET', `/api/campaigns/by-code/${campaign.code}`, 'landing');
  if (landing.organization.isRestricted) throw new Error(`« ${OPEN_ORGANIZATION_NAME} » is restricted: learners would need reconciliation`);
  return { id: campaign.id, code: campaign.code, targetProfileId: profile.id, organizationId: organization.id };
}

/** The measured window's deadline; sleeps end early at it, so stopping never waits for a think time. */
export class Window {
  readonly startedAt = performance.now();
  private readonly deadline: number;

  constructor(seconds: number) {
    this.deadline = this.startedAt + seconds * 1000;
  }

  get over(): boolean {
    return performance.now() >= this.deadline;
  }

  sleep(ms: number): Promise<void> {
    const wait = Math.max(0, Math.min(ms, this.deadline - performance.now()));
    return new Promise((resolve) => setTimeout(resolve, wait));
  }
}

export interface LearnerStats {
  answerLatenciesMs: number[];
  answers: number;
  rightAnswers: number;
  skips: number;
  errors: ErrorTally;
  finished: number;
  stopped: number;
  gaveUp: number;
}

export function newLearnerStats(errors = new ErrorTally()): LearnerStats {
  return { answerLatenciesMs: [], answers: 0, rightAnswers: 0, skips: 0, errors, finished: 0, stopped: 0, gaveUp: 0 };
}

/** The answer a challenge's solution gives (what a pupil who knows it types). */
function rightAnswer(release: Release, challengeId: string): string | Record<string, string> {
  const challenge = release.challenges.find((c) => c.id === challengeId);
  if (!challenge) throw new Error(`challenge ${challengeId} is not in the bench's release`);
  return statedAnswer(challenge);
}

type ChallengeStep = { kind: 'challenge'; challenge: { id: string }; servedAt: string | null };
type NextStep = ChallengeStep | { kind: 'end' };
interface AnswerResponse {
  next: 'challenge' | 'checkpoint' | 'end';
  step: ChallengeStep | null;
}

export interface LearnerRun {
  /** Signed in (or signed up) already. */
  agent: UserAgent;
  campaignId: string;
  release: Release;
  /** This learner's own stream, so its choices do not depend on timing. */
  random: () => number;
  window: Window;
  pace: Pace;
  stats: LearnerStats;
}

/**
 * Joins at a random moment within the first pause (« Commencer »), then reads the question,
 * thinks for a pause drawn in `pace` and answers right (from the release's own solution) or
 * skips, with its own chance of being right (20–90 %), until its test ends or the window
 * closes. Like the web runner it takes the next challenge from the answer's response and reads
 * `GET …/next` only after a checkpoint, before a timed challenge (its warning screen) or after
 * an error; it reads the checkpoint after every fifth answer and the final one at the end.
 */
export async function runLearner({ agent, campaignId, release, random, window, pace, stats }: LearnerRun): Promise<void> {
  // Each learner answers right with its own probability, so tests end after realistic, varied lengths.
  const ability = 0.2 + 0.7 * random();
  const think = () => pace.minMs + (pace.maxMs - pace.minMs) * random();
  let consecutiveErrors = 0;
  const failed = (error: unknown) => {
    if (!(error instanceof HttpError)) throw error;
    stats.errors.add(error);
    consecutiveErrors++;
  };

  // A class does not click « Commencer » at the same millisecond.
  await window.sleep(random() * pace.maxMs);
  let assessmentId: string | undefined;
  while (assessmentId === undefined) {
    if (window.over) return void stats.stopped++;
    if (consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) return void stats.gaveUp++;
    try {
      const joined = await agent.request<{ participation: { assessmentId: string | null } }>('POST', `/api/campaigns/${campaignId}/participations`, 'join', {});
      if (!joined.participation.assessmentId) throw new Error('an assessment campaign participation came back without an assessment');
      assessmentId = joined.participation.assessmentId;
    } catch (error) {
      failed(error);
      await window.sleep(1_000);
    }
  }

  const base = `/api/assessments/${assessmentId}`;
  // What the runner shows next: read with `next` at first, after a checkpoint and after an
  // error, otherwise taken from the answer's response, as the web runner does.
  let step: NextStep | null = null;
  // The web runner shows the final checkpoint (corrections) at the end; a learner reads it once.
  const end = async () => {
    await agent.request('GET', `${base}/checkpoint?final=true`, 'final checkpoint');
    stats.finished++;
  };
  // Bounded by the window: every turn of the loop makes a request or sleeps, and stops at the deadline.
  for (;;) {
    if (window.over) return void stats.stopped++;
    if (consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) return void stats.gaveUp++;
    try {
      const shown: NextStep = step ?? (await agent.request<NextStep>('GET', `${base}/next`, 'next'));
      step = null;
      if (shown.kind === 'end') return await end();
      await window.sleep(think());
      if (window.over) return void stats.stopped++;
      const right = random() < ability;
      const challengeId: string = shown.challenge.id;
      const body = right ? { challengeId, value: rightAnswer(release, challengeId) } : { challengeId, skipped: true };
      const sentAt = performance.now();
      const answered: AnswerResponse = await agent.request<AnswerResponse>('POST', `${base}/answers`, 'answer', body);
      stats.answerLatenciesMs.push(performance.now() - sentAt);
      stats.answers++;
      if (right) stats.rightAnswers++;
      else stats.skips++;
      consecutiveErrors = 0;
      if (answered.next === 'end') return await end();
      if (answered.next === 'checkpoint') await agent.request('GET', `${base}/checkpoint?final=false`, 'checkpoint');
      // A timed challenge comes back not started: its warning, then `next` starts it, as « Commencer » does.
      else if (answered.step?.servedAt) step = answered.step;
    } catch (error) {
      failed(error);
      await window.sleep(1_000);
    }
  }
}
