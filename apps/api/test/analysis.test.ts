import type { CampaignAnalysis, CollectiveResults, LearnerActivity, ParticipantAnalysis, ParticipantPage } from '@jalon/contracts';
import { RECOMMENDATION_SCALE, roundHalfUp, scaledTubeScore } from '@jalon/engine';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, knowledgeElements, tutorialDisplays } from '../src/modules/assessment';
import { campaignSkills, participationBadges, participations, snapshotKnowledgeElements } from '../src/modules/campaigns';
import { learnerSortKey, organizationLearners } from '../src/modules/organizations';
import { createCampaignRow, createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

const DAY = 86_400_000;
const base = Date.UTC(2026, 0, 5, 9);
const day = (n: number) => new Date(base + n * DAY);
let keId = 1;

type Team = Awaited<ReturnType<typeof createTeam>>;

/** An assessment campaign measuring exactly these skills of the release (its frozen list, as creation would write it). */
async function campaignOf(team: Team, skillIds: string[], fields: { name?: string } = {}) {
  const campaign = await createCampaignRow(t.database.db, {
    organizationId: team.organization.id,
    ownerId: team.member.id,
    type: 'ASSESSMENT',
    targetProfileId: 'tp-francais',
    name: fields.name ?? 'Analyse',
  });
  await t.database.db.insert(campaignSkills).values(
    skillIds.map((id) => {
      const skill = t.content.release.skills.find((s) => s.id === id)!;
      return { campaignId: campaign.id, skillId: id, tubeId: skill.tubeId, competenceId: skill.competenceId, level: skill.level };
    }),
  );
  return campaign;
}

async function pupil(team: Team, firstName: string, division: string) {
  const user = await createUser(t.database.db, { firstName, lastName: 'Élève' });
  const learner = await createLearner(t.database.db, team.organization.id, { firstName, lastName: 'Élève', birthdate: '2011-01-01', division, userId: user.id });
  return { user, learner };
}

type Pupil = Awaited<ReturnType<typeof pupil>>;

/** A participation written as the share leaves it, with its snapshot (validated and invalidated skills). */
async function participation(
  campaignId: string,
  who: Pupil,
  fields: {
    validated?: string[];
    invalidated?: string[];
    status?: 'STARTED' | 'TO_SHARE' | 'SHARED';
    on: Date;
    deleted?: boolean;
    improved?: boolean;
    pix?: Record<string, number>;
  },
) {
  const status = fields.status ?? 'SHARED';
  const validated = fields.validated ?? [];
  const measured = new Set((await t.database.db.select().from(campaignSkills).where(eq(campaignSkills.campaignId, campaignId))).map((s) => s.skillId));
  const [row] = await t.database.db
    .insert(participations)
    .values({
      campaignId,
      userId: who.user.id,
      organizationLearnerId: who.learner.id,
      status,
      createdAt: fields.on,
      sharedAt: status === 'SHARED' ? fields.on : null,
      deletedAt: fields.deleted ? fields.on : null,
      isImproved: fields.improved ?? false,
      validatedSkillsCount: status === 'SHARED' ? validated.filter((id) => measured.has(id)).length : null,
      resultsComputedAt: status === 'SHARED' ? fields.on : null,
    })
    .returning();
  const elements = [
    ...validated.map((id) => ({ id, status: 'validated' })),
    ...(fields.invalidated ?? []).map((id) => ({ id, status: 'invalidated' })),
  ];
  if (status === 'SHARED' && elements.length > 0) {
    await t.database.db.insert(snapshotKnowledgeElements).values(
      elements.map((e) => {
        const skill = t.content.release.skills.find((s) => s.id === e.id);
        return {
          participationId: row!.id,
          skillId: e.id,
          tubeId: skill?.tubeId ?? e.id.replace(/\d$/, ''),
          competenceId: skill?.competenceId ?? 'c1.1',
          status: e.status,
          source: 'direct',
          earnedPix: e.status === 'validated' ? (fields.pix?.[e.id] ?? 0) : 0,
          knowledgeElementId: keId++,
          createdAt: fields.on,
        };
      }),
    );
  }
  return row!;
}

async function teacherOf(team: Team) {
  const agent = new Agent(t.app);
  await agent.signIn(team.member.email, PASSWORD);
  return agent;
}

const SKILLS = ['@motsCles1', '@motsCles2', '@motsCles3', '@fiabiliteSource1', '@fiabiliteSource2', '@fiabiliteSource3', '@fiabiliteSource4', '@courriel1', '@courriel2', '@courriel3'];

/**
 * Three tubes, maxAll = 4: @motsCles 1–3 and @fiabiliteSource 1–4 (c1.1), @courriel 1–3 (c2.1).
 * Counted: Anna (3A, her second sending; the first and a retry under way do not count),
 * Bruno (3A), Chloé (3B). Not counted: Denis (3B, not sent), Emma (3A, deleted).
 */
async function classFixture() {
  const team = await createTeam(t.database.db, { type: 'SCO', isManagingStudents: true });
  const campaign = await campaignOf(team, SKILLS);
  const other = await campaignOf(team, SKILLS, { name: 'Autre campagne' });
  const anna = await pupil(team, 'Anna', '3A');
  const bruno = await pupil(team, 'Bruno', '3A');
  const chloe = await pupil(team, 'Chloé', '3B');
  const denis = await pupil(team, 'Denis', '3B');
  const emma = await pupil(team, 'Emma', '3A');
  const annaFirst = await participation(campaign.id, anna, { validated: SKILLS, on: day(0), improved: true });
  // A skill outside the campaign (@motsCles4) never raises the reached level.
  const annaLatest = await participation(campaign.id, anna, {
    validated: ['@motsCles1', '@motsCles2', '@fiabiliteSource1', '@motsCles4'],
    invalidated: ['@courriel1'],
    on: day(5),
    improved: true,
  });
  const annaRetry = await participation(campaign.id, anna, { status: 'STARTED', on: day(10) });
  const brunoSent = await participation(campaign.id, bruno, { validated: ['@motsCles1', '@motsCles2', '@motsCles3', '@courriel1'], on: day(2) });
  const chloeSent = await participation(campaign.id, chloe, { invalidated: ['@motsCles1'], on: day(3) });
  await participation(campaign.id, denis, { status: 'TO_SHARE', on: day(3) });
  await participation(campaign.id, emma, { validated: SKILLS, on: day(4), deleted: true });
  // The other campaign of the same organization: Chloé masters everything there.
  const chloeOther = await participation(other.id, chloe, { validated: SKILLS, on: day(6) });
  return { team, campaign, other, anna, bruno, chloe, annaFirst, annaLatest, annaRetry, brunoSent, chloeSent, chloeOther };
}

let fixture: Awaited<ReturnType<typeof classFixture>>;
let teacher: Agent;
beforeAll(async () => {
  fixture = await classFixture();
  teacher = await teacherOf(fixture.team);
});

describe('« Analyse » by tube (analytics §5.1)', () => {
  it('averages the 40/30/20/10 score over the latest sent participation of each learner, most recommended first', async () => {
    const response = await teacher.get<CampaignAnalysis>(`/api/campaigns/${fixture.campaign.id}/analysis`);
    expect(response.status).toBe(200);
    expect(response.body.participantCount).toBe(3);
    expect(response.body.divisions).toEqual(['3A', '3B']);
    // @courriel: Anna 22.5 (invalidated only), Bruno 40/3 + 22.5 + 20/3 + 5 = 47.5, Chloé 22.5 → 30.83.
    // @fiabiliteSource: Anna 10 + 30 + 5 + 5 = 50, Bruno 30, Chloé 30 → 36.67.
    // @motsCles: Anna 80/3 + 22.5 + 40/3 + 20/3 = 69.17, Bruno 40 + 22.5 + 20 + 10 = 92.5, Chloé 22.5 → 61.39.
    expect(response.body.tubes.map((tube) => [tube.id, tube.averageScore, tube.bubbles, tube.meanReached, tube.maxLevel, tube.percent])).toEqual([
      ['@courriel', 30.83, 3, 0.33, 3, 11],
      ['@fiabiliteSource', 36.67, 3, 0.33, 4, 8],
      ['@motsCles', 61.39, 2, 1.67, 3, 56],
    ]);
  });

  it('lists each tube’s tutorials once, by the level of the skill that brings it', async () => {
    const response = await teacher.get<CampaignAnalysis>(`/api/campaigns/${fixture.campaign.id}/analysis`);
    const motsCles = response.body.tubes.find((tube) => tube.id === '@motsCles')!;
    expect(motsCles.tutorials.map((tutorial) => [tutorial.id, tutorial.skillLevel, tutorial.shownDuringTest])).toEqual([
      ['tuto-moteur-recherche', 1, false],
      ['tuto-affiner-recherche', 3, false],
    ]);
    expect(motsCles.tutorials[0]).toMatchObject({ title: expect.any(String), source: expect.any(String), format: expect.any(String), duration: expect.stringMatching(/^\d\d:\d\d:\d\d$/) });
    expect(motsCles.practicalTitle.fr).not.toBe('');
    expect(motsCles.competence).toMatchObject({ id: 'c1.1', index: '1.1', areaCode: '1', areaColor: 'jaffa' });
  });

  it('filters by class; equal averages keep the tube id order', async () => {
    const response = await teacher.get<CampaignAnalysis>(`/api/campaigns/${fixture.campaign.id}/analysis?divisions=3B`);
    expect(response.body.participantCount).toBe(1);
    // Chloé validated nothing: 30 × 3/4 = 22.5 twice, 30 × 4/4 = 30 once.
    expect(response.body.tubes.map((tube) => [tube.id, tube.averageScore, tube.bubbles])).toEqual([
      ['@courriel', 22.5, 4],
      ['@motsCles', 22.5, 4],
      ['@fiabiliteSource', 30, 3],
    ]);
    expect(response.body.divisions).toEqual(['3A', '3B']);
    const both = await teacher.get<CampaignAnalysis>(`/api/campaigns/${fixture.campaign.id}/analysis?divisions=3A&divisions=3B`);
    expect(both.body.participantCount).toBe(3);
    const none = await teacher.get<CampaignAnalysis>(`/api/campaigns/${fixture.campaign.id}/analysis?divisions=6E`);
    expect(none.body).toMatchObject({ participantCount: 0, tubes: [], competences: [], global: null });
  });

  it('puts the bubble cut-offs at exactly 25, 50 and 75', async () => {
    const team = await createTeam(t.database.db);
    // maxAll = 4; @motsCles [1] weighs 30 × 1/4 = 7.5 untouched, @courriel [1, 2] 15, @fiabiliteSource [1–4] 30.
    const campaign = await campaignOf(team, ['@motsCles1', '@courriel1', '@courriel2', '@fiabiliteSource1', '@fiabiliteSource2', '@fiabiliteSource3', '@fiabiliteSource4']);
    const all = ['@fiabiliteSource1', '@fiabiliteSource2', '@fiabiliteSource3', '@fiabiliteSource4'];
    const learners = await Promise.all(['A', 'B', 'C', 'D'].map((name) => pupil(team, name, '3C')));
    // @motsCles: 77.5 + 3 × 7.5 = 100 → 25. @courriel: 4 × (20 + 15 + 10 + 5) → 50. @fiabiliteSource: 50 + 50 + 100 + 100 → 75.
    await participation(campaign.id, learners[0]!, { validated: ['@motsCles1', '@courriel1', '@fiabiliteSource1'], on: day(1) });
    await participation(campaign.id, learners[1]!, { validated: ['@courriel1', '@fiabiliteSource1'], on: day(1) });
    await participation(campaign.id, learners[2]!, { validated: ['@courriel1', ...all], on: day(1) });
    await participation(campaign.id, learners[3]!, { validated: ['@courriel1', ...all], on: day(1) });
    const response = await (await teacherOf(team)).get<CampaignAnalysis>(`/api/campaigns/${campaign.id}/analysis`);
    expect(response.body.tubes.map((tube) => [tube.id, tube.averageScore, tube.bubbles])).toEqual([
      ['@motsCles', 25, 4],
      ['@courriel', 50, 3],
      ['@fiabiliteSource', 75, 2],
    ]);
  });

  it('says nothing was sent with an empty analysis', async () => {
    const team = await createTeam(t.database.db);
    const campaign = await campaignOf(team, SKILLS);
    const response = await (await teacherOf(team)).get<CampaignAnalysis>(`/api/campaigns/${campaign.id}/analysis`);
    expect(response.body).toEqual({ participantCount: 0, divisions: [], groups: [], tubes: [], competences: [], global: null });
  });
});

describe('« Analyse » by competence (analytics §5.2)', () => {
  it('gives each competence the mean of its tubes’ mean reached levels against their mean maximum, and a global gauge', async () => {
    const response = await teacher.get<CampaignAnalysis>(`/api/campaigns/${fixture.campaign.id}/analysis`);
    // c1.1: (5/3 + 1/3) / 2 = 1 against (3 + 4) / 2; c2.1: 1/3 against 3; all: 7/9 against 10/3.
    expect(response.body.competences.map((c) => [c.id, c.gauge])).toEqual([
      ['c1.1', { meanLevel: 1, meanMaxLevel: 3.5, percent: 29, band: 'BEGINNER' }],
      ['c2.1', { meanLevel: 0.33, meanMaxLevel: 3, percent: 11, band: 'NOT_ASSESSED' }],
    ]);
    expect(response.body.global).toEqual({ meanLevel: 0.78, meanMaxLevel: 3.33, percent: 23, band: 'NOT_ASSESSED' });
  });
});

describe('« Résultats collectifs » (analytics §6)', () => {
  it('averages validated targeted skills per competence over the counted learners', async () => {
    const response = await teacher.get<CollectiveResults>(`/api/campaigns/${fixture.campaign.id}/collective-results`);
    expect(response.status).toBe(200);
    expect(response.body.participantCount).toBe(3);
    // c1.1: Anna 3, Bruno 3, Chloé 0 of 7; c2.1: Bruno 1 of 3.
    expect(response.body.competences.map((c) => [c.id, c.targetedSkills, c.averageValidatedSkills, c.percent])).toEqual([
      ['c1.1', 7, 2, 29],
      ['c2.1', 3, 0.33, 11],
    ]);
    expect(response.body.competences[0]!.tubes.map((tube) => [tube.id, tube.meanReached, tube.maxLevel, tube.percent])).toEqual([
      ['@fiabiliteSource', 0.33, 4, 8],
      ['@motsCles', 1.67, 3, 56],
    ]);
  });

  it('filters by class', async () => {
    const response = await teacher.get<CollectiveResults>(`/api/campaigns/${fixture.campaign.id}/collective-results?divisions=3A`);
    expect(response.body.participantCount).toBe(2);
    expect(response.body.competences.map((c) => [c.id, c.averageValidatedSkills, c.percent])).toEqual([
      ['c1.1', 3, 43],
      ['c2.1', 0.5, 17],
    ]);
  });

  it('never counts another campaign’s sendings', async () => {
    const response = await teacher.get<CollectiveResults>(`/api/campaigns/${fixture.other.id}/collective-results`);
    expect(response.body.participantCount).toBe(1);
    expect(response.body.competences.map((c) => c.percent)).toEqual([100, 100]);
  });
});

describe('a campaign of many skills and learners', () => {
  it('gives every tube the figures learner-by-learner sums give, whatever the skills’ order and the learners’ ids', async () => {
    const team = await createTeam(t.database.db);
    // Every tube of the release, lowest skills first in the list: the campaign holds well over 64 skills.
    const skills = t.content.release.skills.filter((s) => s.status === 'active');
    const byTube = new Map<string, typeof skills>();
    for (const skill of skills) byTube.set(skill.tubeId, [...(byTube.get(skill.tubeId) ?? []), skill]);
    const tubes = [...byTube.values()].filter((ofTube) => new Set(ofTube.map((s) => s.level)).size === ofTube.length);
    const campaignSkillList = tubes.flat();
    expect(campaignSkillList.length).toBeGreaterThan(128);
    const campaign = await campaignOf(team, campaignSkillList.map((s) => s.id));
    // Learners on both sides of any split by id, each validating a different spread of skills; the last validates none.
    const ids = ['00000000-0000-4000-8000-000000000001', '3fffffff-0000-4000-8000-000000000002', '7fffffff-ffff-4fff-bfff-ffffffffffff', '80000000-0000-4000-8000-000000000000', 'c0000000-0000-4000-8000-000000000005', 'ffffffff-ffff-4fff-bfff-ffffffffffff'];
    const validatedBy = ids.map((_, k) => (k === ids.length - 1 ? [] : campaignSkillList.filter((_, i) => (i * 7 + k * 13) % (k + 2) !== 0)));
    for (const [k, id] of ids.entries()) {
      const user = await createUser(t.database.db, { firstName: `P${k}`, lastName: 'Élève' });
      const [learner] = await t.database.db
        .insert(organizationLearners)
        .values({ id, organizationId: team.organization.id, userId: user.id, firstName: `P${k}`, lastName: 'Élève', birthdate: '2011-01-01', division: '4A', sortKey: learnerSortKey('Élève', `P${k}`) })
        .returning();
      const validated = validatedBy[k]!.map((s) => s.id);
      await participation(campaign.id, { user, learner: learner! }, { validated, invalidated: campaignSkillList.map((s) => s.id).filter((s) => !validated.includes(s)), on: day(1) });
    }

    const maxAll = Math.max(...campaignSkillList.map((s) => s.level));
    const expected = tubes.map((ofTube) => {
      const levels = ofTube.map((s) => s.level).sort((a, b) => a - b);
      let reached = 0;
      let validated = 0;
      let scaled = 0;
      for (const mine of validatedBy) {
        const inTube = mine.filter((s) => s.tubeId === ofTube[0]!.tubeId);
        const standing = { reached: Math.max(0, ...inTube.map((s) => s.level)), validatedInTube: inTube.length };
        reached += standing.reached;
        validated += standing.validatedInTube;
        scaled += scaledTubeScore({ levels }, maxAll, standing);
      }
      const maxLevel = Math.max(...levels);
      return { id: ofTube[0]!.tubeId, validated, averageScore: roundHalfUp(scaled, RECOMMENDATION_SCALE * ids.length, 2), meanReached: roundHalfUp(reached, ids.length, 2), percent: roundHalfUp(100 * reached, ids.length * maxLevel) };
    });
    const agent = await teacherOf(team);
    const analysis = await agent.get<CampaignAnalysis>(`/api/campaigns/${campaign.id}/analysis`);
    expect(analysis.body.participantCount).toBe(ids.length);
    const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(sortById(analysis.body.tubes.map((tube) => ({ id: tube.id, averageScore: tube.averageScore, meanReached: tube.meanReached, percent: tube.percent })))).toEqual(
      sortById(expected.map(({ id, averageScore, meanReached, percent }) => ({ id, averageScore, meanReached, percent }))),
    );
    const collective = await agent.get<CollectiveResults>(`/api/campaigns/${campaign.id}/collective-results`);
    expect(sortById(collective.body.competences.flatMap((c) => c.tubes.map((tube) => ({ id: tube.id, meanReached: tube.meanReached }))))).toEqual(
      sortById(expected.map(({ id, meanReached }) => ({ id, meanReached }))),
    );
    const validatedByCompetence = new Map<string, number>();
    for (const [i, tube] of expected.entries()) {
      const competenceId = tubes[i]![0]!.competenceId;
      validatedByCompetence.set(competenceId, (validatedByCompetence.get(competenceId) ?? 0) + tube.validated);
    }
    expect(Object.fromEntries(collective.body.competences.map((c) => [c.id, c.averageValidatedSkills]))).toEqual(
      Object.fromEntries([...validatedByCompetence].map(([id, validated]) => [id, roundHalfUp(validated, ids.length, 2)])),
    );
  });
});

describe('participant pages (analytics §4)', () => {
  it('shows a sent assessment from its share values and snapshot, with every sending in the selector', async () => {
    const response = await teacher.get<ParticipantPage>(`/api/campaigns/${fixture.campaign.id}/participations/${fixture.annaLatest.id}`);
    expect(response.status).toBe(200);
    const page = response.body;
    expect(page.learner).toMatchObject({ firstName: 'Anna', division: '3A' });
    expect(page.participations.map((p) => [p.id, p.number, p.status])).toEqual([
      [fixture.annaFirst.id, 1, 'SHARED'],
      [fixture.annaLatest.id, 2, 'SHARED'],
      [fixture.annaRetry.id, 3, 'STARTED'],
    ]);
    expect(page.participation).toMatchObject({ number: 2, status: 'SHARED', progression: 100 });
    expect(page.results).toMatchObject({ masteryPercent: 30, validatedSkills: 3, targetedSkills: 10, stage: null, badges: [] });
    expect(page.results!.competences.map((c) => [c.id, c.validated, c.total, c.masteryPercent])).toEqual([
      ['c1.1', 3, 7, 43],
      ['c2.1', 0, 3, 0],
    ]);
    expect(page.profile).toBeNull();
  });

  it('shows the stage with its teacher-side title and the badges stored at share', async () => {
    const team = await createTeam(t.database.db);
    const profile = t.content.release.targetProfiles.find((p) => p.id === 'tp-securite-au-quotidien')!;
    const campaign = await createCampaignRow(t.database.db, { organizationId: team.organization.id, ownerId: team.member.id, type: 'ASSESSMENT', targetProfileId: profile.id });
    await t.database.db.insert(campaignSkills).values(
      t.content.release.skills
        .filter((s) => s.status === 'active' && profile.tubes.some((tube) => tube.tubeId === s.tubeId && s.level <= tube.level))
        .map((s) => ({ campaignId: campaign.id, skillId: s.id, tubeId: s.tubeId, competenceId: s.competenceId, level: s.level })),
    );
    const who = await pupil(team, 'Gaëlle', '3A');
    const sent = await participation(campaign.id, who, { validated: ['@motsDePasse1'], on: day(1) });
    const stage = profile.stages[1]!;
    await t.database.db.update(participations).set({ reachedStageId: stage.id }).where(eq(participations.id, sent.id));
    const badge = profile.badges[0]!;
    await t.database.db.insert(participationBadges).values({ participationId: sent.id, badgeKey: badge.key, obtained: true, progress: 100 });
    const page = (await (await teacherOf(team)).get<ParticipantPage>(`/api/campaigns/${campaign.id}/participations/${sent.id}`)).body;
    expect(page.results!.stage).toEqual({
      stars: 1,
      totalStars: profile.stages.length - 1,
      title: stage.prescriberTitle ?? stage.title,
      description: stage.prescriberDescription ?? '',
    });
    expect(page.results!.badges).toEqual([{ key: badge.key, title: badge.title, imageUrl: badge.imageUrl ?? null, obtained: true }]);
  });

  it('reads progression live before sending, and has no results then', async () => {
    const [assessment] = await t.database.db.insert(assessments).values({ userId: fixture.anna.user.id, type: 'CAMPAIGN', participationId: fixture.annaRetry.id }).returning();
    await t.database.db.insert(knowledgeElements).values({
      createdAt: day(10),
      userId: fixture.anna.user.id,
      assessmentId: assessment!.id,
      skillId: '@motsCles1',
      tubeId: '@motsCles',
      competenceId: 'c1.1',
      source: 'direct',
      status: 'validated',
      earnedPix: 4,
    });
    const page = (await teacher.get<ParticipantPage>(`/api/campaigns/${fixture.campaign.id}/participations/${fixture.annaRetry.id}`)).body;
    expect(page.participation).toMatchObject({ number: 3, status: 'STARTED', progression: 10 });
    expect(page.results).toBeNull();
    const analysis = await teacher.get<ParticipantAnalysis>(`/api/campaigns/${fixture.campaign.id}/participations/${fixture.annaRetry.id}/analysis`);
    expect(analysis.body).toEqual({ isShared: false, tubes: [] });
  });

  it('analyses one participant and marks the tutorials the runner showed during this participation', async () => {
    const [assessment] = await t.database.db.insert(assessments).values({ userId: fixture.anna.user.id, type: 'CAMPAIGN', participationId: fixture.annaLatest.id, state: 'completed' }).returning();
    await t.database.db.insert(tutorialDisplays).values({ assessmentId: assessment!.id, tutorialId: 'tuto-fausses-nouvelles', skillId: '@fiabiliteSource1', createdAt: day(5) });
    const response = await teacher.get<ParticipantAnalysis>(`/api/campaigns/${fixture.campaign.id}/participations/${fixture.annaLatest.id}/analysis`);
    expect(response.status).toBe(200);
    expect(response.body.isShared).toBe(true);
    // Anna: @courriel 22.5, @fiabiliteSource 50 (exactly: 3 bubbles), @motsCles 69.17.
    expect(response.body.tubes.map((tube) => [tube.id, tube.averageScore, tube.bubbles, tube.meanReached])).toEqual([
      ['@courriel', 22.5, 4, 0],
      ['@fiabiliteSource', 50, 3, 1],
      ['@motsCles', 69.17, 2, 2],
    ]);
    const fiabilite = response.body.tubes[1]!;
    expect(fiabilite.tutorials.filter((tutorial) => tutorial.shownDuringTest).map((tutorial) => tutorial.id)).toEqual(['tuto-fausses-nouvelles']);
    expect(fiabilite.tutorials.some((tutorial) => !tutorial.shownDuringTest)).toBe(true);
  });

  it('shows a sent profile as frozen at sharing, capped, with its certifiability', async () => {
    const team = await createTeam(t.database.db);
    const campaign = await createCampaignRow(t.database.db, { organizationId: team.organization.id, ownerId: team.member.id, type: 'PROFILES_COLLECTION', targetProfileId: null });
    const who = await pupil(team, 'Inès', '3B');
    // c1.1: 12 pix (level 1); c1.2, c1.3, c2.1, c2.2: 8 pix each; c2.3: 60 pix, capped at 56 (level 7).
    const pix: Record<string, number> = { '@motsCles1': 4, '@motsCles2': 4, '@fiabiliteSource1': 4 };
    const validated = ['@motsCles1', '@motsCles2', '@fiabiliteSource1'];
    for (const [skill, competence] of [['@sauvegarde1', 'c1.2'], ['@graphiques1', 'c1.3'], ['@courriel1', 'c2.1'], ['@licences1', 'c2.2']] as const) {
      expect(t.content.release.skills.find((s) => s.id === skill)?.competenceId).toBe(competence);
      validated.push(skill);
      pix[skill] = 8;
    }
    validated.push('@versions1');
    pix['@versions1'] = 60;
    const sent = await participation(campaign.id, who, { validated, pix, on: day(2) });
    const page = (await (await teacherOf(team)).get<ParticipantPage>(`/api/campaigns/${campaign.id}/participations/${sent.id}`)).body;
    expect(page.results).toBeNull();
    expect(page.profile).toMatchObject({ totalPix: 100, isCertifiable: true, certifiableCompetenceCount: 6 });
    expect(page.profile!.competences).toHaveLength(16);
    expect(page.profile!.competences.slice(0, 6).map((c) => [c.index, c.level, c.pix])).toEqual([
      ['1.1', 1, 12],
      ['1.2', 1, 8],
      ['1.3', 1, 8],
      ['2.1', 1, 8],
      ['2.2', 1, 8],
      ['2.3', 7, 56],
    ]);
  });

  it('finds no participation of another campaign, a deleted one, or another organization’s', async () => {
    const deleted = await participation(fixture.campaign.id, fixture.bruno, { on: day(1), deleted: true, improved: true });
    expect(errorCodes(await teacher.get(`/api/campaigns/${fixture.campaign.id}/participations/${fixture.chloeOther.id}`))).toEqual(['PARTICIPATION_NOT_FOUND']);
    expect(errorCodes(await teacher.get(`/api/campaigns/${fixture.campaign.id}/participations/${deleted.id}/analysis`))).toEqual(['PARTICIPATION_NOT_FOUND']);

    const elsewhere = await createTeam(t.database.db);
    const theirs = await campaignOf(elsewhere, SKILLS);
    const theirPupil = await pupil(elsewhere, 'Zoé', '3A');
    const theirSent = await participation(theirs.id, theirPupil, { validated: ['@motsCles1'], on: day(1) });
    const byOurCampaign = await teacher.get(`/api/campaigns/${fixture.campaign.id}/participations/${theirSent.id}`);
    expect(byOurCampaign.status).toBe(404);
    expect(errorCodes(byOurCampaign)).toEqual(['PARTICIPATION_NOT_FOUND']);
    for (const path of ['', '/analysis']) {
      const byTheirs = await teacher.get(`/api/campaigns/${theirs.id}/participations/${theirSent.id}${path}`);
      expect(byTheirs.status).toBe(403);
      expect(errorCodes(byTheirs)).toEqual(['NOT_A_MEMBER']);
    }
    expect((await teacher.get(`/api/campaigns/${theirs.id}/analysis`)).status).toBe(403);
    expect((await teacher.get(`/api/campaigns/${theirs.id}/collective-results`)).status).toBe(403);
  });
});

describe('a learner’s activity across the organization’s campaigns', () => {
  it('lists every live participation, newest first, with the values stored at share', async () => {
    const response = await teacher.get<LearnerActivity>(`/api/organizations/${fixture.team.organization.id}/learners/${fixture.chloe.learner.id}/activity`);
    expect(response.status).toBe(200);
    expect(response.body.learner).toMatchObject({ id: fixture.chloe.learner.id, firstName: 'Chloé', division: '3B' });
    expect(response.body.participations.map((p) => [p.id, p.campaign.name, p.status, p.masteryPercent])).toEqual([
      [fixture.chloeOther.id, 'Autre campagne', 'SHARED', 100],
      [fixture.chloeSent.id, 'Analyse', 'SHARED', 0],
    ]);
  });

  it('knows no learner of another organization', async () => {
    const elsewhere = await createTeam(t.database.db);
    const [stranger] = await t.database.db
      .insert(organizationLearners)
      .values({ organizationId: elsewhere.organization.id, firstName: 'Zoé', lastName: 'Autre', sortKey: 'autre zoe' })
      .returning();
    const response = await teacher.get(`/api/organizations/${fixture.team.organization.id}/learners/${stranger!.id}/activity`);
    expect(response.status).toBe(404);
    expect(errorCodes(response)).toEqual(['LEARNER_NOT_FOUND']);
    expect((await teacher.get(`/api/organizations/${elsewhere.organization.id}/learners/${stranger!.id}/activity`)).status).toBe(403);
  });
});
