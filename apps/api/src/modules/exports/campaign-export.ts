import type { CampaignExportQuery } from '@jalon/contracts';
import type { Release, ReleaseStage } from '@jalon/content';
import {
  certifiableCompetenceCount,
  competenceId,
  competenceScores,
  DEFAULT_MAX_REACHABLE_LEVEL,
  pix,
  resolveStages,
  skillId,
  type CompetenceId,
  type CompetenceScore,
  type SkillId,
} from '@jalon/engine';
import { sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { queryRows, type Database, type Executor } from '../../platform/db/database';
import { inList } from '../../platform/db/sql-lists';
import { AppError } from '../../platform/http/errors';
import { testedCampaignSkills } from '../assessment';
import { engineStage } from '../catalogue';
import { readInBatches } from './batches';
import {
  BOM,
  SEPARATOR,
  csvDate,
  csvInteger,
  csvLine,
  csvRate,
  csvText,
  csvYesNo,
  localDate,
  NA,
  resultsFileName,
} from './csv';

export interface ExportDeps {
  database: Database;
  clock: Clock;
  release: Release;
}

/** Participations read per batch: a few hundred kilobytes of rows, snapshots and written lines at most. */
const BATCH_SIZE = 500;

type CampaignType = 'ASSESSMENT' | 'PROFILES_COLLECTION' | 'EXAM';

interface CampaignSkill {
  skillId: SkillId;
  competenceId: string;
  level: number;
}

interface ExportCampaign {
  id: string;
  name: string;
  code: string;
  type: CampaignType;
  externalIdLabel: string | null;
  organizationName: string;
  organizationType: string;
  isManagingStudents: boolean;
  timeZone: string;
  targetProfileName: string | null;
  /** In display order, with their thresholds on the campaign's skills. */
  stageIds: string[];
  badges: { key: string; title: string }[];
  showSkills: boolean;
  skills: CampaignSkill[];
}

interface ParticipationRow {
  id: string;
  learner_id: string;
  sort_key: string;
  /** `created_at` as the database writes it: a keyset key without the microseconds a Date would lose. */
  created_key: string;
  user_id: string;
  first_name: string;
  last_name: string;
  division: string | null;
  group: string | null;
  student_number: string | null;
  participant_external_id: string | null;
  status: 'STARTED' | 'TO_SHARE' | 'SHARED';
  created_at: Date | string;
  shared_at: Date | string | null;
  validated_skills_count: number | null;
  pix_score: number | null;
  is_certifiable: boolean | null;
  reached_stage_id: string | null;
  /**
   * Assessment, once sent: the snapshot's validated skill ids (invalidated ones only with
   * SHOW_SKILLS), joined by {@link ID_SEPARATOR}.
   */
  snapshot_validated?: string | null;
  snapshot_invalidated?: string | null;
  /** Assessment, once sent: the keys of the badges stored at share, obtained and not, joined by {@link ID_SEPARATOR}. */
  badges_obtained?: string | null;
  badges_missed?: string | null;
  /** Profile collection, once sent: the snapshot's pix per competence, summed but not yet floored or capped. */
  competence_pix?: Record<string, number> | null;
}

type RowKey = Pick<ParticipationRow, 'sort_key' | 'learner_id' | 'created_key' | 'id'>;

/**
 * A participation with what was read about it, ready to be written. One object per export,
 * filled again for each row: the arrays are indexed by campaign skill, column group and badge.
 */
interface Line {
  row: ParticipationRow;
  /** Assessment, once sent: each campaign skill's status in the snapshot. */
  skills: Uint8Array;
  /** Assessment, once sent: validated campaign skills per competence, then per area ({@link SkillGroups}). */
  validatedIn: Int32Array;
  /** Assessment, once sent: each campaign badge's result as stored at share. */
  badges: Uint8Array;
  /** Profile collection, once sent: the core competences, floored and capped as at share. */
  profile: Map<CompetenceId, CompetenceScore> | null;
  /** An unsent test: campaign skills tested so far, live, under the 4-day rule. */
  tested: number;
}

/** {@link Line.skills} and {@link Line.badges}: nothing stored (`Non testé`, `NA`), validated or obtained, invalidated or not obtained. */
const ABSENT = 0;
const YES = 1;
const NO = 2;

/**
 * Skill and badge ids are joined by `,` in the SQL aggregates: a string is far cheaper for
 * PostgreSQL to build than a JSON array. The content linter keeps `,` out of them (L01).
 */
const ID_SEPARATOR = ',';

/** The competences, then the areas, of the campaign's skills: a column group each. */
interface SkillGroups {
  competences: { name: string; skills: number[] }[];
  areas: { name: string; skills: number[] }[];
  /** Campaign skill index → the groups it counts in (indices of competences then areas). */
  ofSkill: number[][];
}

/** One field of each line, or adjacent fields written at once (their values joined by SEPARATOR). */
interface Column {
  header: string | readonly string[];
  value(line: Line): string;
  /** Set when the value is the same on every line: adjacent ones are then joined once for the file. */
  constant?: string;
}

export interface CampaignExport {
  fileName: string;
  /** The file, read from the database as it is consumed: the header line, then the lines of each batch. */
  lines(): AsyncGenerator<string>;
}

/**
 * « Exporter les résultats (.csv) » (`analytics-and-exports.md` §8.1–8.3): one line per
 * non-deleted participation (every sending), in name order then start date. Everything
 * but `% de progression` comes from the share snapshot and the values computed at share.
 */
export async function campaignExport(deps: ExportDeps, campaignId: string, filter: CampaignExportQuery): Promise<CampaignExport> {
  const campaign = await loadCampaign(deps.database.db, deps.release, campaignId);
  const isCollection = campaign.type === 'PROFILES_COLLECTION';
  const coreCompetenceIds = deps.release.competences.filter((c) => c.origin === 'jalon').map((c) => competenceId(c.id));
  const groups = skillGroups(campaign, deps.release);
  const columns = joinConstants(isCollection ? profileCollectionColumns(campaign, deps.release) : assessmentColumns(campaign, groups));
  const skillIndex = new Map(campaign.skills.map((s, i) => [s.skillId as string, i]));
  const badgeIndex = new Map(campaign.badges.map((b, i) => [b.key, i]));
  const line: Line = {
    row: undefined as unknown as ParticipationRow,
    skills: new Uint8Array(campaign.skills.length),
    validatedIn: new Int32Array(groups.competences.length + groups.areas.length),
    badges: new Uint8Array(campaign.badges.length),
    profile: null,
    tested: 0,
  };
  /** Marks each listed campaign skill (other snapshot skills are not columns) and counts the validated ones per group. */
  const markSkills = (ids: string | null | undefined, status: number) => {
    if (!ids) return;
    for (const id of ids.split(ID_SEPARATOR)) {
      const index = skillIndex.get(id);
      if (index === undefined || line.skills[index] !== ABSENT) continue;
      line.skills[index] = status;
      if (status === YES) for (const group of groups.ofSkill[index]!) line.validatedIn[group]! += 1;
    }
  };
  const markBadges = (keys: string | null | undefined, result: number) => {
    if (!keys) return;
    for (const key of keys.split(ID_SEPARATOR)) {
      const index = badgeIndex.get(key);
      if (index !== undefined) line.badges[index] = result;
    }
  };
  return {
    fileName: resultsFileName(campaign.name, campaign.id, localDate(deps.clock.now(), campaign.timeZone)),
    async *lines() {
      yield BOM + csvLine(columns.flatMap((column) => column.header).map(csvText));
      const query = (after: RowKey | null, limit: number | null) => participationsQuery(campaign, filter, after, limit);
      const keyOf = ({ sort_key, learner_id, created_key, id }: ParticipationRow): RowKey => ({ sort_key, learner_id, created_key, id });
      for await (const { rows, executor } of readInBatches(deps.database, query, keyOf, BATCH_SIZE)) {
        // `% de progression`, the export's only live figure (§8.2 column 5).
        const tested = await testedCampaignSkills(
          executor,
          campaign,
          rows.filter((r) => r.status === 'STARTED').map((r) => ({ id: r.id, userId: r.user_id, startedAt: new Date(r.created_at) })),
        );
        // A batch is one chunk of the response: a chunk per line would cost a stream write each.
        let chunk = '';
        for (const row of rows) {
          line.row = row;
          line.skills.fill(ABSENT);
          line.validatedIn.fill(0);
          line.badges.fill(ABSENT);
          markSkills(row.snapshot_validated, YES);
          markSkills(row.snapshot_invalidated, NO);
          markBadges(row.badges_obtained, YES);
          markBadges(row.badges_missed, NO);
          line.profile = isCollection && row.status === 'SHARED' ? snapshotProfile(row.competence_pix ?? {}, coreCompetenceIds) : null;
          line.tested = tested.get(row.id) ?? 0;
          // csvLine's fields joined by SEPARATOR, without an array per line.
          chunk += columns[0]!.value(line);
          for (let i = 1; i < columns.length; i++) chunk += SEPARATOR + columns[i]!.value(line);
          chunk += '\n';
        }
        yield chunk;
      }
    },
  };
}

async function loadCampaign(executor: Executor, release: Release, campaignId: string): Promise<ExportCampaign> {
  const [row] = await queryRows<{
    id: string;
    name: string;
    code: string;
    type: CampaignType;
    external_id_label: string | null;
    organization_name: string;
    organization_type: string;
    is_managing_students: boolean;
    time_zone: string;
    target_profile_name: string | null;
    stages: ReleaseStage[] | null;
    badges: { key: string; title: string }[] | null;
    show_skills: boolean;
  }>(
    executor,
    sql`select c.id, c.name, c.code, c.type, c.external_id_label,
               o.name as organization_name, o.type as organization_type, o.is_managing_students, o.time_zone,
               tp.name as target_profile_name, tp.stages, tp.badges,
               exists (select 1 from organization_features f where f.organization_id = o.id and f.feature = 'SHOW_SKILLS') as show_skills
        from campaigns c
        join organizations o on o.id = c.organization_id
        left join target_profiles tp on tp.id = c.target_profile_id
        where c.id = ${campaignId} and c.deleted_at is null`,
  );
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND');
  const competenceOrder = new Map(release.competences.map((c, i) => [c.id, i]));
  const skills = (
    await queryRows<{ skill_id: string; competence_id: string; tube_id: string; level: number }>(
      executor,
      sql`select skill_id, competence_id, tube_id, level from campaign_skills where campaign_id = ${campaignId}`,
    )
  )
    .sort(
      (a, b) =>
        (competenceOrder.get(a.competence_id) ?? Infinity) - (competenceOrder.get(b.competence_id) ?? Infinity) ||
        (a.tube_id < b.tube_id ? -1 : a.tube_id > b.tube_id ? 1 : 0) ||
        a.level - b.level,
    )
    .map((s) => ({ skillId: skillId(s.skill_id), competenceId: s.competence_id, level: Number(s.level) }));
  const staged = skills.map((s) => ({ id: s.skillId, level: s.level }));
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    type: row.type,
    externalIdLabel: row.external_id_label,
    organizationName: row.organization_name,
    organizationType: row.organization_type,
    isManagingStudents: row.is_managing_students,
    timeZone: row.time_zone,
    targetProfileName: row.target_profile_name,
    stageIds: resolveStages((row.stages ?? []).map(engineStage), staged).map((s) => s.id),
    badges: (row.badges ?? []).map((b) => ({ key: b.key, title: b.title })),
    showSkills: row.show_skills,
    skills,
  };
}

/**
 * The participations in export order, each with what its columns read of its snapshot and
 * share results, through lateral subqueries: one primary-key range scan per participation
 * of the page.
 */
function participationsQuery(campaign: ExportCampaign, filter: CampaignExportQuery, after: RowKey | null, limit: number | null): SQL {
  const shared =
    campaign.type === 'PROFILES_COLLECTION'
      ? { columns: sql`profile.*`, joins: profileLateral }
      : { columns: sql`snapshot.*, badge.*`, joins: sql`${snapshotLateral(campaign.showSkills)} ${badgesLateral}` };
  const conditions = [sql`p.campaign_id = ${campaign.id}`, sql`p.deleted_at is null`];
  if (filter.divisions.length > 0) conditions.push(inList(sql`ol.division`, filter.divisions));
  if (filter.groups.length > 0) conditions.push(inList(sql`ol."group"`, filter.groups));
  if (after) {
    conditions.push(
      sql`(ol.sort_key collate "C", ol.id, p.created_at, p.id) > (${after.sort_key} collate "C", ${after.learner_id}::uuid, ${after.created_key}::timestamptz, ${after.id}::uuid)`,
    );
  }
  // The page is chosen first, so that only its rows go through the laterals.
  return sql`
    select p.*, ${shared.columns}
    from (
      select p.id, ol.id as learner_id, ol.sort_key, p.created_at::text as created_key, p.user_id,
             ol.first_name, ol.last_name, ol.division, ol."group", ol.student_number,
             p.participant_external_id, p.status, p.created_at, p.shared_at,
             p.validated_skills_count, p.pix_score, p.is_certifiable, p.reached_stage_id
      from participations p
      join organization_learners ol on ol.id = p.organization_learner_id
      where ${sql.join(conditions, sql` and `)}
      order by ol.sort_key collate "C", ol.id, p.created_at, p.id
      ${limit === null ? sql`` : sql`limit ${limit}`}
    ) p
    ${shared.joins}
    order by p.sort_key collate "C", p.learner_id, p.created_at, p.id`;
}


/**
 * The snapshot's skill ids the columns read, whatever the campaign's skills (the columns only
 * look up campaign skills in them; filtering here would add a probe per row):
 * - the validated ones: an index-only range scan of the partial index `validated_snapshot_skills`;
 * - with SHOW_SKILLS, the invalidated ones too: one range scan of the primary key for both.
 */
function snapshotLateral(withInvalidated: boolean): SQL {
  if (!withInvalidated) {
    return sql`
    left join lateral (
      select string_agg(s.skill_id, ${ID_SEPARATOR}) as snapshot_validated
      from snapshot_knowledge_elements s
      where p.status = 'SHARED' and s.participation_id = p.id and s.status = 'validated'
    ) snapshot on true`;
  }
  return sql`
    left join lateral (
      select string_agg(s.skill_id, ${ID_SEPARATOR}) filter (where s.status = 'validated') as snapshot_validated,
             string_agg(s.skill_id, ${ID_SEPARATOR}) filter (where s.status = 'invalidated') as snapshot_invalidated
      from snapshot_knowledge_elements s
      where p.status = 'SHARED' and s.participation_id = p.id
    ) snapshot on true`;
}

const badgesLateral = sql`
    left join lateral (
      select string_agg(b.badge_key, ${ID_SEPARATOR}) filter (where b.obtained) as badges_obtained,
             string_agg(b.badge_key, ${ID_SEPARATOR}) filter (where not b.obtained) as badges_missed
      from participation_badges b
      where p.status = 'SHARED' and b.participation_id = p.id
    ) badge on true`;

const profileLateral = sql`
    left join lateral (
      select json_object_agg(c.competence_id, c.pix) as competence_pix
      from (
        select s.competence_id, sum(s.earned_pix) as pix
        from snapshot_knowledge_elements s
        where p.status = 'SHARED' and s.participation_id = p.id
        group by s.competence_id
      ) c
    ) profile on true`;

/**
 * A snapshot's competence scores, the engine flooring and capping the SQL sums as the share
 * did (handed to it as one element per competence: float sums that differ in the last bits
 * land on the same whole pix, within the engine's tolerance).
 */
function snapshotProfile(competencePix: Record<string, number>, coreCompetenceIds: readonly CompetenceId[]) {
  const sums = Object.entries(competencePix).map(([id, sum]) => ({ competenceId: competenceId(id), earnedPix: pix(Number(sum)) }));
  return competenceScores(sums, coreCompetenceIds, DEFAULT_MAX_REACHABLE_LEVEL);
}

// --- Columns -------------------------------------------------------------------------------

const isShared = (line: Line) => line.row.status === 'SHARED';

/** A field (or adjacent fields) the same on every line, written once. */
function constant(header: Column['header'], field: string): Column {
  return { header, value: () => field, constant: field };
}

/** Adjacent constant columns as one: fewer calls and concatenations on each line. */
function joinConstants(columns: readonly Column[]): Column[] {
  const joined: Column[] = [];
  for (const column of columns) {
    const previous = joined.at(-1);
    if (column.constant !== undefined && previous?.constant !== undefined) {
      joined[joined.length - 1] = constant([previous.header, column.header].flat(), previous.constant + SEPARATOR + column.constant);
    } else {
      joined.push(column);
    }
  }
  return joined;
}

/** A column that reads `NA` until the participation is sent. */
function whenShared(header: string, value: (line: Line) => string): Column {
  return { header, value: (line) => (isShared(line) ? value(line) : NA) };
}

/** §8.2–8.3 items 1 to 4: the campaign, the learner, their class or group, the external id. */
function identityColumns(campaign: ExportCampaign): Column[] {
  const columns: Column[] = [
    constant("Nom de l'organisation", csvText(campaign.organizationName)),
    constant('ID Campagne', csvText(campaign.id)),
    constant('Code', csvText(campaign.code)),
    constant('Nom de la campagne', csvText(campaign.name)),
  ];
  if (campaign.type !== 'PROFILES_COLLECTION') columns.push(constant('Nom du Profil Cible', csvText(campaign.targetProfileName)));
  columns.push(
    { header: 'Nom du Participant', value: ({ row }) => csvText(row.last_name) },
    { header: 'Prénom du Participant', value: ({ row }) => csvText(row.first_name) },
  );
  if (campaign.isManagingStudents && campaign.organizationType === 'SCO') columns.push({ header: 'Classe', value: ({ row }) => csvText(row.division) });
  if (campaign.isManagingStudents && campaign.organizationType === 'SUP') {
    columns.push({ header: 'Groupe', value: ({ row }) => csvText(row.group) }, { header: 'Numéro Étudiant', value: ({ row }) => csvText(row.student_number) });
  }
  if (campaign.externalIdLabel !== null) columns.push({ header: campaign.externalIdLabel, value: ({ row }) => csvText(row.participant_external_id) });
  return columns;
}

/** The column groups of §8.2 items 10 and 11: the competences of the campaign's skills in release order, then their areas. */
function skillGroups(campaign: ExportCampaign, release: Release): SkillGroups {
  const indexed = campaign.skills.map((skill, index) => ({ skill, index }));
  const used = new Set(campaign.skills.map((s) => s.competenceId));
  const competences = release.competences.filter((c) => used.has(c.id));
  const areaIds = new Set(competences.map((c) => c.areaId));
  const areas = release.areas.filter((a) => areaIds.has(a.id));
  const groups: SkillGroups = {
    competences: competences.map((competence) => ({
      name: competence.name.fr,
      skills: indexed.filter(({ skill }) => skill.competenceId === competence.id).map(({ index }) => index),
    })),
    areas: areas.map((area) => {
      const inArea = new Set(competences.filter((c) => c.areaId === area.id).map((c) => c.id));
      return { name: area.title.fr, skills: indexed.filter(({ skill }) => inArea.has(skill.competenceId)).map(({ index }) => index) };
    }),
    ofSkill: campaign.skills.map(() => []),
  };
  [...groups.competences, ...groups.areas].forEach((group, g) => {
    for (const index of group.skills) groups.ofSkill[index]!.push(g);
  });
  return groups;
}

/** `csvRate(k, total)` for every k from 0 to total (none when total is 0): each is written thousands of times. */
function ratesOutOf(total: number): string[] {
  return total === 0 ? [] : Array.from({ length: total + 1 }, (_, k) => csvRate(k, total));
}

function assessmentColumns(campaign: ExportCampaign, groups: SkillGroups): Column[] {
  const timeZone = campaign.timeZone;
  const targeted = campaign.skills.length;
  const targetedRates = ratesOutOf(targeted);
  const completed = csvRate(1, 1);
  const columns: Column[] = [
    ...identityColumns(campaign),
    {
      header: '% de progression',
      value: (line) => (line.row.status === 'STARTED' ? (targetedRates[line.tested] ?? csvRate(line.tested, targeted)) : completed),
    },
    { header: 'Date de début', value: ({ row }) => csvDate(new Date(row.created_at), timeZone) },
    { header: 'Partage (O/N)', value: (line) => csvYesNo(isShared(line)) },
    whenShared('Date du partage', ({ row }) => csvDate(new Date(row.shared_at!), timeZone)),
  ];
  if (campaign.stageIds.length > 0) {
    const stageIndex = new Map<string, number>();
    campaign.stageIds.forEach((id, i) => stageIndex.set(id, stageIndex.get(id) ?? i));
    columns.push(
      whenShared(`Palier obtenu (/${campaign.stageIds.length - 1})`, ({ row }) => {
        const index = row.reached_stage_id === null ? undefined : stageIndex.get(row.reached_stage_id);
        return index === undefined ? NA : csvInteger(index);
      }),
    );
  }
  campaign.badges.forEach((badge, b) => {
    const [obtained, missed] = [csvYesNo(true), csvYesNo(false)];
    columns.push(whenShared(`${badge.title} obtenu (O/N)`, (line) => (line.badges[b] === YES ? obtained : line.badges[b] === NO ? missed : NA)));
  });
  columns.push(
    whenShared("% maitrise de l'ensemble des acquis du profil", ({ row }) => {
      if (row.validated_skills_count === null) return NA;
      const validated = Number(row.validated_skills_count);
      return targetedRates[validated] ?? csvRate(validated, targeted);
    }),
  );
  let g = 0;
  // The three fields of a group depend only on its validated count: written once per count.
  const groupColumns = (skills: readonly number[], label: { rate: string; count: string; validated: string }): Column => {
    const group = g++;
    const count = csvInteger(skills.length);
    const fields = (validated: number) => [csvRate(validated, skills.length), count, csvInteger(validated)].join(SEPARATOR);
    const byValidated = skills.length === 0 ? [] : Array.from({ length: skills.length + 1 }, (_, k) => fields(k));
    const unsent = [NA, count, NA].join(SEPARATOR);
    return {
      header: [label.rate, label.count, label.validated],
      value: (line) => (isShared(line) ? (byValidated[line.validatedIn[group]!] ?? fields(line.validatedIn[group]!)) : unsent),
    };
  };
  for (const { name, skills } of groups.competences) {
    columns.push(
      groupColumns(skills, {
        rate: `% de maitrise des acquis de la compétence ${name}`,
        count: `Nombre d'acquis du profil cible dans la compétence ${name}`,
        validated: `Acquis maitrisés dans la compétence ${name}`,
      }),
    );
  }
  for (const { name, skills } of groups.areas) {
    columns.push(
      groupColumns(skills, {
        rate: `% de maitrise des acquis du domaine ${name}`,
        count: `Nombre d'acquis du profil cible du domaine ${name}`,
        validated: `Acquis maitrisés du domaine ${name}`,
      }),
    );
  }
  if (campaign.showSkills) {
    const [ok, ko, untested] = [csvText('OK'), csvText('KO'), csvText('Non testé')];
    campaign.skills.forEach(({ skillId: id }, s) => {
      columns.push(whenShared(id, (line) => (line.skills[s] === YES ? ok : line.skills[s] === NO ? ko : untested)));
    });
  }
  return columns;
}

function profileCollectionColumns(campaign: ExportCampaign, release: Release): Column[] {
  const timeZone = campaign.timeZone;
  const core = release.competences.filter((c) => c.origin === 'jalon');
  const columns: Column[] = [
    ...identityColumns(campaign),
    { header: 'Envoi (O/N)', value: (line) => csvYesNo(isShared(line)) },
    whenShared("Date de l'envoi", ({ row }) => csvDate(new Date(row.shared_at!), timeZone)),
    whenShared('Nombre de pix total', ({ row }) => (row.pix_score === null ? NA : csvInteger(Number(row.pix_score)))),
    whenShared('Certifiable (O/N)', ({ row }) => (row.is_certifiable === null ? NA : csvYesNo(row.is_certifiable))),
    whenShared('Nombre de compétences certifiables', ({ profile }) => csvInteger(certifiableCompetenceCount(profile!.values()))),
  ];
  for (const competence of core) {
    const name = competence.name.fr;
    const id = competenceId(competence.id);
    columns.push(
      whenShared(`Niveau pour la compétence ${name}`, ({ profile }) => csvInteger(profile!.get(id)!.level)),
      whenShared(`Nombre de pix pour la compétence ${name}`, ({ profile }) => csvInteger(profile!.get(id)!.pix)),
    );
  }
  return columns;
}
