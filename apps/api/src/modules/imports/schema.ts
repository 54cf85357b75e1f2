import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema';
import { organizations } from '../organizations/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * One learner import (`learners-and-accounts.md` §2) and its status banner:
 * UPLOADED → VALIDATED → IMPORTED, or UPLOAD_ERROR / VALIDATION_ERROR / IMPORT_ERROR.
 */
export const learnerImports = pgTable(
  'learner_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    /** SIECLE, SCO_CSV, SUP_CSV or GENERIC_CSV. */
    format: text().notNull(),
    /** SUP only: ADD_OR_UPDATE or REPLACE. */
    mode: text(),
    fileName: text().notNull(),
    status: text().notNull(),
    /** 0–100 while the job runs, for the progress bar. */
    progress: integer().notNull().default(0),
    /** [{code, line?, column?, elementId?, meta?}] in the order met. */
    errors: jsonb(),
    warnings: jsonb(),
    /** {created, updated, disabled, skipped} once imported. */
    counts: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One import at a time per organization (409 IMPORT_IN_PROGRESS), across processes.
    uniqueIndex('one_running_import_per_organization')
      .on(t.organizationId)
      .where(sql`${t.status} in ('UPLOADED', 'VALIDATED')`),
    index('learner_imports_by_organization').on(t.organizationId, t.createdAt),
    check('learner_import_format_is_known', sql`${t.format} in ('SIECLE', 'SCO_CSV', 'SUP_CSV', 'GENERIC_CSV')`),
    check(
      'learner_import_status_is_known',
      sql`${t.status} in ('UPLOADED', 'VALIDATED', 'IMPORTED', 'UPLOAD_ERROR', 'VALIDATION_ERROR', 'IMPORT_ERROR')`,
    ),
  ],
);

/** The uploaded bytes, kept only until the job has read them: the row is deleted after processing. */
export const learnerImportFiles = pgTable('learner_import_files', {
  importId: uuid()
    .primaryKey()
    .references(() => learnerImports.id, { onDelete: 'cascade' }),
  content: bytea().notNull(),
});
