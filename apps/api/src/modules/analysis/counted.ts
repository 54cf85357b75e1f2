import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';
import type { CampaignTube } from './campaign-tubes';
import { inList } from '../../platform/db/sql-lists';

export interface ClassFilter {
  divisions: readonly string[];
  groups: readonly string[];
}

function classCondition(filter: ClassFilter): SQL | null {
  const conditions: SQL[] = [];
  if (filter.divisions.length > 0) conditions.push(inList(sql`ol.division`, filter.divisions));
  if (filter.groups.length > 0) conditions.push(inList(sql`ol."group"`, filter.groups));
  return conditions.length === 0 ? null : sql.join(conditions, sql` and `);
}

/**
 * The participations every result view counts (`analytics-and-exports.md` §1): per learner,
 * the latest shared and non-deleted one — a retry still running leaves the previous sending
 * counted — of learners whose current class or group passes the filter. A subquery of `id`;
 * `learnerPart` keeps only some learners (see `learnerHalves`).
 */
export function countedParticipations(campaignId: string, filter: ClassFilter, learnerPart: SQL = sql`true`): SQL {
  const condition = classCondition(filter);
  // Without a filter the learner's row is not read: every participation has one (foreign key).
  const learners = condition ? sql`join organization_learners ol on ol.id = p.organization_learner_id and ${condition}` : sql``;
  return sql`(
    select distinct on (p.organization_learner_id) p.id
    from participations p ${learners}
    where p.campaign_id = ${campaignId} and p.status = 'SHARED' and p.deleted_at is null and ${learnerPart}
    order by p.organization_learner_id, p.shared_at desc, p.id desc
  )`;
}

/**
 * Two disjoint halves of the learners, by id (random UUIDs, so about even), for
 * `countedParticipations`: PostgreSQL runs the standings query on one core whatever its
 * size, so each half goes to a connection of its own and two cores share it; a learner's
 * participations all fall in the same half, so the latest one per learner is unchanged.
 */
export const learnerHalves: readonly SQL[] = [
  sql`p.organization_learner_id < '80000000-0000-0000-0000-000000000000'::uuid`,
  sql`p.organization_learner_id >= '80000000-0000-0000-0000-000000000000'::uuid`,
];

/** The classes and groups of the learners who sent, unfiltered, byte-wise sorted: the filter's choices. */
export async function classesOfSenders(executor: Executor, campaignId: string): Promise<{ divisions: string[]; groups: string[] }> {
  const rows = await queryRows<{ kind: 'division' | 'group'; value: string }>(
    executor,
    sql`with l as (
          select distinct ol.division, ol."group"
          from participations p join organization_learners ol on ol.id = p.organization_learner_id
          where p.campaign_id = ${campaignId} and p.status = 'SHARED' and p.deleted_at is null
        )
        select kind, value from (
          select 'division' as kind, division as value from l where division is not null
          union
          select 'group' as kind, "group" as value from l where "group" is not null
        ) u
        order by kind, value collate "C"`,
  );
  return {
    divisions: rows.filter((r) => r.kind === 'division').map((r) => r.value),
    groups: rows.filter((r) => r.kind === 'group').map((r) => r.value),
  };
}

/** How many learners hold each standing in each tube: the hardest validated level and the count validated. */
export interface StandingCount {
  tubeId: string;
  reached: number;
  validated: number;
  learners: number;
}

/** Bits per word of the validated-skills set: a PostgreSQL bigint, aggregated with `bit_or`. */
const WORD = 64;

/**
 * Standings per tube of a set of participations, given as disjoint parts queried at once,
 * from their validated snapshot elements on the campaign's skills.
 *
 * Each learner's validated campaign skills are folded in SQL into a bit set (one bigint per
 * 64 skills), and learners with the same set are counted together: a single pass over the
 * snapshot rows with one small group per learner, where grouping by learner and tube then
 * by standing cost twice as much on a 10,000-learner campaign. The bits are read back here,
 * per tube (its skills are contiguous bits): the hardest validated level and the count
 * validated. A learner with nothing validated in a tube has no standing in it.
 */
export async function standingCounts(executor: Executor, tubes: readonly CampaignTube[], participationIdParts: readonly SQL[]): Promise<StandingCount[]> {
  const skills: { skill_id: string; w: number; bit: number }[] = [];
  const firstBit: number[] = [];
  let bit = 0;
  for (const tube of tubes) {
    // One skill per level 1–8 (the engine's rule): a tube's bits fit in one 32-bit half, read at once below.
    if (tube.skillIds.length > 8) throw new RangeError(`tube ${tube.id} has more than one skill per level`);
    if ((bit % 32) + tube.skillIds.length > 32) bit += 32 - (bit % 32);
    firstBit.push(bit);
    for (const skillId of tube.skillIds) {
      skills.push({ skill_id: skillId, w: Math.floor(bit / WORD), bit: bit % WORD });
      bit++;
    }
  }
  if (skills.length === 0) return [];
  const words = Array.from({ length: Math.ceil(bit / WORD) }, (_, w) => w);
  // Column names built from integers only.
  const word = (w: number) => sql.raw(`m${w}`);
  // Each set goes out as 32-bit halves (exact as numbers), read here with plain number operations.
  const half = (h: number) => sql.raw(`h${h}`);
  const query = (participationIds: SQL) =>
    queryRows<Record<string, string | number | null>>(
      executor,
      sql`with cs as (
          select skill_id, w, 1::bigint << bit as b
          from jsonb_to_recordset(${JSON.stringify(skills)}::jsonb) as x(skill_id text, w int, bit int)
        ),
        sets as (
          select ${sql.join(
            words.map((w) => sql`bit_or(cs.b) filter (where cs.w = ${w}) as ${word(w)}`),
            sql`, `,
          )}
          from snapshot_knowledge_elements s
          join cs on cs.skill_id = s.skill_id
          where s.participation_id in ${participationIds} and s.status = 'validated'
          group by s.participation_id
        )
        select ${sql.join(
          words.map((w) => sql`${word(w)} & 4294967295 as ${half(2 * w)}, (${word(w)} >> 32) & 4294967295 as ${half(2 * w + 1)}`),
          sql`, `,
        )}, count(*) as learners
        from sets group by ${sql.join(words.map(word), sql`, `)}`,
    );
  const rows = (await Promise.all(participationIdParts.map(query))).flat();

  // Learners per (tube, reached, validated), in a flat array: up to ten thousand distinct sets
  // times the tubes, so no key strings; each tube's bits index a table of their standing.
  const maxLevel = Math.max(...tubes.map((t) => t.maxLevel));
  const maxValidated = Math.max(...tubes.map((t) => t.levels.length));
  const slot = (t: number, reached: number, validated: number) => (t * (maxLevel + 1) + reached) * (maxValidated + 1) + validated;
  const learners = new Float64Array(tubes.length * (maxLevel + 1) * (maxValidated + 1));
  const slotOf = tubes.map((tube, t) =>
    Int32Array.from({ length: 1 << tube.levels.length }, (_, field) => {
      let reached = 0;
      let validated = 0;
      tube.levels.forEach((level, j) => {
        if ((field >>> j) & 1) {
          validated++;
          reached = Math.max(reached, level);
        }
      });
      return slot(t, reached, validated);
    }),
  );
  const fieldMask = tubes.map((tube) => (1 << tube.levels.length) - 1);
  const halves = new Array<number>(words.length * 2);
  for (const row of rows) {
    for (let h = 0; h < halves.length; h++) halves[h] = Number(row[`h${h}`] ?? 0);
    const count = Number(row.learners);
    for (let t = 0; t < tubes.length; t++) {
      const field = (halves[firstBit[t]! >>> 5]! >>> (firstBit[t]! & 31)) & fieldMask[t]!;
      // Nothing validated in the tube: no standing there.
      if (field !== 0) learners[slotOf[t]![field]!]! += count;
    }
  }
  const standings: StandingCount[] = [];
  tubes.forEach((tube, t) => {
    for (let reached = 0; reached <= maxLevel; reached++)
      for (let validated = 1; validated <= maxValidated; validated++) {
        const n = learners[slot(t, reached, validated)]!;
        if (n > 0) standings.push({ tubeId: tube.id, reached, validated, learners: n });
      }
  });
  return standings;
}

export async function countOf(executor: Executor, participationIds: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(executor, sql`select count(*) as n from ${participationIds} c`);
  return Number(row?.n ?? 0);
}
