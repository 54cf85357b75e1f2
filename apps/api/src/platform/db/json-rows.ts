import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * A row of `table` as a JSON object keyed by its field names, to aggregate child rows in a
 * subquery (`json_agg(jsonRow(t) order by …)`) and read a parent with its children in one
 * round trip. `fromJsonRow` turns it back into what `select()` returns.
 */
export function jsonRow(table: PgTable): SQL {
  // Field names are identifiers of our own schema, never input, so they are inlined as literals.
  const pairs = Object.entries(getTableColumns(table)).map(([field, column]) => sql`${sql.raw(`'${field}'`)}, ${column}`);
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

export function fromJsonRow<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(getTableColumns(table))) {
    const value = json[field];
    // A json(b) value is already parsed; mapping it again would turn a JSON string like "12" into a number.
    row[field] = value === null || value === undefined ? null : column.columnType === 'PgJsonb' || column.columnType === 'PgJson' ? value : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
