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
  type Pix,
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

/** Participations read per batch: a few hundred kilobytes of rows and facts at most. */
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
}

type RowKey = Pick<ParticipationRow, 'sort_key' | 'learner_id' | 'created_key' | 'id'>;

/** What the batch's side queries found, per participation id. */
interface BatchFacts {
  /** Campaign skills of the snapshot: validated, and tested but not validated. */
  snapshots: Map<string, { validated: Set<SkillId>; invalidated: Set<SkillId> }>;
  badges: Map<string, Map<string, boolean>>;
  /** Profile collection: the snapshot's core competences, capped as at share. */
  profiles: Map<string, Map<string, CompetenceScore>>;
  /** Unsent tests: campaign skills tested so far, live, under the 4-day rule. */
  tested: Map<string, number>;
}

interface Column {
  header: string;
  value(row: ParticipationRow, facts: BatchFacts): string;
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
  const coreCompetenceIds = deps.release.competences.filter((c) => c.origin === 'jalon').map((c) => competenceId(c.id));
  const columns = campaign.type === 'PROFILES_COLLECTION' ? profileCollectionColumns(campaign, deps.release) : assessmentColumns(campaign, deps.release);
  return {
    fileName: resultsFileName(campaign.name, campaign.id, localDate(deps.clock.now(), campaign.timeZone)),
    async *lines() {
      yield BOM + csvLine(columns.map((column) => csvText(column.header)));
      const query = (after: RowKey | null, limit: number | null) => participationsQuery(campaign.id, filter, after, limit);
      const keyOf = ({ sort_key, learner_id, created_key, id }: ParticipationRow): RowKey => ({ sort_key, learner_id, created_key, id });
      for await (const { rows, executor } of readInBatches(deps.database, query, keyOf, BATCH_SIZE)) {
        const facts = await batchFacts(executor, campaign, coreCompetenceIds, rows);
        for (const row of rows) yield csvLine(columns.map((column) => column.value(row, facts)));
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

function participationsQuery(campaignId: string, filter: CampaignExportQuery, after: RowKey | null, limit: number | null): SQL {
  const conditions = [sql`p.campaign_id = ${campaignId}`, sql`p.deleted_at is null`];
  if (filter.divisions.length > 0) conditions.push(sql`ol.division in ${jsonList(filter.divisions)}`);
  if (filter.groups.length > 0) conditions.push(sql`ol."group" in ${jsonList(filter.groups)}`);
  if (after) {
    conditions.push(
      sql`(ol.sort_key collate "C", ol.id, p.created_at, p.id) > (${after.sort_key} collate "C", ${after.learner_id}::uuid, ${after.created_key}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return sql`
    select p.id, ol.id as learner_id, ol.sort_key, p.created_at::text as created_key, p.user_id,
           ol.first_name, ol.last_name, ol.division, ol."group", ol.student_number,
           p.participant_external_id, p.status, p.created_at, p.shared_at,
           p.validated_skills_count, p.pix_score, p.is_certifiable, p.reached_stage_id
    from participations p
    join organization_learners ol on ol.id = p.organization_learner_id
    where ${sql.join(conditions, sql` and `)}
    order by ol.sort_key collate "C", ol.id, p.created_at, p.id
    ${limit === null ? sql`` : sql`limit ${limit}`}`;
}

/** A list bound as one JSON parameter: the same SQL on both engines, whatever its length. */
function jsonList(values: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

async function batchFacts(executor: Executor, campaign: ExportCampaign, coreCompetenceIds: readonly CompetenceId[], rows: ParticipationRow[]): Promise<BatchFacts> {
  const facts: BatchFacts = { snapshots: new Map(), badges: new Map(), profiles: new Map(), tested: new Map() };
  const shared = rows.filter((r) => r.status === 'SHARED').map((r) => r.id);
  if (campaign.type === 'PROFILES_COLLECTION') {
    if (shared.length > 0) facts.profiles = await snapshotProfiles(executor, shared, coreCompetenceIds);
    return facts;
  }
  if (shared.length > 0) {
    facts.snapshots = await snapshotSkills(executor, campaign.id, shared);
    facts.badges = await badgeResults(executor, shared);
  }
  const started = rows.filter((r) => r.status === 'STARTED');
  if (started.length > 0) facts.tested = await testedSkills(executor, campaign, started);
  return facts;
}

async function snapshotSkills(executor: Executor, campaignId: string, participationIds: string[]) {
  const rows = await queryRows<{ participation_id: string; validated: string[]; invalidated: string[] }>(
    executor,
    sql`select s.participation_id,
               coalesce(json_agg(s.skill_id) filter (where s.status = 'validated'), '[]') as validated,
               coalesce(json_agg(s.skill_id) filter (where s.status = 'invalidated'), '[]') as invalidated
        from snapshot_knowledge_elements s
        join campaign_skills cs on cs.campaign_id = ${campaignId} and cs.skill_id = s.skill_id
        where s.participation_id in ${uuidList(participationIds)}
        group by s.participation_id`,
  );
  return new Map(rows.map((r) => [r.participation_id, { validated: new Set(r.validated.map(skillId)), invalidated: new Set(r.invalidated.map(skillId)) }]));
}

async function badgeResults(executor: Executor, participationIds: string[]) {
  const rows = await queryRows<{ participation_id: string; badge_key: string; obtained: boolean }>(
    executor,
    sql`select participation_id, badge_key, obtained from participation_badges where participation_id in ${uuidList(participationIds)}`,
  );
  const badges = new Map<string, Map<string, boolean>>();
  for (const r of rows) badges.set(r.participation_id, (badges.get(r.participation_id) ?? new Map()).set(r.badge_key, r.obtained));
  return badges;
}

/**
 * Per participation, the snapshot's competence scores. Summed by competence in SQL, then
 * handed to the engine as one element per competence, which floors and caps them as the
 * share did (the float sums differ at most in the last bits, which the engine's floor tolerates).
 */
async function snapshotProfiles(executor: Executor, participationIds: string[], coreCompetenceIds: readonly CompetenceId[]) {
  const rows = await queryRows<{ participation_id: string; competence_id: string; pix: number }>(
    executor,
    sql`select participation_id, competence_id, sum(earned_pix) as pix
        from snapshot_knowledge_elements
        where participation_id in ${uuidList(participationIds)}
        group by participation_id, competence_id`,
  );
  const sums = new Map<string, { competenceId: CompetenceId; earnedPix: Pix }[]>(participationIds.map((id) => [id, []]));
  for (const r of rows) sums.get(r.participation_id)!.push({ competenceId: competenceId(r.competence_id), earnedPix: pix(Number(r.pix)) });
  return new Map([...sums].map(([id, elements]) => [id, competenceScores(elements, coreCompetenceIds, DEFAULT_MAX_REACHABLE_LEVEL) as Map<string, CompetenceScore>]));
}

/**
 * `% de progression` of unsent tests, the export's only live figure: the learner's current
 * knowledge on the campaign's skills (an EXAM: its own), under the 4-day rule relative to
 * the participation's start.
 */
async function testedSkills(executor: Executor, campaign: ExportCampaign, started: ParticipationRow[]) {
  const isExam = campaign.type === 'EXAM';
  const elements = await queryRows<{ owner: string; id: number; skill_id: string; competence_id: string; status: StoredKnowledgeElement['status']; created_at: Date | string }>(
    executor,
    sql`select ${isExam ? sql`ke.participation_id` : sql`ke.user_id`} as owner, ke.id, ke.skill_id, ke.competence_id, ke.status, ke.created_at
        from knowledge_elements ke
        where ${
          isExam
            ? sql`ke.participation_id in ${uuidList(started.map((r) => r.id))}`
            : sql`ke.user_id in ${uuidList(started.map((r) => r.user_id))} and ke.participation_id is null`
        }
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

const isShared = (row: ParticipationRow) => row.status === 'SHARED';

/** A column that reads `NA` until the participation is sent. */
function whenShared(header: string, value: (row: ParticipationRow, facts: BatchFacts) => string): Column {
  return { header, value: (row, facts) => (isShared(row) ? value(row, facts) : NA) };
}

/** §8.2–8.3 items 1 to 4: the campaign, the learner, their class or group, the external id. */
function identityColumns(campaign: ExportCampaign): Column[] {
  const columns: Column[] = [
    { header: "Nom de l'organisation", value: () => csvText(campaign.organizationName) },
    { header: 'ID Campagne', value: () => csvText(campaign.id) },
    { header: 'Code', value: () => csvText(campaign.code) },
    { header: 'Nom de la campagne', value: () => csvText(campaign.name) },
  ];
  if (campaign.type !== 'PROFILES_COLLECTION') columns.push({ header: 'Nom du Profil Cible', value: () => csvText(campaign.targetProfileName) });
  columns.push(
    { header: 'Nom du Participant', value: (row) => csvText(row.last_name) },
    { header: 'Prénom du Participant', value: (row) => csvText(row.first_name) },
  );
  if (campaign.isManagingStudents && campaign.organizationType === 'SCO') columns.push({ header: 'Classe', value: (row) => csvText(row.division) });
  if (campaign.isManagingStudents && campaign.organizationType === 'SUP') {
    columns.push({ header: 'Groupe', value: (row) => csvText(row.group) }, { header: 'Numéro Étudiant', value: (row) => csvText(row.student_number) });
  }
  if (campaign.externalIdLabel !== null) columns.push({ header: campaign.externalIdLabel, value: (row) => csvText(row.participant_external_id) });
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
    {
      header: '% de progression',
      value: (row, facts) => (row.status === 'STARTED' ? csvRate(facts.tested.get(row.id) ?? 0, targeted) : csvRate(1, 1)),
    },
    { header: 'Date de début', value: (row) => csvDate(new Date(row.created_at), timeZone) },
    { header: 'Partage (O/N)', value: (row) => csvYesNo(isShared(row)) },
    whenShared('Date du partage', (row) => csvDate(new Date(row.shared_at!), timeZone)),
  ];
  if (campaign.stageIds.length > 0) {
    columns.push(
      whenShared(`Palier obtenu (/${campaign.stageIds.length - 1})`, (row) => {
        const index = row.reached_stage_id === null ? -1 : campaign.stageIds.indexOf(row.reached_stage_id);
        return index < 0 ? NA : csvInteger(index);
      }),
    );
  }
  for (const badge of campaign.badges) {
    columns.push(
      whenShared(`${badge.title} obtenu (O/N)`, (row, facts) => {
        const obtained = facts.badges.get(row.id)?.get(badge.key);
        return obtained === undefined ? NA : csvYesNo(obtained);
      }),
    );
  }
  columns.push(
    whenShared("% maitrise de l'ensemble des acquis du profil", (row) =>
      row.validated_skills_count === null ? NA : csvRate(Number(row.validated_skills_count), targeted),
    ),
  );
  const groupColumns = (skills: readonly CampaignSkill[], label: { rate: string; count: string; validated: string }) => {
    const refs = skills.map((s) => ({ id: s.skillId }));
    const validated = (row: ParticipationRow, facts: BatchFacts) => countValidated(refs, facts.snapshots.get(row.id)?.validated ?? new Set());
    return [
      whenShared(label.rate, (row, facts) => csvRate(validated(row, facts), skills.length)),
      { header: label.count, value: () => csvInteger(skills.length) },
      whenShared(label.validated, (row, facts) => csvInteger(validated(row, facts))),
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
    for (const skill of campaign.skills) {
      columns.push(
        whenShared(skill.skillId, (row, facts) => {
          const snapshot = facts.snapshots.get(row.id);
          if (snapshot?.validated.has(skill.skillId)) return csvText('OK');
          if (snapshot?.invalidated.has(skill.skillId)) return csvText('KO');
          return csvText('Non testé');
        }),
      );
    }
  }
  return columns;
}

function profileCollectionColumns(campaign: ExportCampaign, release: Release): Column[] {
  const timeZone = campaign.timeZone;
  const core = release.competences.filter((c) => c.origin === 'jalon');
  const scores = (row: ParticipationRow, facts: BatchFacts) => facts.profiles.get(row.id)!;
  const columns: Column[] = [
    ...identityColumns(campaign),
    { header: 'Envoi (O/N)', value: (row) => csvYesNo(isShared(row)) },
    whenShared("Date de l'envoi", (row) => csvDate(new Date(row.shared_at!), timeZone)),
    whenShared('Nombre de pix total', (row) => (row.pix_score === null ? NA : csvInteger(Number(row.pix_score)))),
    whenShared('Certifiable (O/N)', (row) => (row.is_certifiable === null ? NA : csvYesNo(row.is_certifiable))),
    whenShared('Nombre de compétences certifiables', (row, facts) => csvInteger(certifiableCompetenceCount(scores(row, facts).values()))),
  ];
  for (const competence of core) {
    const name = competence.name.fr;
    columns.push(
      whenShared(`Niveau pour la compétence ${name}`, (row, facts) => csvInteger(scores(row, facts).get(competence.id)!.level)),
      whenShared(`Nombre de pix pour la compétence ${name}`, (row, facts) => csvInteger(scores(row, facts).get(competence.id)!.pix)),
    );
  }
  return columns;
}
