import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { participations } from '../campaigns/schema';
import { users } from '../identity/schema';

/**
 * A test being taken: a campaign's (one per participation, or a new improving one within
 * it) or a competence self-evaluation (`campaigns-and-participation.md` §7).
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    type: text().notNull(),
    participationId: uuid().references(() => participations.id),
    competenceId: text(),
    state: text().notNull().default('started'),
    isImproving: boolean().notNull().default(false),
    method: text().notNull().default('SMART_RANDOM'),
    locale: text().notNull().default('fr'),
    /** The challenge served and not yet answered: a reload shows it again. */
    lastChallengeId: text(),
    /** When `lastChallengeId` was first served, for timers and the time spent. */
    lastChallengeServedAt: timestamp({ withTimezone: true }),
    /** Mastery, stage and badges at completion, for the learner's end page only (`content-model.md` §7). */
    completionResults: jsonb(),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_by_user').on(t.userId),
    index('assessments_by_participation').on(t.participationId),
    check('assessment_type_is_known', sql`${t.type} in ('CAMPAIGN', 'COMPETENCE_EVALUATION')`),
    check('assessment_state_is_known', sql`${t.state} in ('started', 'completed', 'aborted')`),
    check('campaign_assessment_has_participation', sql`(${t.type} = 'CAMPAIGN') = (${t.participationId} is not null)`),
  ],
);

/** Answers are appended, never updated; one per challenge and assessment makes a resubmission harmless. */
export const answers = pgTable(
  'answers',
  {
    id: uuid().primaryKey().defaultRandom(),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id),
    challengeId: text().notNull(),
    skillId: text().notNull(),
    value: text().notNull(),
    result: text().notNull(),
    resultDetails: jsonb(),
    timeSpentMs: integer(),
    focusedOut: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('one_answer_per_challenge_in_assessment').on(t.assessmentId, t.challengeId),
    index('answers_by_assessment').on(t.assessmentId, t.createdAt),
  ],
);

/** Knowledge elements (`scoring-and-algorithm.md` §1): append-only; the newest per skill is the current state. */
export const knowledgeElements = pgTable(
  'knowledge_elements',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    assessmentId: uuid().references(() => assessments.id),
    answerId: uuid().references(() => answers.id),
    /** Set only on EXAM rows: they never reach the profile. */
    participationId: uuid().references(() => participations.id),
    skillId: text().notNull(),
    tubeId: text().notNull(),
    competenceId: text().notNull(),
    source: text().notNull(),
    inference: text(),
    status: text().notNull(),
    // A float like the release's pixValue (8/3 has no exact decimal); sums go through the engine's tolerant floor.
    earnedPix: doublePrecision().notNull(),
  },
  (t) => [
    index('knowledge_elements_by_user_skill').on(t.userId, t.skillId, t.createdAt),
    index('knowledge_elements_by_assessment').on(t.assessmentId),
    check('knowledge_element_source_is_known', sql`${t.source} in ('direct', 'inferred')`),
    check('knowledge_element_status_is_known', sql`${t.status} in ('validated', 'invalidated', 'reset')`),
    check('knowledge_element_inference_is_known', sql`${t.inference} is null or ${t.inference} in ('rule', 'model')`),
  ],
);

/** Every tutorial shown to a learner at a checkpoint: Orga marks them « Proposé pendant le test ». */
export const tutorialDisplays = pgTable(
  'tutorial_displays',
  {
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id),
    tutorialId: text().notNull(),
    skillId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'one_display_per_assessment_tutorial', columns: [t.assessmentId, t.tutorialId] })],
);

/** Tutorials a learner saved (« Mes tutos »), and whether they found them helpful. */
export const savedTutorials = pgTable(
  'saved_tutorials',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    tutorialId: text().notNull(),
    skillId: text(),
    helpful: boolean(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'one_save_per_user_tutorial', columns: [t.userId, t.tutorialId] })],
);

/** « Signaler un problème » on a challenge. */
export const challengeReports = pgTable(
  'challenge_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id),
    challengeId: text().notNull(),
    category: text().notNull(),
    comment: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('challenge_reports_by_challenge').on(t.challengeId)],
);
