import { sql, type SQL } from 'drizzle-orm';

/**
 * `column` is one of `values`, bound as one JSON parameter: the same text on PGlite and
 * PostgreSQL however long the list, where a parameter per item would hit the driver's limit.
 * The list is an array built once (an InitPlan): as `in (select …)`, a planner without
 * statistics (PGlite is never analysed) re-expands the JSON for every row of a nested loop.
 */
export function inList(column: SQL, values: readonly string[]): SQL {
  return sql`${column} = any(array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)))`;
}

/** The same for ids, typed so that the column's index still serves the lookup. */
export function inIds(column: SQL, values: readonly string[]): SQL {
  return sql`${column} = any(array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::uuid))`;
}
