import type { ResultRow, ResultsPage, ResultsQueryValues, ResultsSummary } from '@jalon/contracts';
import type { ReleaseStage } from '@jalon/content';
import {
  competenceId,
  epochMs,
  percentHalfUp,
  pix,
  profileScore,
  resolveStages,
  roundHalfUp,
  skillId,
  type CompetenceId,
  type ResolvedStage,
  type StoredKnowledgeElement,
} from '@jalon/engine';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';
import { engineStage } from '../catalogue';
import { inIds, inList } from '../../platform/db/sql-lists';
import { campaignContext, iso, learnerConditions, whereAll, type CampaignContext } from './campaign-context';
import { masteryPrecision, standardError, type Observation } from './precision';

interface BadgeFile {
  key: string;
  title: string;
  imageUrl: string;
}

interface Profile {
  stages: ReleaseStage[];
  badges: BadgeFile[];
  /** The stages in display order with their thresholds on the campaign's skills; index = stars. */
  ordered: ResolvedStage[];
}

async function profileOf(executor: Executor, campaign: CampaignContext): Promise<Profile> {
  if (!campaign.targetProfileId) return { stages: [], badges: [], ordered: [] };
  const [row] = await queryRows<{ stages: ReleaseStage[]; badges: BadgeFile[] }>(
    executor,
    sql`select stages, badges from target_profiles where id = ${campaign.targetProfileId}`,
  );
  const stages = row?.stages ?? [];
  const ordered = resolveStages(
    stages.map(engineStage),
    campaign.skills.map((s) => ({ id: skillId(s.id), level: s.level })),
  );
  return { stages, badges: row?.badges ?? [], ordered };
}

/**
 * Per learner, the latest sent, non-deleted participation (`analytics-and-exports.md` §1),
 * with the previous sending for the evolution and the number of sendings, for the `learners`
 * subquery's learners (a page of the table). One sort and `lead()`:
 * a self-join on the second sending made PGlite, which has no statistics, nest-loop the
 * whole campaign against itself (0.6 s for 2,000 participations).
 */
function countedParticipations(campaignId: string, learners: SQL): SQL {
  return sql`counted as (
      select * from (
        select p.id, p.organization_learner_id, p.participant_external_id, p.shared_at, p.validated_skills_count, p.pix_score,
               p.is_certifiable, p.reached_stage_id,
               row_number() over latest as rn,
               count(*) over (partition by p.organization_learner_id) as sharing_count,
               lead(p.validated_skills_count) over latest as previous_validated,
               lead(p.pix_score) over latest as previous_pix
        from participations p
        where p.campaign_id = ${campaignId} and p.deleted_at is null and p.status = 'SHARED'
          and p.organization_learner_id in ${learners}
        window latest as (partition by p.organization_learner_id order by p.shared_at desc, p.id desc)
      ) ranked
      where rn = 1
    )`;
}

/** `round(100 × validated / skills)` in integers, as the engine's `percentHalfUp` computes it. */
function masteryPercentSql(skillCount: number): SQL {
  return skillCount === 0 ? sql`0` : sql`((200 * coalesce(c.validated_skills_count, 0) + ${skillCount}::int) / (2 * ${skillCount}::int))`;
}

/**
 * The counted participation of every learner, for the summary's totals: `distinct on` rather
 * than a window, so that the planner expects one row per learner (and hashes them to meet the
 * badges instead of looking each one up).
 */
const latestSendings = (campaignId: string) =>
  sql`(select distinct on (p.organization_learner_id) p.id, p.organization_learner_id, p.validated_skills_count, p.reached_stage_id, p.is_certifiable
       from participations p
       where p.campaign_id = ${campaignId} and p.deleted_at is null and p.status = 'SHARED'
       order by p.organization_learner_id, p.shared_at desc, p.id desc)`;

/** Learners with a live sent participation: exactly those counted (§1). */
const sharedLearners = (campaignId: string) =>
  sql`(select organization_learner_id from participations where campaign_id = ${campaignId} and deleted_at is null and status = 'SHARED')`;

/** The « Résultats » cards and charts (§3), from the values stored at share only. */
export async function resultsSummary(executor: Executor, campaignId: string): Promise<ResultsSummary> {
  const campaign = await campaignContext(executor, campaignId);
  const profile = await profileOf(executor, campaign);
  // Mastery, stage and certifiability groups, badge counts, and the classes and groups of the
  // filters, from one computation of the counted participations (before: four scans).
  const rows = await queryRows<{
    kind: 'division' | 'group' | 'mastery' | 'badge';
    validated: number;
    key: string | null;
    certifiable: number;
    n: number;
  }>(
    executor,
    sql`with counted as materialized ${latestSendings(campaignId)},
        classes as (select ol.division, ol."group" from counted c join organization_learners ol on ol.id = c.organization_learner_id)
        select * from (
        select 'mastery' as kind, coalesce(c.validated_skills_count, 0) as validated, c.reached_stage_id as key,
               (count(*) filter (where c.is_certifiable))::int as certifiable, count(*)::int as n
        from counted c group by 2, 3
        union all
        select 'badge', 0, b.badge_key, 0, count(*)::int
        from participation_badges b where b.obtained and b.participation_id in (select id from counted) group by b.badge_key
        union all
        select 'division', 0, division, 0, 0 from classes where division is not null group by 3
        union all
        select 'group', 0, "group", 0, 0 from classes where "group" is not null group by 3
        ) u
        order by kind, key collate "C"`,
  );
  const empty: ResultsSummary = {
    campaignType: campaign.type,
    participantCount: 0,
    averageMastery: null,
    averageMasteryError: null,
    averageStars: null,
    totalStars: null,
    stages: [],
    badges: [],
    masteryBands: [],
    certifiableCount: null,
    divisions: rows.filter((row) => row.kind === 'division').map((row) => row.key!),
    groups: rows.filter((row) => row.kind === 'group').map((row) => row.key!),
  };
  const masteryRows = rows.filter((row) => row.kind === 'mastery');

  if (campaign.type === 'PROFILES_COLLECTION') {
    return {
      ...empty,
      participantCount: masteryRows.reduce((sum, row) => sum + Number(row.n), 0),
      certifiableCount: masteryRows.reduce((sum, row) => sum + Number(row.certifiable), 0),
    };
  }

  const groups = masteryRows.map((row) => ({ validated: row.validated, stage_id: row.key, n: row.n }));
  const badgeRows = rows.filter((row) => row.kind === 'badge').map((row) => ({ badge_key: row.key!, n: row.n }));
  const skillCount = campaign.skills.length;
  const n = groups.reduce((sum, g) => sum + Number(g.n), 0);
  const percents = groups.flatMap((g) => Array<number>(Number(g.n)).fill(skillCount === 0 ? 0 : percentHalfUp(Number(g.validated), skillCount)));
  const bands = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, count: 0 }));
  for (const percent of percents) bands[Math.min(9, Math.floor(percent / 10))]!.count++;

  const starsOf = new Map(profile.ordered.map((stage, index) => [stage.id, index]));
  const stageCounts = new Map<string, number>();
  let starSum = 0;
  for (const g of groups) {
    if (g.stage_id === null) continue;
    stageCounts.set(g.stage_id, (stageCounts.get(g.stage_id) ?? 0) + Number(g.n));
    starSum += (starsOf.get(g.stage_id) ?? 0) * Number(g.n);
  }
  const hasStages = profile.ordered.length > 0;

  const sumValidated = groups.reduce((sum, g) => sum + Number(g.validated) * Number(g.n), 0);
  return {
    ...empty,
    participantCount: n,
    averageMastery: n === 0 || skillCount === 0 ? null : percentHalfUp(sumValidated, n * skillCount),
    averageMasteryError: standardError(percents),
    averageStars: hasStages && n > 0 ? roundHalfUp(starSum, n, 1) : null,
    totalStars: hasStages ? profile.ordered.length - 1 : null,
    stages: profile.ordered.map((stage, index) => ({ ...stageTexts(profile, stage.id), id: stage.id, stars: index, count: stageCounts.get(stage.id) ?? 0 })),
    badges: profile.badges.map((badge) => {
      const count = Number(badgeRows.find((row) => row.badge_key === badge.key)?.n ?? 0);
      return { key: badge.key, title: badge.title, imageUrl: badge.imageUrl, count, percent: n === 0 ? 0 : percentHalfUp(count, n) };
    }),
    masteryBands: bands,
  };
}

function stageTexts(profile: Profile, id: string): { title: string; description: string | null } {
  const stage = profile.stages.find((s) => s.id === id);
  return { title: stage?.prescriberTitle ?? stage?.title ?? '', description: stage?.prescriberDescription ?? null };
}

/**
 * The stage filter of §3, on the rounded mastery: stage i holds `[tᵢ, tᵢ₊₁)` (the last up
 * to 100); with a first-skill stage, the zero stage is « nothing validated » and the
 * first-skill stage « something validated, below the next threshold ».
 */
function stageCondition(ordered: ResolvedStage[], index: number, percent: SQL): SQL {
  const stage = ordered[index]!;
  const validated = sql`coalesce(c.validated_skills_count, 0)`;
  const next = ordered.slice(index + 1).find((s) => !s.isFirstSkill)?.threshold;
  const below = next === undefined ? sql`true` : sql`${percent} < ${next}::int`;
  if (index === 0 && ordered.some((s) => s.isFirstSkill)) return sql`${validated} = 0`;
  if (stage.isFirstSkill) return sql`(${validated} > 0 and ${below})`;
  return sql`(${percent} >= ${stage.threshold ?? 0}::int and ${below})`;
}

interface ResultDbRow {
  participation_id: string;
  organization_learner_id: string;
  first_name: string;
  last_name: string;
  division: string | null;
  group: string | null;
  participant_external_id: string | null;
  shared_at: Date | string;
  sharing_count: number;
  validated_skills_count: number | null;
  previous_validated: number | null;
  pix_score: number | null;
  previous_pix: number | null;
  is_certifiable: boolean | null;
  reached_stage_id: string | null;
  total: number;
}

/** The « Résultats » table (§3): one row per counted learner, in the stored name order. */
export async function resultsPage(
  executor: Executor,
  campaignId: string,
  query: ResultsQueryValues,
  coreCompetenceIds: readonly CompetenceId[],
): Promise<ResultsPage> {
  const campaign = await campaignContext(executor, campaignId);
  const profile = await profileOf(executor, campaign);
  const skillCount = campaign.skills.length;
  const percent = masteryPercentSql(skillCount);
  const conditions = await learnerConditions(executor, campaignId, query);
  if (query.badges.length > 0) {
    conditions.push(
      sql`(select count(distinct b.badge_key) from participation_badges b
           where b.participation_id = c.id and b.obtained and ${inList(sql`b.badge_key`, query.badges)}) = ${new Set(query.badges).size}::int`,
    );
  }
  if (query.missingBadges.length > 0) {
    conditions.push(
      sql`not exists (select 1 from participation_badges b where b.participation_id = c.id and b.obtained and ${inList(sql`b.badge_key`, query.missingBadges)})`,
    );
  }
  if (query.stages.length > 0) {
    const chosen = profile.ordered.flatMap((stage, index) => (query.stages.includes(stage.id) ? [stageCondition(profile.ordered, index, percent)] : []));
    conditions.push(chosen.length === 0 ? sql`false` : sql`(${sql.join(chosen, sql` or `)})`);
  }
  if (query.certifiable) conditions.push(sql`coalesce(c.is_certifiable, false) = ${sql.raw(query.certifiable === 'yes' ? 'true' : 'false')}`);
  const filtered = filteredLearners(campaignId, conditions, query.badges.length + query.missingBadges.length + query.stages.length > 0 || !!query.certifiable);

  // The page's learners first, then their sendings only: ranking every sending of the
  // campaign to show fifty rows cost a sort of all of them and a join of all to their names.
  const rows = await queryRows<ResultDbRow>(
    executor,
    sql`with page as materialized (
          select ol.id, ol.first_name, ol.last_name, ol.division, ol."group", ol.sort_key, count(*) over () as total
          ${filtered}
          order by ol.sort_key collate "C", ol.id
          limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
        ), ${countedParticipations(campaignId, sql`(select id from page)`)}
        select c.id as participation_id, c.organization_learner_id, page.first_name, page.last_name, page.division, page."group",
               c.participant_external_id, c.shared_at, c.sharing_count, c.validated_skills_count, c.previous_validated,
               c.pix_score, c.previous_pix, c.is_certifiable, c.reached_stage_id, page.total
        from page
        join counted c on c.organization_learner_id = page.id
        order by page.sort_key collate "C", page.id`,
  );
  const ids = rows.map((row) => row.participation_id);
  const isProfile = campaign.type === 'PROFILES_COLLECTION';
  const badges = isProfile ? new Map<string, string[]>() : await obtainedBadges(executor, ids);
  const precisions = isProfile ? new Map<string, Observation[]>() : await directObservations(executor, campaign, ids);
  const certifiable = isProfile ? await certifiableCompetences(executor, ids, coreCompetenceIds) : new Map<string, number>();
  const starsOf = new Map(profile.ordered.map((stage, index) => [stage.id, index]));
  const masteryOf = (validated: number | null) => (validated === null || skillCount === 0 ? null : percentHalfUp(validated, skillCount));
  const levels = campaign.skills.map((s) => s.level);

  const items: ResultRow[] = rows.map((row) => {
    const mastery = isProfile ? null : masteryOf(row.validated_skills_count);
    const previous = isProfile ? null : masteryOf(row.previous_validated);
    return {
      participationId: row.participation_id,
      organizationLearnerId: row.organization_learner_id,
      firstName: row.first_name,
      lastName: row.last_name,
      division: row.division,
      group: row.group,
      participantExternalId: row.participant_external_id,
      sharedAt: iso(row.shared_at),
      sharingCount: Number(row.sharing_count),
      mastery,
      stars: row.reached_stage_id === null ? null : (starsOf.get(row.reached_stage_id) ?? null),
      evolution: mastery === null || previous === null ? null : mastery > previous ? 'UP' : mastery < previous ? 'DOWN' : 'STABLE',
      badges: badges.get(row.participation_id) ?? [],
      precision: isProfile ? null : masteryPrecision(precisions.get(row.participation_id) ?? [], levels),
      pixScore: isProfile ? row.pix_score : null,
      pixEvolution: isProfile && row.pix_score !== null && row.previous_pix !== null ? row.pix_score - row.previous_pix : null,
      isCertifiable: isProfile ? row.is_certifiable : null,
      certifiableCompetenceCount: isProfile ? (certifiable.get(row.participation_id) ?? 0) : null,
    };
  });
  const total = rows[0] ? Number(rows[0].total) : await countFiltered(executor, filtered);
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/**
 * `from … where …` over the counted learners (those with a live sent participation) that
 * pass the filters, as `ol`; when a filter reads the counted participation (badges, stages,
 * certifiability), that latest sending is joined as `c`, one index lookup per learner.
 */
function filteredLearners(campaignId: string, conditions: SQL[], needsCounted: boolean): SQL {
  const counted = needsCounted
    ? sql`cross join lateral (
            select p.id, p.validated_skills_count, p.is_certifiable from participations p
            where p.campaign_id = ${campaignId} and p.organization_learner_id = ol.id and p.deleted_at is null and p.status = 'SHARED'
            order by p.shared_at desc, p.id desc limit 1
          ) c`
    : sql``;
  return sql`from organization_learners ol ${counted}
        where ol.id in ${sharedLearners(campaignId)} and ${whereAll(conditions)}`;
}

async function countFiltered(executor: Executor, filtered: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(executor, sql`select count(*)::int as n ${filtered}`);
  return Number(row?.n ?? 0);
}

async function obtainedBadges(executor: Executor, participationIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (participationIds.length === 0) return result;
  const rows = await queryRows<{ participation_id: string; badge_key: string }>(
    executor,
    sql`select participation_id, badge_key from participation_badges
        where obtained and ${inIds(sql`participation_id`, participationIds)} order by badge_key collate "C"`,
  );
  for (const row of rows) result.set(row.participation_id, [...(result.get(row.participation_id) ?? []), row.badge_key]);
  return result;
}

/**
 * The snapshot's direct answers on the campaign's skills, what the « ± » is measured from.
 * The skills' levels come from the campaign already read, rather than from a join that a
 * planner without statistics ran as one index lookup per (skill, participation).
 */
async function directObservations(executor: Executor, campaign: CampaignContext, participationIds: string[]): Promise<Map<string, Observation[]>> {
  const result = new Map<string, Observation[]>();
  if (participationIds.length === 0) return result;
  const levelOf = new Map(campaign.skills.map((skill) => [skill.id, skill.level]));
  const rows = await queryRows<{ participation_id: string; skill_id: string; status: string }>(
    executor,
    sql`select s.participation_id, s.skill_id, s.status
        from snapshot_knowledge_elements s
        where s.source = 'direct' and ${inIds(sql`s.participation_id`, participationIds)}`,
  );
  for (const row of rows) {
    const level = levelOf.get(row.skill_id);
    if (level === undefined) continue;
    const list = result.get(row.participation_id) ?? [];
    list.push({ level, validated: row.status === 'validated' });
    result.set(row.participation_id, list);
  }
  return result;
}

/** Certifiable competences of a sent profile, scored from its snapshot as the share scored it. */
async function certifiableCompetences(
  executor: Executor,
  participationIds: string[],
  coreCompetenceIds: readonly CompetenceId[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (participationIds.length === 0) return result;
  const rows = await queryRows<{
    participation_id: string;
    knowledge_element_id: number;
    skill_id: string;
    competence_id: string;
    status: StoredKnowledgeElement['status'];
    source: StoredKnowledgeElement['source'];
    earned_pix: number;
    created_at: Date | string;
  }>(
    executor,
    sql`select participation_id, knowledge_element_id, skill_id, competence_id, status, source, earned_pix, created_at
        from snapshot_knowledge_elements where ${inIds(sql`participation_id`, participationIds)}`,
  );
  const byParticipation = new Map<string, StoredKnowledgeElement[]>();
  for (const row of rows) {
    const list = byParticipation.get(row.participation_id) ?? [];
    list.push({
      id: Number(row.knowledge_element_id),
      createdAt: epochMs(new Date(row.created_at).getTime()),
      skillId: skillId(row.skill_id),
      competenceId: competenceId(row.competence_id),
      source: row.source,
      status: row.status,
      earnedPix: pix(Number(row.earned_pix)),
    });
    byParticipation.set(row.participation_id, list);
  }
  for (const id of participationIds) result.set(id, profileScore(byParticipation.get(id) ?? [], coreCompetenceIds).certifiableCompetenceCount);
  return result;
}
