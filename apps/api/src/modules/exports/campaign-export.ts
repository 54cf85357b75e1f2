import type { CampaignExportQuery } from '@jalon/contracts';
import type { Release } from '@jalon/content';
import {
  certifiableCompetenceCount,
  competenceId,
  competenceScores,
  countValidated,
  currentKnowledgeElements,
  DEFAULT_MAX_REACHABLE_LEVEL,
  epochMs,
  keptByForgettingRule,
  pix,
  resolveStages,
  skillId,
  type CompetenceId,
  type CompetenceScore,
  type SkillId,
  type Stage,
  type StoredKnowledgeElement,
} from '@jalon/engine';
import { sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { queryRows, type Database, type Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { readInBatches } from './batches';
import {
  BOM,
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

/** Participations read per batch: a few hundred kilobytes of rows and snapshots at most. */
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
  /** Assessment, once sent: the skills of the snapshot, validated and not. */
  snapshot_validated?: string[] | null;
  snapshot_invalidated?: string[] | null;
  /** Assessment, once sent: badge key → obtained, as stored at share. */
  badges?: Record<string, boolean> | null;
  /** Profile collection, once sent: the snapshot's pix per competence, summed but not yet floored or capped. */
  competence_pix?: Record<string, number> | null;
}

type RowKey = Pick<ParticipationRow, 'sort_key' | 'learner_id' | 'created_key' | 'id'>;

/** A participation with what was read about it, ready to be written. */
interface Line {
  row: ParticipationRow;
  validated: Set<SkillId>;
  invalidated: Set<SkillId>;
  /** Profile collection, once sent: the core competences, floored and capped as at share. */
  profile: Map<CompetenceId, CompetenceScore> | null;
  /** An unsent test: campaign skills tested so far, live, under the 4-day rule. */
  tested: number;
}

interface Column {
  header: string;
  value(line: Line): string;
}

export interface CampaignExport {
  fileName: string;
  /** The file, line by line, read from the database as it is consumed. */
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
  const columns = isCollection ? profileCollectionColumns(campaign, deps.release) : assessmentColumns(campaign, deps.release);
  return {
    fileName: resultsFileName(campaign.name, campaign.id, localDate(deps.clock.now(), campaign.timeZone)),
    async *lines() {
      yield BOM + csvLine(columns.map((column) => csvText(column.header)));
      const query = (after: RowKey | null, limit: number | null) => participationsQuery(campaign, filter, after, limit);
      const keyOf = ({ sort_key, learner_id, created_key, id }: ParticipationRow): RowKey => ({ sort_key, learner_id, created_key, id });
      for await (const { rows, executor } of readInBatches(deps.database, query, keyOf, BATCH_SIZE)) {
        const tested = await testedSkills(executor, campaign, rows.filter((r) => r.status === 'STARTED'));
        for (const row of rows) {
          const line: Line = {
            row,
            validated: new Set((row.snapshot_validated ?? []).map(skillId)),
            invalidated: new Set((row.snapshot_invalidated ?? []).map(skillId)),
            profile: isCollection && row.status === 'SHARED' ? snapshotProfile(row.competence_pix ?? {}, coreCompetenceIds) : null,
            tested: tested.get(row.id) ?? 0,
          };
          yield csvLine(columns.map((column) => column.value(line)));
        }
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
    stages: StoredStage[] | null;
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

/** A stage as the target profile stores it: the release's stage file with its id. */
interface StoredStage {
  id: string;
  threshold?: number;
  level?: number;
  isFirstSkill?: boolean;
}

/** The stored stage in the engine's shape, as the share reads it (the file's `isFirstSkill` defaults to false). */
function engineStage(stage: StoredStage): Stage {
  if (stage.isFirstSkill) return { id: stage.id, isFirstSkill: true };
  if (stage.level !== undefined) return { id: stage.id, level: stage.level };
  return { id: stage.id, threshold: stage.threshold ?? 0 };
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
      : { columns: sql`snapshot.*, badge.*`, joins: sql`${snapshotLateral} ${badgesLateral}` };
  const conditions = [sql`p.campaign_id = ${campaign.id}`, sql`p.deleted_at is null`];
  if (filter.divisions.length > 0) conditions.push(sql`ol.division in ${jsonList(filter.divisions)}`);
  if (filter.groups.length > 0) conditions.push(sql`ol."group" in ${jsonList(filter.groups)}`);
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

/** A list bound as one JSON parameter: the same SQL on both engines, whatever its length. */
function jsonList(values: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

/**
 * The whole snapshot's skill ids, by status: one range scan of its primary key. The columns
 * only ever look up campaign skills in them, so filtering here would only add a probe per
 * (participation, campaign skill).
 */
const snapshotLateral = sql`
    left join lateral (
      select json_agg(s.skill_id) filter (where s.status = 'validated') as snapshot_validated,
             json_agg(s.skill_id) filter (where s.status = 'invalidated') as snapshot_invalidated
      from snapshot_knowledge_elements s
      where p.status = 'SHARED' and s.participation_id = p.id
    ) snapshot on true`;

const badgesLateral = sql`
    left join lateral (
      select json_object_agg(b.badge_key, b.obtained) as badges
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

/**
 * `% de progression` of unsent tests, the export's only live figure: the learner's current
 * knowledge on the campaign's skills (an EXAM: its own), under the 4-day rule relative to
 * the participation's start.
 */
async function testedSkills(executor: Executor, campaign: ExportCampaign, started: ParticipationRow[]): Promise<Map<string, number>> {
  if (started.length === 0) return new Map();
  const isExam = campaign.type === 'EXAM';
  const elements = await queryRows<{ owner: string; id: number; skill_id: string; competence_id: string; status: StoredKnowledgeElement['status']; created_at: Date | string }>(
    executor,
    // An EXAM's rows are reached through its assessments, which are indexed by participation.
    isExam
      ? sql`select a.participation_id as owner, ke.id, ke.skill_id, ke.competence_id, ke.status, ke.created_at
            from assessments a
            join knowledge_elements ke on ke.assessment_id = a.id and ke.participation_id = a.participation_id
            where a.participation_id in ${uuidList(started.map((r) => r.id))}
              and ke.skill_id in (select skill_id from campaign_skills where campaign_id = ${campaign.id})`
      : sql`select ke.user_id as owner, ke.id, ke.skill_id, ke.competence_id, ke.status, ke.created_at
            from knowledge_elements ke
            where ke.user_id in ${uuidList(started.map((r) => r.user_id))} and ke.participation_id is null
              and ke.skill_id in (select skill_id from campaign_skills where campaign_id = ${campaign.id})`,
  );
  const byOwner = new Map<string, StoredKnowledgeElement[]>();
  for (const e of elements) {
    const list = byOwner.get(e.owner) ?? [];
    // An EXAM's rows are its learner's whole state for this test: handed over as profile rows.
    list.push({
      id: Number(e.id),
      createdAt: epochMs(new Date(e.created_at).getTime()),
      skillId: skillId(e.skill_id),
      competenceId: competenceId(e.competence_id),
      source: 'direct',
      status: e.status,
      earnedPix: pix(0),
      participationId: null,
    });
    byOwner.set(e.owner, list);
  }
  const targets = campaign.skills.map((s) => ({ id: s.skillId }));
  return new Map(
    started.map((row) => {
      const current = currentKnowledgeElements(byOwner.get(isExam ? row.id : row.user_id) ?? []);
      const kept = keptByForgettingRule(current, epochMs(new Date(row.created_at).getTime()));
      return [row.id, countValidated(targets, new Set(kept.map((e) => e.skillId)))];
    }),
  );
}

function uuidList(ids: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
}

// --- Columns -------------------------------------------------------------------------------

const isShared = (line: Line) => line.row.status === 'SHARED';

/** A field that is the same on every line, written once. */
function constant(header: string, field: string): Column {
  return { header, value: () => field };
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

function campaignCompetences(campaign: ExportCampaign, release: Release) {
  const used = new Set(campaign.skills.map((s) => s.competenceId));
  return release.competences.filter((c) => used.has(c.id));
}

function assessmentColumns(campaign: ExportCampaign, release: Release): Column[] {
  const timeZone = campaign.timeZone;
  const targeted = campaign.skills.length;
  const columns: Column[] = [
    ...identityColumns(campaign),
    { header: '% de progression', value: (line) => (line.row.status === 'STARTED' ? csvRate(line.tested, targeted) : csvRate(1, 1)) },
    { header: 'Date de début', value: ({ row }) => csvDate(new Date(row.created_at), timeZone) },
    { header: 'Partage (O/N)', value: (line) => csvYesNo(isShared(line)) },
    whenShared('Date du partage', ({ row }) => csvDate(new Date(row.shared_at!), timeZone)),
  ];
  if (campaign.stageIds.length > 0) {
    columns.push(
      whenShared(`Palier obtenu (/${campaign.stageIds.length - 1})`, ({ row }) => {
        const index = row.reached_stage_id === null ? -1 : campaign.stageIds.indexOf(row.reached_stage_id);
        return index < 0 ? NA : csvInteger(index);
      }),
    );
  }
  for (const badge of campaign.badges) {
    columns.push(
      whenShared(`${badge.title} obtenu (O/N)`, ({ row }) => {
        const obtained = row.badges?.[badge.key];
        return obtained === undefined ? NA : csvYesNo(obtained);
      }),
    );
  }
  columns.push(
    whenShared("% maitrise de l'ensemble des acquis du profil", ({ row }) =>
      row.validated_skills_count === null ? NA : csvRate(Number(row.validated_skills_count), targeted),
    ),
  );
  const groupColumns = (skills: readonly CampaignSkill[], label: { rate: string; count: string; validated: string }) => {
    const refs = skills.map((s) => ({ id: s.skillId }));
    return [
      whenShared(label.rate, (line) => csvRate(countValidated(refs, line.validated), skills.length)),
      constant(label.count, csvInteger(skills.length)),
      whenShared(label.validated, (line) => csvInteger(countValidated(refs, line.validated))),
    ];
  };
  const competences = campaignCompetences(campaign, release);
  for (const competence of competences) {
    const name = competence.name.fr;
    columns.push(
      ...groupColumns(
        campaign.skills.filter((s) => s.competenceId === competence.id),
        {
          rate: `% de maitrise des acquis de la compétence ${name}`,
          count: `Nombre d'acquis du profil cible dans la compétence ${name}`,
          validated: `Acquis maitrisés dans la compétence ${name}`,
        },
      ),
    );
  }
  const areaIds = new Set(competences.map((c) => c.areaId));
  for (const area of release.areas.filter((a) => areaIds.has(a.id))) {
    const name = area.title.fr;
    const inArea = new Set(competences.filter((c) => c.areaId === area.id).map((c) => c.id));
    columns.push(
      ...groupColumns(
        campaign.skills.filter((s) => inArea.has(s.competenceId)),
        {
          rate: `% de maitrise des acquis du domaine ${name}`,
          count: `Nombre d'acquis du profil cible du domaine ${name}`,
          validated: `Acquis maitrisés du domaine ${name}`,
        },
      ),
    );
  }
  if (campaign.showSkills) {
    const [ok, ko, untested] = [csvText('OK'), csvText('KO'), csvText('Non testé')];
    for (const { skillId: id } of campaign.skills) {
      columns.push(whenShared(id, (line) => (line.validated.has(id) ? ok : line.invalidated.has(id) ? ko : untested)));
    }
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
