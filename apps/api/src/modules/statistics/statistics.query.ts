import type { OrganizationStatistics } from '@jalon/contracts';
import type { Release } from '@jalon/content';
import { levelBand, percentHalfUp } from '@jalon/engine';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { queryRows, type Db } from '../../platform/db/database';
import { inList } from '../../platform/db/sql-lists';
import { AppError } from '../../platform/http/errors';
import { wallClock } from '../../platform/time-zone';

/** Figures are computed at most this often per selection (`analytics-and-exports.md` §7). */
const STATISTICS_CACHE_MS = 10 * 60_000;

export interface StatisticsDeps {
  db: Db;
  clock: Clock;
  release: Release;
}

export interface StatisticsSelection {
  schoolYear?: number | undefined;
  divisions: string[];
  groups: string[];
}

interface TubeRow {
  tube_id: string;
  reached_sum: number;
  learners: number;
  /** Learners with a sent result in the selection, the same on every row. */
  senders: number;
}

/** The school year (starting 1 September) that `instant` falls in, in `timeZone`. */
export function schoolYearOf(instant: Date, timeZone: string): number {
  const { year, month } = wallClock(instant, timeZone);
  return month >= 9 ? year : year - 1;
}

/** A mean level's band, on its floor; the tolerance keeps 2.9999999… (a float mean of 3) in band 3. */
const bandOf = (mean: number) => levelBand(Math.floor(mean + 1e-9), 1);

/**
 * Positioning of the organization's learners per tube: for each learner and tube, the most
 * recent sent, non-deleted participation of an ASSESSMENT campaign whose snapshot holds the
 * tube, its reached level (highest validated skill), averaged over learners.
 */
export function createStatistics(deps: StatisticsDeps) {
  const cache = new Map<string, { at: number; value: OrganizationStatistics }>();

  async function compute(organizationId: string, selection: StatisticsSelection): Promise<OrganizationStatistics> {
    const [organization] = await queryRows<{ time_zone: string }>(deps.db, sql`select time_zone from organizations where id = ${organizationId}`);
    if (!organization) throw new AppError('ORGANIZATION_NOT_FOUND');
    const timeZone = organization.time_zone;
    const schoolYear = selection.schoolYear ?? schoolYearOf(deps.clock.now(), timeZone);
    const classConditions = [
      ...(selection.divisions.length ? [inList(sql`ol.division`, selection.divisions)] : []),
      ...(selection.groups.length ? [inList(sql`ol."group"`, selection.groups)] : []),
    ];
    // The sent, non-deleted participations of the organization's assessments in the school year and classes.
    const sent = sql`
        select p.id, p.organization_learner_id, p.shared_at, p.campaign_id
        from participations p
        join campaigns c on c.id = p.campaign_id
        join organization_learners ol on ol.id = p.organization_learner_id
        where c.organization_id = ${organizationId} and c.type = 'ASSESSMENT'
          and p.status = 'SHARED' and p.deleted_at is null
          and p.shared_at >= make_timestamptz(${schoolYear}, 9, 1, 0, 0, 0, ${timeZone})
          and p.shared_at < make_timestamptz(${schoolYear + 1}, 9, 1, 0, 0, 0, ${timeZone})
          ${classConditions.length ? sql`and ${sql.join(classConditions, sql` and `)}` : sql``}`;
    const rows = await queryRows<TubeRow>(
      deps.db,
      sql`
      with sent as (${sent}), latest as (
        select distinct on (s.organization_learner_id, k.tube_id) s.organization_learner_id, k.tube_id, s.id as participation_id, s.campaign_id
        from sent s join snapshot_knowledge_elements k on k.participation_id = s.id
        order by s.organization_learner_id, k.tube_id, s.shared_at desc, s.id
      ), reached as (
        select l.tube_id, coalesce(max(cs.level) filter (where k.status = 'validated'), 0) as reached
        from latest l
        join snapshot_knowledge_elements k on k.participation_id = l.participation_id and k.tube_id = l.tube_id
        join campaign_skills cs on cs.campaign_id = l.campaign_id and cs.skill_id = k.skill_id
        group by l.tube_id, l.organization_learner_id
      )
      select tube_id, sum(reached)::int as reached_sum, count(*)::int as learners,
             (select count(distinct organization_learner_id) from sent)::int as senders
      from reached group by tube_id`,
    );
    // The school year of 31 August is that of the previous 1 September: eight months back is in its first calendar year.
    const years = await queryRows<{ year: number }>(
      deps.db,
      sql`select distinct extract(year from (p.shared_at at time zone ${timeZone}) - interval '8 months')::int as year
          from participations p join campaigns c on c.id = p.campaign_id
          where c.organization_id = ${organizationId} and c.type = 'ASSESSMENT' and p.status = 'SHARED' and p.deleted_at is null
          order by 1 desc`,
    );
    const classLists = await queryRows<{ division: string | null; group: string | null }>(
      deps.db,
      sql`select distinct division, "group" from organization_learners where organization_id = ${organizationId} and deleted_at is null`,
    );

    const byTube = new Map(rows.map((row) => [row.tube_id, row]));
    const { release } = deps;
    const areas = release.areas.map((area) => ({
      id: area.id,
      code: area.code,
      title: area.title,
      color: area.color,
      competences: area.competenceIds.flatMap((competenceId) => {
        const competence = release.competences.find((c) => c.id === competenceId);
        if (!competence) return [];
        const tubes = release.tubes
          .filter((tube) => tube.competenceId === competenceId && byTube.has(tube.id) && tube.maxLevel > 0)
          .map((tube) => {
            const row = byTube.get(tube.id)!;
            return {
              id: tube.id,
              practicalTitle: tube.practicalTitle,
              learnerCount: row.learners,
              gauge: {
                meanLevel: row.reached_sum / row.learners,
                meanMaxLevel: tube.maxLevel,
                percent: percentHalfUp(row.reached_sum, row.learners * tube.maxLevel),
                band: levelBand(row.reached_sum, row.learners),
              },
            };
          });
        const meanLevel = tubes.length ? tubes.reduce((sum, tube) => sum + tube.gauge.meanLevel, 0) / tubes.length : 0;
        const meanMaxLevel = tubes.length ? tubes.reduce((sum, tube) => sum + tube.gauge.meanMaxLevel, 0) / tubes.length : 0;
        const gauge = { meanLevel, meanMaxLevel, percent: meanMaxLevel ? Math.floor((100 * meanLevel) / meanMaxLevel + 0.5 + 1e-9) : 0, band: bandOf(meanLevel) };
        return [{ id: competence.id, index: competence.index, name: competence.name, gauge, tubes }];
      }),
    }));
    const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();
    return {
      schoolYear,
      schoolYears: years.map((y) => Number(y.year)),
      divisions: distinct(classLists.map((c) => c.division)),
      groups: distinct(classLists.map((c) => c.group)),
      learnerCount: rows[0]?.senders ?? 0,
      areas,
      computedAt: deps.clock.now().toISOString(),
    };
  }

  return async function organizationStatistics(organizationId: string, selection: StatisticsSelection): Promise<OrganizationStatistics> {
    const key = JSON.stringify([organizationId, selection.schoolYear ?? null, [...selection.divisions].sort(), [...selection.groups].sort()]);
    const now = deps.clock.now().getTime();
    const cached = cache.get(key);
    if (cached && now - cached.at < STATISTICS_CACHE_MS && now >= cached.at) return cached.value;
    const value = await compute(organizationId, selection);
    // Expired selections go as new ones come, so the cache holds at most ten minutes of them.
    for (const [old, entry] of cache) if (now - entry.at >= STATISTICS_CACHE_MS || now < entry.at) cache.delete(old);
    cache.set(key, { at: now, value });
    return value;
  };
}
