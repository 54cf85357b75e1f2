import type { ActivityPage, ActivityQueryValues, ActivityRow, ActivitySummary } from '@jalon/contracts';
import { PARTICIPATION_STATUSES } from '@jalon/contracts';
import { percentHalfUp } from '@jalon/engine';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';
import { inIds } from '../../platform/db/sql-lists';
import { testedCampaignSkills } from '../assessment';
import { campaignContext, iso, learnerConditions, whereAll, type CampaignContext } from './campaign-context';

type Status = ActivityRow['status'];

/**
 * The « Participants » tab's cards, donut and per-day series (`analytics-and-exports.md` §2).
 * Cards count learners with a live participation, and those with a live sent one; the donut
 * sorts learners by the status of their current participation (neither improved nor
 * deleted); a learner's day is that of their first start, or first sending.
 */
export async function activitySummary(executor: Executor, campaignId: string, now: Date): Promise<ActivitySummary> {
  const campaign = await campaignContext(executor, campaignId);
  const tz = campaign.timeZone;
  // One pass over the campaign's live participations, grouped per learner, feeds every figure:
  // a learner has a live sent participation iff their first sending is set (status SHARED ⇔
  // shared_at, a check constraint), and at most one current one (a unique index), whose status
  // the donut counts. Before, five queries each scanned the participations again.
  const rows = await queryRows<{ kind: 'started' | 'shared' | 'status' | 'division' | 'group' | 'range'; key: string; key2: string | null; n: number }>(
    executor,
    sql`with learners as materialized (
          select organization_learner_id, min(created_at) as started_at, min(shared_at) as shared_at,
                 min(status) filter (where not is_improved) as current_status
          from participations where campaign_id = ${campaignId} and deleted_at is null
          group by organization_learner_id
        ), classes as (
          select ol.division, ol."group" from learners l join organization_learners ol on ol.id = l.organization_learner_id
          where l.current_status is not null
        ), started as (
          select (started_at at time zone ${tz})::date as day, count(*)::int as n from learners group by 1
        ), shared as (
          select (shared_at at time zone ${tz})::date as day, count(*)::int as n from learners where shared_at is not null group by 1
        )
        select kind, key, key2, n from (
          select 'started' as kind, to_char(day, 'YYYY-MM-DD') as key, null as key2, n from started
          union all
          select 'shared', to_char(day, 'YYYY-MM-DD'), null, n from shared
          union all
          select 'status', current_status, null, count(*)::int from learners where current_status is not null group by 2
          union all
          select 'division', division, null, 0 from classes where division is not null group by 2
          union all
          select 'group', "group", null, 0 from classes where "group" is not null group by 2
          union all
          select 'range', to_char((${campaign.createdAt.toISOString()}::timestamptz at time zone ${tz})::date, 'YYYY-MM-DD'),
                 to_char((${now.toISOString()}::timestamptz at time zone ${tz})::date, 'YYYY-MM-DD'), 0
        ) u
        order by kind, key collate "C"`,
  );
  const of = (kind: (typeof rows)[number]['kind']) => rows.filter((row) => row.kind === kind);
  const byStatus = of('status');
  const current = byStatus.reduce((sum, row) => sum + Number(row.n), 0);
  const statuses = PARTICIPATION_STATUSES.map((status) => {
    const count = Number(byStatus.find((row) => row.key === status)?.n ?? 0);
    return { status, count, percent: current === 0 ? 0 : percentHalfUp(count, current) };
  });

  // Days come sorted (YYYY-MM-DD, byte-wise); the series is cumulative over both kinds.
  const perDay = new Map<string, { started: number; shared: number }>();
  for (const row of [...of('started'), ...of('shared')].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const day = perDay.get(row.key) ?? { started: 0, shared: 0 };
    day[row.kind as 'started' | 'shared'] += Number(row.n);
    perDay.set(row.key, day);
  }
  let started = 0;
  let shared = 0;
  const days = [...perDay].map(([date, day]) => {
    started += day.started;
    shared += day.shared;
    return { date, started, shared };
  });
  const [range] = of('range');
  return {
    campaignType: campaign.type,
    participantCount: started,
    sharedCount: shared,
    statuses,
    from: range!.key,
    to: range!.key2!,
    days,
    divisions: of('division').map((row) => row.key),
    groups: of('group').map((row) => row.key),
  };
}

interface ActivityDbRow {
  participation_id: string;
  organization_learner_id: string;
  user_id: string;
  first_name: string;
  last_name: string;
  division: string | null;
  group: string | null;
  participant_external_id: string | null;
  status: Status;
  created_at: Date | string;
  shared_at: Date | string | null;
  total: number;
}

/** The « Participants » table: one row per learner, their current participation, in the stored name order. */
export async function activityPage(executor: Executor, campaignId: string, query: ActivityQueryValues, now: Date): Promise<ActivityPage> {
  const campaign = await campaignContext(executor, campaignId);
  const conditions = await learnerConditions(executor, campaignId, {
    divisions: query.divisions,
    groups: query.groups,
    search: query.search,
  });
  if (query.status) conditions.push(sql`l.status = ${query.status}`);
  const rows = await queryRows<ActivityDbRow>(
    executor,
    // The page is chosen on narrow rows, then only its rows are read in full: the total over
    // every row made the window keep the whole campaign's wide rows.
    sql`with page as materialized (
          select l.id, ol.sort_key, count(*) over () as total
          from participations l
          join organization_learners ol on ol.id = l.organization_learner_id
          where l.campaign_id = ${campaignId} and l.deleted_at is null and not l.is_improved and ${whereAll(conditions)}
          order by ol.sort_key collate "C", ol.id
          limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
        )
        select l.id as participation_id, l.organization_learner_id, l.user_id, ol.first_name, ol.last_name, ol.division, ol."group",
               l.participant_external_id, l.status, l.created_at, l.shared_at, page.total
        from page
        join participations l on l.id = page.id
        join organization_learners ol on ol.id = l.organization_learner_id
        order by page.sort_key collate "C", ol.id`,
  );
  const progressions = await progressionOf(executor, campaign, rows.filter((row) => row.status === 'STARTED'));
  const activities = await currentActivity(executor, rows.filter((row) => row.status === 'STARTED').map((row) => row.participation_id));
  const counts = await participationCounts(executor, campaignId, rows.map((row) => row.organization_learner_id));
  const items: ActivityRow[] = rows.map((row) => ({
    participationId: row.participation_id,
    organizationLearnerId: row.organization_learner_id,
    firstName: row.first_name,
    lastName: row.last_name,
    division: row.division,
    group: row.group,
    participantExternalId: row.participant_external_id,
    status: row.status,
    progression: row.status === 'STARTED' ? (progressions.get(row.participation_id) ?? 0) : null,
    ...liveFlags(row.status === 'STARTED' ? activities.get(row.participation_id) : undefined, now),
    participationCount: counts.get(row.organization_learner_id) ?? 1,
    createdAt: iso(row.created_at),
    sharedAt: row.shared_at === null ? null : iso(row.shared_at),
  }));
  const total = rows[0] ? Number(rows[0].total) : await countRows(executor, campaignId, conditions);
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/** After this long without an answer a learner who was answering is « Inactif » (`beyond-the-reference.md` §1)… */
const IDLE_AFTER_MS = 5 * 60_000;
/** …as long as their last answer is this recent; older, they simply left the test for later. */
const IDLE_WINDOW_MS = 60 * 60_000;

interface CurrentActivity {
  answers: number;
  lastAnswerAt: Date | null;
  leftPage: boolean;
}

/** The running test of each « En cours » participation of the page: its answers, the last one's time and focus. */
async function currentActivity(executor: Executor, participationIds: string[]): Promise<Map<string, CurrentActivity>> {
  if (participationIds.length === 0) return new Map();
  const rows = await queryRows<{ participation_id: string; answers: number; last_answer_at: Date | string | null; left_page: boolean | null }>(
    executor,
    sql`select a.participation_id, count(an.id)::int as answers, max(an.created_at) as last_answer_at,
               (array_agg(an.focused_out order by an.created_at desc) filter (where an.id is not null))[1] as left_page
        from assessments a left join answers an on an.assessment_id = a.id
        where ${inIds(sql`a.participation_id`, participationIds)} and a.state = 'started'
        group by a.participation_id`,
  );
  return new Map(
    rows.map((row) => [
      row.participation_id,
      { answers: Number(row.answers), lastAnswerAt: row.last_answer_at === null ? null : new Date(row.last_answer_at), leftPage: row.left_page === true },
    ]),
  );
}

function liveFlags(activity: CurrentActivity | undefined, now: Date): Pick<ActivityRow, 'currentQuestion' | 'lastAnswerAt' | 'idle' | 'leftPage'> {
  if (!activity) return { currentQuestion: null, lastAnswerAt: null, idle: false, leftPage: false };
  const silence = activity.lastAnswerAt ? now.getTime() - activity.lastAnswerAt.getTime() : null;
  return {
    currentQuestion: activity.answers + 1,
    lastAnswerAt: activity.lastAnswerAt?.toISOString() ?? null,
    idle: silence !== null && silence >= IDLE_AFTER_MS && silence <= IDLE_WINDOW_MS,
    leftPage: activity.leftPage,
  };
}

/** Live participations of each learner of the page, earlier sendings included; read for the page only. */
async function participationCounts(executor: Executor, campaignId: string, learnerIds: string[]): Promise<Map<string, number>> {
  if (learnerIds.length === 0) return new Map();
  const rows = await queryRows<{ organization_learner_id: string; n: number }>(
    executor,
    sql`select organization_learner_id, count(*)::int as n from participations
        where campaign_id = ${campaignId} and deleted_at is null and ${inIds(sql`organization_learner_id`, learnerIds)}
        group by organization_learner_id`,
  );
  return new Map(rows.map((row) => [row.organization_learner_id, Number(row.n)]));
}

async function countRows(executor: Executor, campaignId: string, conditions: ReturnType<typeof whereAll>[]): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    executor,
    sql`select count(*)::int as n from participations l join organization_learners ol on ol.id = l.organization_learner_id
        where l.campaign_id = ${campaignId} and l.deleted_at is null and not l.is_improved and ${whereAll(conditions)}`,
  );
  return Number(row?.n ?? 0);
}

/** Progression of the page's unsent participations, the one figure read live (§1), in whole percent. */
async function progressionOf(executor: Executor, campaign: CampaignContext, rows: ActivityDbRow[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (rows.length === 0 || campaign.skills.length === 0) return result;
  const tested = await testedCampaignSkills(
    executor,
    campaign,
    rows.map((row) => ({ id: row.participation_id, userId: row.user_id, startedAt: new Date(row.created_at) })),
  );
  for (const [id, count] of tested) result.set(id, percentHalfUp(count, campaign.skills.length));
  return result;
}
