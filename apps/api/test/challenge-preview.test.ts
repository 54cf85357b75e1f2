import { parseProposals, parseQrocmSolution, parseQrocSolution, type ReleaseChallenge } from '@jalon/content';
import type { AdminChallengePreview, AdminChallengesPage, ChallengeCheckResponse } from '@jalon/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, makePlatformAdmin, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let admin: Agent;
let teacher: Agent;

beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
  const user = await createUser(t.database.db);
  await makePlatformAdmin(t.database.db, user.id);
  admin = new Agent(t.app);
  await admin.signIn(user.email, PASSWORD);
  const team = await createTeam(t.database.db);
  teacher = new Agent(t.app);
  await teacher.signIn(team.admin.email, PASSWORD);
});
afterAll(async () => t.close());

const validated = (type: ReleaseChallenge['type']) => t.content.release.challenges.find((c) => c.type === type && c.status === 'validated')!;

/** What a learner types or ticks when answering exactly the stated solution. */
function statedAnswer(challenge: ReleaseChallenge): string | Record<string, string> {
  if (challenge.type === 'QCU' || challenge.type === 'QCM') return challenge.solution;
  if (challenge.type === 'QROC') return parseQrocSolution(challenge.solution)[0]!;
  const parsed = parseProposals(challenge.type, challenge.proposals);
  const solution = parseQrocmSolution(challenge.solution);
  if (!parsed.ok || parsed.value.kind !== 'blocks' || !solution.ok) throw new Error(challenge.id);
  const groups = [...solution.value.values()];
  return Object.fromEntries(
    parsed.value.blocks.map((block, index) => [block.key, (challenge.type === 'QROCM-ind' ? solution.value.get(block.key) : groups[index])?.[0] ?? '']),
  );
}

describe('GET /api/admin/challenges', () => {
  it('is for instance admins only', async () => {
    expect((await new Agent(t.app).get('/api/admin/challenges')).status).toBe(401);
    const refused = await teacher.get('/api/admin/challenges');
    expect(refused.status).toBe(403);
    expect(errorCodes(refused)).toEqual(['PLATFORM_ADMIN_REQUIRED']);
  });

  it('pages through every challenge with its skill, tube, type, status, locales and first words', async () => {
    const response = await admin.get<AdminChallengesPage>('/api/admin/challenges?pageSize=10&page=2');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(t.content.release.challenges.length);
    expect(response.body.items).toHaveLength(10);
    const row = response.body.items[0]!;
    const source = t.content.release.challenges[10]!;
    expect(row).toMatchObject({ id: source.id, skillId: source.skillId, tubeId: source.tubeId, type: source.type, status: source.status });
    expect(row.excerpt.split(' ').length).toBeLessThanOrEqual(15);
  });

  it('searches ids and instructions whatever the accents', async () => {
    const qroc = validated('QROC');
    const byId = await admin.get<AdminChallengesPage>(`/api/admin/challenges?search=${encodeURIComponent(qroc.id)}`);
    expect(byId.body.items.map((c) => c.id)).toContain(qroc.id);
    const words = await admin.get<AdminChallengesPage>(`/api/admin/challenges?search=${encodeURIComponent('MOT DE PASSE')}`);
    expect(words.body.total).toBeGreaterThan(0);
    expect((await admin.get('/api/admin/challenges?pageSize=7')).status).toBe(400);
  });
});

describe('GET /api/admin/challenges/:challengeId', () => {
  it('is for instance admins only', async () => {
    const id = encodeURIComponent(validated('QCU').id);
    expect((await new Agent(t.app).get(`/api/admin/challenges/${id}`)).status).toBe(401);
    expect((await teacher.get(`/api/admin/challenges/${id}`)).status).toBe(403);
  });

  it('shows a challenge of each type as the learner gets it, without its solution, with its place in the framework', async () => {
    for (const type of ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'] as const) {
      const challenge = validated(type);
      const response = await admin.get<AdminChallengePreview>(`/api/admin/challenges/${encodeURIComponent(challenge.id)}`);
      expect(response.status, type).toBe(200);
      const preview = response.body;
      expect(preview.challenge).toMatchObject({ id: challenge.id, type, instruction: challenge.instruction });
      expect(JSON.stringify(preview)).not.toContain('"solution');
      expect(preview.skill.id).toBe(challenge.skillId);
      expect(preview.tube.id).toBe(challenge.tubeId);
      expect(preview.competence.id).toBe(challenge.competenceId);
      if (type === 'QCU' || type === 'QCM') expect(preview.challenge.answerArea.kind).toBe('options');
      else expect(preview.challenge.answerArea.kind).toBe('blocks');
    }
  });

  it('gives the select options of a drop-down block and the illustration with its alt text', async () => {
    const select = t.content.release.challenges.find((c) => c.type !== 'QCU' && c.type !== 'QCM' && c.proposals.includes(' options=['))!;
    const preview = (await admin.get<AdminChallengePreview>(`/api/admin/challenges/${encodeURIComponent(select.id)}`)).body;
    const area = preview.challenge.answerArea;
    expect(area.kind === 'blocks' && area.parts.some((part) => part.kind === 'block' && (part.options?.length ?? 0) > 1)).toBe(true);
    const illustrated = t.content.release.challenges.find((c) => c.illustration?.alt)!;
    const withImage = (await admin.get<AdminChallengePreview>(`/api/admin/challenges/${encodeURIComponent(illustrated.id)}`)).body;
    expect(withImage.challenge.illustration).toEqual(illustrated.illustration);
  });

  it('answers 404 for an unknown challenge', async () => {
    const response = await admin.get('/api/admin/challenges/@inconnu1-01');
    expect(response.status).toBe(404);
    expect(errorCodes(response)).toEqual(['CHALLENGE_NOT_FOUND']);
  });
});

describe('POST /api/admin/challenges/:challengeId/check', () => {
  const url = (id: string) => `/api/admin/challenges/${encodeURIComponent(id)}/check`;

  it('is for instance admins only', async () => {
    const qcu = validated('QCU');
    expect((await new Agent(t.app).post(url(qcu.id), { answer: qcu.solution })).status).toBe(401);
    expect((await teacher.post(url(qcu.id), { answer: qcu.solution })).status).toBe(403);
  });

  it('accepts the stated solution of each type and gives the correction the checkpoint shows', async () => {
    for (const type of ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'] as const) {
      const challenge = validated(type);
      const response = await admin.post<ChallengeCheckResponse>(url(challenge.id), { answer: statedAnswer(challenge) });
      expect(response.status, type).toBe(200);
      expect(response.body.result, challenge.id).toBe('ok');
      if (type === 'QCU' || type === 'QCM') expect(response.body.rightOptions).toEqual(challenge.solution.split(',').map(Number).sort((a, b) => a - b));
      else expect(response.body.solutionToDisplay).toBe(challenge.solutionToDisplay);
    }
  });

  it('says ko for a wrong option, with the right one and the tutorials to succeed next time', async () => {
    const qcu = validated('QCU');
    const wrong = qcu.solution === '1' ? '2' : '1';
    const response = await admin.post<ChallengeCheckResponse>(url(qcu.id), { answer: wrong });
    expect(response.body.result).toBe('ko');
    expect(response.body.rightOptions).toEqual([Number(qcu.solution)]);
    const skill = t.content.release.skills.find((s) => s.id === qcu.skillId)!;
    expect(response.body.tutorials.map((tutorial) => tutorial.id)).toEqual(skill.tutorials);
    expect(response.body.tutorials[0]!.link).toMatch(/^https:\/\//);
  });

  it('refuses a malformed or empty answer and an unknown challenge, as the campaign will', async () => {
    const qcu = validated('QCU');
    const outOfRange = await admin.post(url(qcu.id), { answer: '99' });
    expect(outOfRange.status).toBe(422);
    expect(errorCodes(outOfRange)).toEqual(['ANSWER_MALFORMED']);
    expect(errorCodes(await admin.post(url(qcu.id), { answer: '  ' }))).toEqual(['ANSWER_EMPTY']);
    expect(errorCodes(await admin.post(url(validated('QROCM-ind').id), { answer: 'texte' }))).toEqual(['ANSWER_MALFORMED']);
    expect(errorCodes(await admin.post(url(qcu.id), { answer: 3 }))).toEqual(['ANSWER_MALFORMED']);
    const unknown = await admin.post(url('@inconnu1-01'), { answer: '1' });
    expect(unknown.status).toBe(404);
    expect(errorCodes(unknown)).toEqual(['CHALLENGE_NOT_FOUND']);
  });
});
