import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { certificationCandidates, certificationSittings } from '../certification-centre/schema';
import { users } from '../identity/schema';

/** One candidate's certification test (`certification.md` §3): its state while it runs. */
export const certificationCourses = pgTable(
  'certification_courses',
  {
    id: uuid().primaryKey().defaultRandom(),
    candidateId: uuid()
      .notNull()
      .references(() => certificationCandidates.id),
    sittingId: uuid()
      .notNull()
      .references(() => certificationSittings.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    /** The challenge served and not yet answered: a reload serves it again. */
    servedChallengeId: text(),
    servedAt: timestamp({ withTimezone: true }),
    /** Set while a reported problem waits for the invigilator. */
    pausedAt: timestamp({ withTimezone: true }),
    /** Time already spent paused, in ms: the test's clock stops while the candidate waits. */
    pausedMs: integer().notNull().default(0),
    endedAt: timestamp({ withTimezone: true }),
    /** COMPLETED (32 answers or nothing left), TIMED_OUT, CANDIDATE, INVIGILATOR. */
    endReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('one_course_per_candidate').on(t.candidateId),
    index('certification_courses_by_sitting').on(t.sittingId),
    index('certification_courses_by_user').on(t.userId),
    check('certification_course_end_reason_is_known', sql`${t.endReason} is null or ${t.endReason} in ('COMPLETED', 'TIMED_OUT', 'CANDIDATE', 'INVIGILATOR')`),
  ],
);

/** Answers of a certification test, appended in order; `neutralized` by the jury removes one from scoring. */
export const certificationAnswers = pgTable(
  'certification_answers',
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => certificationCourses.id),
    challengeId: text().notNull(),
    /** Position in the test, from 1. */
    position: integer().notNull(),
    value: text(),
    /** ok, ko, aband, timedout, focusedOut. */
    result: text().notNull(),
    timeSpentMs: integer(),
    neutralized: boolean().notNull().default(false),
    answeredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('one_answer_per_course_and_challenge').on(t.courseId, t.challengeId),
    uniqueIndex('one_answer_per_course_and_position').on(t.courseId, t.position),
  ],
);

/** « Signaler un problème » during a certification test: the candidate waits until the invigilator resolves it. */
export const certificationIssueReports = pgTable(
  'certification_issue_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => certificationCourses.id),
    challengeId: text(),
    category: text().notNull(),
    description: text(),
    /** REPLACEMENT (the challenge is excluded and another served) or RESUME. */
    resolution: text(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('certification_issue_reports_by_course').on(t.courseId),
    check('certification_issue_resolution_is_known', sql`${t.resolution} is null or ${t.resolution} in ('REPLACEMENT', 'RESUME')`),
  ],
);
