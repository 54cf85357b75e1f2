import type { ActivityPage, ActivitySummary, ResultsPage, ResultsSummary } from '@jalon/contracts';
import { percentHalfUp } from '@jalon/engine';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeElements } from '../src/modules/assessment';
import { campaignSkills, participationBadges, participations, snapshotKnowledgeElements } from '../src/modules/campaigns/schema';
import { masteryPrecision } from '../src/modules/follow-up/precision';
import { nameMatches, trigramSimilarity } from '../src/modules/follow-up/search';
import { createCampaign, createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

const SECURITY = 'tp-securite-au-quotidien';
const DAY = 86_400_000;

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

type Status = 'STARTED' | 'TO_SHARE' | 'SHARED';

/** A participation written as the learner's side would leave it; a sent one carries the values computed at share. */
async function participation(
  campaignId: string,
  learner: { id: string; userId: string | null },
  status: Status,
  fields: { createdAt: Date; sharedAt?: Date; validated?: number; stageId?: string; badges?: string[]; isImproved?: boolean; pixScore?: number; isCertifiable?: boolean },
) {
  const [row] = await t.database.db
    .insert(participations)
    .values({
      campaignId,
      userId: learner.userId!,
      organizationLearnerId: learner.id,
      status,
      createdAt: fields.createdAt,
      isImproved: fields.isImproved ?? false,
      sharedAt: status === 'SHARED' ? (fields.sharedAt ?? fields.createdAt) : null,
      validatedSkillsCount: fields.validated ?? null,
      reachedStageId: fields.stageId ?? null,
      pixScore: fields.pixScore ?? null,
      isCertifiable: fields.isCertifiable ?? null,
    })
    .returning();
  if (fields.badges) {
    const obtained = new Set(fields.badges);
    const keys = t.content.release.targetProfiles.find((p) => p.id === SECURITY)!.badges.map((b) => b.key);
    await t.database.db.insert(participationBadges).values(keys.map((key) => ({ participationId: row!.id, badgeKey: key, obtained: obtained.has(key), progress: 0 })));
  }
  return row!;
}

/** A SCO school with a teacher who owns the campaign, another member, four pupils in 3A and 3B and a fifth whose participation gets deleted. */
async function school() {
  const team = await createTeam(t.database.db, { type: 'SCO', externalId: null, isManagingStudents: true, timeZone: 'Europe/Paris' });
  const db = t.database.db;
  const learner = async (firstName: string, lastName: string, division: string) => {
    const user = await createUser(db, { firstName, lastName });
    return createLearner(db, team.organization.id, { firstName, lastName, division, birthdate: '2010-01-01', userId: user.id });
  };
  return {
    team,
    charles: await learner('Charles', 'Durand', '3A'),
    louis: await learner('Louis', 'Bernard', '3A'),
    garance: await learner('Garance', 'Leroy', '3A'),
    ines: await learner('Inès', 'Moreau', '3B'),
    zoe: await learner('Zoé', 'Petit', '3B'),
  };
}

describe('follow-up: pure parts', () => {
  it('the search matches a contained, standardised name or a close spelling, like pg_trgm', () => {
    expect(nameMatches('ines', 'Inès', 'Moreau')).toBe(true);
    expect(nameMatches('LER', 'Garance', 'Leroy')).toBe(true);
    expect(nameMatches('garanse', 'Garance', 'Leroy')).toBe(true);
    expect(nameMatches('xyz', 'Garance', 'Leroy')).toBe(false);
    // pg_trgm: similarity('word', 'two words') = 4 shared of 11 trigrams.
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(4 / 11);
  });

  it('« ± »: none without a direct answer; narrower with more answers; always whole points', () => {
    const levels = [1, 2, 3, 4, 5];
    expect(masteryPrecision([], levels)).toBeNull();
    const few = masteryPrecision([{ level: 2, validated: true }], levels)!;
    const many = masteryPrecision(
      Array.from({ length: 30 }, (_, i) => ({ level: 1 + (i % 5), validated: i % 5 < 3 })),
      levels,
    )!;
    expect(Number.isInteger(few.halfWidth)).toBe(true);
    expect(many.halfWidth).toBeLessThan(few.halfWidth);
    expect(few.band).toBe('LOW');
    expect(['GOOD', 'MEDIUM']).toContain(many.band);
  });
});

describe('follow-up: « Participants » and « Résultats » of an assessment campaign', () => {
  it('count learners, the current participation and the latest sent one; deleted ones and another campaign stay out', async () => {
    const s = await school();
    const db = t.database.db;
    const organizationId = s.team.organization.id;
    const createdAt = new Date(Date.now() - 11 * DAY);
    const campaign = await createCampaign(db, t.content.release, { organizationId, ownerId: s.team.member.id, targetProfileId: SECURITY, multipleSendings: true, createdAt });
    const other = await createCampaign(db, t.content.release, { organizationId, ownerId: s.team.member.id, targetProfileId: SECURITY });
    const skills = await db.select().from(campaignSkills).where(eq(campaignSkills.campaignId, campaign.id));
    const skillCount = skills.length;
    const profile = t.content.release.targetProfiles.find((p) => p.id === SECURITY)!;
    const [stage0, stage1, stage2] = profile.stages.map((stage) => stage.id);
    const [badgeA, badgeB] = profile.badges.map((b) => b.key);
    const base = new Date(campaign.createdAt.getTime() + DAY);

    // Charles sent twice: his first sending is improved; the second counts, and went up.
    await participation(campaign.id, s.charles, 'SHARED', { createdAt: base, validated: 2, stageId: stage0, badges: [], isImproved: true });
    const charlesLatest = await participation(campaign.id, s.charles, 'SHARED', {
      createdAt: new Date(base.getTime() + 5 * DAY),
      validated: skillCount - 1,
      stageId: stage2,
      badges: [badgeA!, badgeB!],
    });
    await db.insert(snapshotKnowledgeElements).values(
      skills.slice(0, 6).map((skill, i) => ({
        participationId: charlesLatest.id,
        skillId: skill.skillId,
        tubeId: skill.tubeId,
        competenceId: skill.competenceId,
        status: i < 5 ? 'validated' : 'invalidated',
        source: 'direct',
        earnedPix: 1,
        knowledgeElementId: i + 1,
        createdAt: base,
      })),
    );
    // Louis is answering: two of the campaign's skills measured so far.
    const louis = await participation(campaign.id, s.louis, 'STARTED', { createdAt: new Date(base.getTime() + DAY) });
    await db.insert(knowledgeElements).values(
      skills.slice(0, 2).map((skill) => ({
        createdAt: new Date(louis.createdAt.getTime() + 60_000),
        userId: s.louis.userId!,
        skillId: skill.skillId,
        tubeId: skill.tubeId,
        competenceId: skill.competenceId,
        source: 'direct',
        status: 'validated',
        earnedPix: 1,
      })),
    );
    await participation(campaign.id, s.garance, 'TO_SHARE', { createdAt: new Date(base.getTime() + DAY) });
    // Inès sent once, then started again: « En cours » in the activity, her sending still counts in the results.
    await participation(campaign.id, s.ines, 'SHARED', { createdAt: base, validated: 1, stageId: stage0, badges: [badgeA!], isImproved: true });
    await participation(campaign.id, s.ines, 'STARTED', { createdAt: new Date(base.getTime() + 6 * DAY) });
    // Zoé's sending was deleted; Charles's full marks in another campaign must not leak in.
    const zoe = await participation(campaign.id, s.zoe, 'SHARED', { createdAt: base, validated: skillCount, stageId: stage2, badges: [badgeA!] });
    await db.update(participations).set({ deletedAt: new Date() }).where(eq(participations.id, zoe.id));
    await participation(other.id, s.charles, 'SHARED', { createdAt: base, validated: skillCount, stageId: stage2, badges: [badgeA!, badgeB!] });

    const agent = await signedIn(s.team.admin.email);
    const summary = await agent.get<ActivitySummary>(`/api/campaigns/${campaign.id}/activity`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ participantCount: 4, sharedCount: 2, divisions: ['3A', '3B'], groups: [] });
    expect(summary.body.statuses).toEqual([
      { status: 'STARTED', count: 2, percent: 50 },
      { status: 'TO_SHARE', count: 1, percent: 25 },
      { status: 'SHARED', count: 1, percent: 25 },
    ]);
    // Paris is one hour ahead of UTC in winter, so the days are Paris's: cumulative, first start and first sending only.
    const day = (offset: number) => new Date(base.getTime() + offset * DAY).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    // Charles and Inès first sent on day 0; Charles's second sending does not move his day.
    expect(summary.body.days).toEqual([
      { date: day(0), started: 2, shared: 2 },
      { date: day(1), started: 4, shared: 2 },
    ]);
    expect(summary.body.from).toBe(day(-1));
    expect(summary.body.to).toBe(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }));

    const page = await agent.get<ActivityPage>(`/api/campaigns/${campaign.id}/activity/participants`);
    expect(page.body.total).toBe(4);
    expect(page.body.items.map((r) => [r.lastName, r.division, r.status, r.progression, r.participationCount])).toEqual([
      ['Bernard', '3A', 'STARTED', percentHalfUp(2, skillCount), 1],
      ['Durand', '3A', 'SHARED', null, 2],
      ['Leroy', '3A', 'TO_SHARE', null, 1],
      ['Moreau', '3B', 'STARTED', 0, 2],
    ]);
    const names = async (query: string) =>
      (await agent.get<ActivityPage>(`/api/campaigns/${campaign.id}/activity/participants?${query}`)).body.items.map((r) => r.firstName);
    expect(await names('status=STARTED')).toEqual(['Louis', 'Inès']);
    expect(await names('divisions=3B')).toEqual(['Inès']);
    expect(await names('divisions=3A&divisions=3B&status=TO_SHARE')).toEqual(['Garance']);
    expect(await names('search=garanse')).toEqual(['Garance']);
    expect(await names('search=INES')).toEqual(['Inès']);
    expect(await names('search=petit')).toEqual([]);
    const beyond = await agent.get<ActivityPage>(`/api/campaigns/${campaign.id}/activity/participants?page=2&pageSize=10`);
    expect(beyond.body).toMatchObject({ items: [], total: 4 });
    expect((await agent.get(`/api/campaigns/${campaign.id}/activity/participants?pageSize=7`)).status).toBe(400);

    const results = await agent.get<ResultsSummary>(`/api/campaigns/${campaign.id}/results/summary`);
    expect(results.status).toBe(200);
    const charlesPercent = percentHalfUp(skillCount - 1, skillCount);
    const inesPercent = percentHalfUp(1, skillCount);
    expect(results.body).toMatchObject({
      participantCount: 2,
      averageMastery: percentHalfUp(skillCount, 2 * skillCount),
      averageStars: 1,
      totalStars: 2,
      divisions: ['3A', '3B'],
    });
    expect(results.body.stages.map((st) => [st.id, st.stars, st.count])).toEqual([
      [stage0, 0, 1],
      [stage1, 1, 0],
      [stage2, 2, 1],
    ]);
    expect(results.body.badges.slice(0, 2).map((b) => [b.key, b.count, b.percent])).toEqual([
      [badgeA, 2, 100],
      [badgeB, 1, 50],
    ]);
    const bands = results.body.masteryBands.filter((b) => b.count > 0).map((b) => [b.from, b.count]);
    expect(bands).toEqual([
      [Math.floor(inesPercent / 10) * 10, 1],
      [Math.min(90, Math.floor(charlesPercent / 10) * 10), 1],
    ]);

    const table = await agent.get<ResultsPage>(`/api/campaigns/${campaign.id}/results`);
    expect(table.body.total).toBe(2);
    expect(table.body.items.map((r) => [r.lastName, r.mastery, r.stars, r.evolution, r.sharingCount, r.badges])).toEqual([
      ['Durand', charlesPercent, 2, 'UP', 2, [badgeA, badgeB].sort()],
      ['Moreau', inesPercent, 0, null, 1, [badgeA]],
    ]);
    expect(table.body.items[0]!.precision).not.toBeNull();
    expect(table.body.items[1]!.precision).toBeNull();
    const resultNames = async (query: string) =>
      (await agent.get<ResultsPage>(`/api/campaigns/${campaign.id}/results?${query}`)).body.items.map((r) => r.firstName);
    expect(await resultNames(`badges=${badgeA}&badges=${badgeB}`)).toEqual(['Charles']);
    expect(await resultNames(`missingBadges=${badgeB}`)).toEqual(['Inès']);
    expect(await resultNames(`stages=${stage0}`)).toEqual(['Inès']);
    expect(await resultNames(`stages=${stage1}&stages=${stage2}`)).toEqual(['Charles']);
    expect(await resultNames('divisions=3B')).toEqual(['Inès']);
    expect(await resultNames('search=durand')).toEqual(['Charles']);

    // A MEMBER who does not own the campaign may not delete; the owner deletes every participation of the learner.
    const charlesRow = page.body.items.find((r) => r.lastName === 'Durand')!;
    const owner = await signedIn(s.team.member.email);
    const outsiderMember = await createTeam(db);
    const stranger = await signedIn(outsiderMember.admin.email);
    expect(errorCodes(await stranger.delete(`/api/campaigns/${campaign.id}/participations/${charlesRow.participationId}`))).toEqual(['NOT_A_MEMBER']);
    expect(errorCodes(await owner.delete(`/api/campaigns/${campaign.id}/participations/${zoe.id}`))).toEqual(['PARTICIPATION_NOT_FOUND']);
    const otherCharles = await db.select().from(participations).where(eq(participations.campaignId, other.id));
    expect(errorCodes(await owner.delete(`/api/campaigns/${campaign.id}/participations/${otherCharles[0]!.id}`))).toEqual(['PARTICIPATION_NOT_FOUND']);
    expect((await owner.delete(`/api/campaigns/${campaign.id}/participations/${charlesRow.participationId}`)).status).toBe(204);
    const left = await db
      .select()
      .from(participations)
      .where(and(eq(participations.campaignId, campaign.id), eq(participations.organizationLearnerId, s.charles.id)));
    expect(left.every((p) => p.deletedAt !== null && p.deletedBy === s.team.member.id)).toBe(true);
    expect((await agent.get<ActivitySummary>(`/api/campaigns/${campaign.id}/activity`)).body).toMatchObject({ participantCount: 3, sharedCount: 1 });
    expect((await agent.get<ResultsPage>(`/api/campaigns/${campaign.id}/results`)).body.items.map((r) => r.firstName)).toEqual(['Inès']);
    expect((await agent.get<ResultsPage>(`/api/campaigns/${other.id}/results`)).body.items.map((r) => r.firstName)).toEqual(['Charles']);
  });

  it('a MEMBER who does not own the campaign cannot delete a participation: 403 PARTICIPATION_DELETE_FORBIDDEN', async () => {
    const s = await school();
    const campaign = await createCampaign(t.database.db, t.content.release, { organizationId: s.team.organization.id, ownerId: s.team.admin.id, targetProfileId: SECURITY });
    const row = await participation(campaign.id, s.garance, 'TO_SHARE', { createdAt: new Date() });
    const member = await signedIn(s.team.member.email);
    const response = await member.delete(`/api/campaigns/${campaign.id}/participations/${row.id}`);
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['PARTICIPATION_DELETE_FORBIDDEN']);
    const [after] = await t.database.db.select().from(participations).where(eq(participations.id, row.id));
    expect(after!.deletedAt).toBeNull();
  });
});

describe('follow-up: « Résultats » of a profile collection', () => {
  it('pix, its evolution, certifiability from the snapshot, and the certifiability filter', async () => {
    const s = await school();
    const db = t.database.db;
    const campaign = await createCampaign(db, t.content.release, { organizationId: s.team.organization.id, ownerId: s.team.member.id, type: 'PROFILES_COLLECTION', multipleSendings: true, createdAt: new Date(Date.now() - 11 * DAY) });
    const base = new Date(campaign.createdAt.getTime() + DAY);
    await participation(campaign.id, s.charles, 'SHARED', { createdAt: base, pixScore: 30, isCertifiable: false, isImproved: true });
    const latest = await participation(campaign.id, s.charles, 'SHARED', { createdAt: new Date(base.getTime() + DAY), pixScore: 48, isCertifiable: true });
    // Eight pix in each of five core competences: level 1 in five, so certifiable.
    const competences = t.content.release.competences.filter((c) => c.origin === 'jalon').slice(0, 5).map((c) => c.id);
    const skills = competences.map((id) => t.content.release.skills.find((skill) => skill.competenceId === id)!);
    await db.insert(snapshotKnowledgeElements).values(
      skills.map((skill, i) => ({
        participationId: latest.id,
        skillId: skill.id,
        tubeId: skill.tubeId,
        competenceId: skill.competenceId,
        status: 'validated',
        source: 'direct',
        earnedPix: 8,
        knowledgeElementId: 100 + i,
        createdAt: base,
      })),
    );
    await participation(campaign.id, s.ines, 'SHARED', { createdAt: base, pixScore: 12, isCertifiable: false });
    await participation(campaign.id, s.louis, 'TO_SHARE', { createdAt: base });

    const agent = await signedIn(s.team.member.email);
    const summary = await agent.get<ResultsSummary>(`/api/campaigns/${campaign.id}/results/summary`);
    expect(summary.body).toMatchObject({ campaignType: 'PROFILES_COLLECTION', participantCount: 2, certifiableCount: 1, averageMastery: null, stages: [], badges: [] });
    const page = await agent.get<ResultsPage>(`/api/campaigns/${campaign.id}/results`);
    expect(page.body.items.map((r) => [r.firstName, r.pixScore, r.pixEvolution, r.isCertifiable, r.certifiableCompetenceCount, r.sharingCount, r.mastery])).toEqual([
      ['Charles', 48, 18, true, 5, 2, null],
      ['Inès', 12, null, false, 0, 1, null],
    ]);
    expect((await agent.get<ResultsPage>(`/api/campaigns/${campaign.id}/results?certifiable=no`)).body.items.map((r) => r.firstName)).toEqual(['Inès']);
    const activity = await agent.get<ActivitySummary>(`/api/campaigns/${campaign.id}/activity`);
    expect(activity.body).toMatchObject({ participantCount: 3, sharedCount: 2 });
  });
});
