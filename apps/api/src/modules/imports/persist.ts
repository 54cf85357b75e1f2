import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/database';
import { learnerSortKey } from '../organizations';
import type { ImportedLearner, LearnerValues } from './roster';

/** Rows per statement: one JSON parameter each, well under any driver limit, few round trips. */
const BATCH_SIZE = 1000;

/** The roster columns an import writes, with their SQL types (for `jsonb_to_recordset`). */
const COLUMNS: { field: keyof LearnerValues | 'sortKey'; column: string; type: string }[] = [
  { field: 'firstName', column: 'first_name', type: 'text' },
  { field: 'middleName', column: 'middle_name', type: 'text' },
  { field: 'thirdName', column: 'third_name', type: 'text' },
  { field: 'lastName', column: 'last_name', type: 'text' },
  { field: 'preferredLastName', column: 'preferred_last_name', type: 'text' },
  { field: 'sortKey', column: 'sort_key', type: 'text' },
  { field: 'birthdate', column: 'birthdate', type: 'date' },
  { field: 'birthCity', column: 'birth_city', type: 'text' },
  { field: 'birthCityCode', column: 'birth_city_code', type: 'text' },
  { field: 'birthProvinceCode', column: 'birth_province_code', type: 'text' },
  { field: 'birthCountryCode', column: 'birth_country_code', type: 'text' },
  { field: 'nationalStudentId', column: 'national_student_id', type: 'text' },
  { field: 'division', column: 'division', type: 'text' },
  { field: 'mefCode', column: 'mef_code', type: 'text' },
  { field: 'status', column: 'status', type: 'text' },
  { field: 'studentNumber', column: 'student_number', type: 'text' },
  { field: 'email', column: 'email', type: 'text' },
  { field: 'department', column: 'department', type: 'text' },
  { field: 'educationalTeam', column: 'educational_team', type: 'text' },
  { field: 'group', column: 'group', type: 'text' },
  { field: 'diploma', column: 'diploma', type: 'text' },
  { field: 'studyScheme', column: 'study_scheme', type: 'text' },
  { field: 'attributes', column: 'attributes', type: 'jsonb' },
];

const RECORD_TYPE = sql.raw(COLUMNS.map(({ column, type }) => `"${column}" ${type}`).join(', '));
const COLUMN_LIST = sql.raw(COLUMNS.map(({ column }) => `"${column}"`).join(', '));
const VALUE_LIST = sql.raw(COLUMNS.map(({ column }) => `v."${column}"`).join(', '));
const ASSIGNMENTS = sql.raw(COLUMNS.map(({ column }) => `"${column}" = v."${column}"`).join(', '));

/** How a file's learner is recognised among those already known. */
export type LearnerKey = { column: 'national_student_id' | 'student_number' } | { attribute: string };

interface RosterWrite {
  organizationId: string;
  key: LearnerKey;
  /** SIECLE, SCO CSV and SUP « Remplacer »: learners absent from the file are disabled. */
  disableAbsent: boolean;
  now: Date;
}

interface RosterWriteCounts {
  created: number;
  updated: number;
  disabled: number;
  enabled: number;
}

function keyExpression(key: LearnerKey): SQL {
  return 'column' in key ? sql.raw(`"${key.column}"`) : sql`attributes ->> ${key.attribute}`;
}

function record(values: LearnerValues, id?: string): Record<string, unknown> {
  const row: Record<string, unknown> = id === undefined ? {} : { id };
  for (const { field, column } of COLUMNS) {
    row[column] = field === 'sortKey' ? learnerSortKey(values.lastName, values.firstName) : (values[field] ?? null);
  }
  return row;
}

function* batches<T>(items: T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += BATCH_SIZE) yield items.slice(start, start + BATCH_SIZE);
}

/**
 * Writes a validated file inside the caller's transaction (`learners-and-accounts.md` §2):
 * known learners are updated and enabled again (their `userId` untouched), new ones are
 * inserted, and, when asked, learners absent from the file are disabled. A few multi-row
 * statements, whatever the number of learners.
 */
export async function writeRoster(tx: Tx, write: RosterWrite, learners: ImportedLearner[]): Promise<RosterWriteCounts> {
  const { organizationId } = write;
  const now = sql`${write.now.toISOString()}::timestamptz`;
  const existing = await queryRows<{ id: string; key: string; is_disabled: boolean }>(
    tx,
    sql`select id, ${keyExpression(write.key)} as key, is_disabled from organization_learners
        where organization_id = ${organizationId} and deleted_at is null and ${keyExpression(write.key)} is not null`,
  );
  const known = new Map(existing.map((row) => [row.key, row]));
  const updates: Record<string, unknown>[] = [];
  const inserts: Record<string, unknown>[] = [];
  let enabled = 0;
  for (const learner of learners) {
    const match = known.get(learner.key);
    if (match) {
      updates.push(record(learner.values, match.id));
      if (match.is_disabled) enabled++;
      // A key present twice among known learners is matched once only.
      known.delete(learner.key);
    } else {
      inserts.push(record(learner.values));
    }
  }

  const keptIds = updates.map((row) => row.id as string);
  for (const batch of batches(updates)) {
    await tx.execute(sql`
      update organization_learners as l
      set ${ASSIGNMENTS}, is_disabled = false, disabled_at = null, updated_at = ${now}
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as v(id uuid, ${RECORD_TYPE})
      where l.id = v.id and l.organization_id = ${organizationId}`);
  }
  for (const batch of batches(inserts)) {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`insert into organization_learners (organization_id, ${COLUMN_LIST}, created_at, updated_at)
          select ${organizationId}, ${VALUE_LIST}, ${now}, ${now}
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as v(${RECORD_TYPE})
          returning id`,
    );
    keptIds.push(...rows.map((row) => row.id));
  }

  let disabled = 0;
  if (write.disableAbsent) {
    const [row] = await queryRows<{ count: number }>(
      tx,
      sql`with disabled as (
            update organization_learners set is_disabled = true, disabled_at = ${now}, updated_at = ${now}
            where organization_id = ${organizationId} and deleted_at is null and not is_disabled
              and id <> all(array(select jsonb_array_elements_text(${JSON.stringify(keptIds)}::jsonb)::uuid))
            returning 1)
          select count(*)::int as count from disabled`,
    );
    disabled = row?.count ?? 0;
  }
  return { created: inserts.length, updated: updates.length, disabled, enabled };
}
