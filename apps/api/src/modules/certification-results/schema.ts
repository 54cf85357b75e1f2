import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { certificationCourses } from '../certification-course/schema';

/**
 * The scored result of a certification test (`certification.md` §4–6), computed when the
 * test ends and recomputed by the jury; shown only once its sitting is published.
 */
export const certificationResults = pgTable(
  'certification_results',
  {
    courseId: uuid()
      .primaryKey()
      .references(() => certificationCourses.id),
    /** started, error, validated, rejected, cancelled. */
    status: text().notNull(),
    pixScore: integer(),
    /** Raw capacity after the abandon downgrade, for audits. */
    capacity: numeric(),
    /** {competenceId: level | null} for the 16 core competences (null: no question asked). */
    competenceLevels: jsonb(),
    answerCount: integer().notNull(),
    /**
     * The jury attributed an interruption to a technical incident (`certification.md` §4): under
     * 20 answers the test is cancelled rather than rejected, and from 20 to 31 it is not downgraded.
     */
    incidentAccepted: boolean().notNull().default(false),
    /** The jury's comment shown on the certificate, and the automatic ones. */
    publicComment: text(),
    internalComment: text(),
    /** `J-` + 8 unambiguous characters; the public verification key. */
    verificationCode: text().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('one_certificate_per_verification_code').on(t.verificationCode),
    check('certification_result_status_is_known', sql`${t.status} in ('started', 'error', 'validated', 'rejected', 'cancelled')`),
  ],
);
