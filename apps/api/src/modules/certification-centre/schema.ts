import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema';
import { organizationLearners, organizations } from '../organizations/schema';

/**
 * A certification sitting (« session de certification », `certification.md` §1) of a centre:
 * created → finalized (by the centre) → published (by an instance admin).
 */
export const certificationSittings = pgTable(
  'certification_sittings',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The number candidates type to find their sitting. */
    number: serial().notNull(),
    centerId: uuid()
      .notNull()
      .references(() => organizations.id),
    address: text().notNull(),
    room: text().notNull(),
    date: date().notNull(),
    /** HH:MM, the centre's local time. */
    time: text().notNull(),
    invigilatorName: text().notNull(),
    /** 6 characters, unambiguous letters and digits 2–9: typed by candidates once authorised. */
    accessCode: text().notNull(),
    status: text().notNull().default('created'),
    finalizedAt: timestamp({ withTimezone: true }),
    finalizedBy: uuid().references(() => users.id),
    /** The centre's comments at finalisation (incidents, absences). */
    finalizationComment: text(),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: uuid().references(() => users.id),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('one_sitting_per_number').on(t.number),
    uniqueIndex('one_sitting_per_access_code').on(t.accessCode),
    index('certification_sittings_by_centre').on(t.centerId, t.date),
    check('certification_sitting_status_is_known', sql`${t.status} in ('created', 'finalized', 'published')`),
  ],
);

/** A candidate enrolled in a sitting, by hand or from the school's roster (`certification.md` §1). */
export const certificationCandidates = pgTable(
  'certification_candidates',
  {
    id: uuid().primaryKey().defaultRandom(),
    sittingId: uuid()
      .notNull()
      .references(() => certificationSittings.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** t1-standardised last name, first name (the name order of lists and PDFs). */
    sortKey: text().notNull(),
    birthdate: date().notNull(),
    birthCity: text(),
    birthCountry: text(),
    externalId: text(),
    extraTimePercentage: integer().notNull().default(0),
    accessibilityAdjustmentNeeded: boolean().notNull().default(false),
    organizationLearnerId: uuid().references(() => organizationLearners.id),
    /** The account that entered the sitting as this candidate (set at entry). */
    userId: uuid().references(() => users.id),
    /** The invigilator confirmed the candidate's presence: the access code may now be typed. */
    authorizedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('certification_candidates_by_sitting').on(t.sittingId, t.sortKey),
    uniqueIndex('one_enrolment_per_learner_and_sitting')
      .on(t.sittingId, t.organizationLearnerId)
      .where(sql`${t.organizationLearnerId} is not null`),
    uniqueIndex('one_candidate_per_account_and_sitting')
      .on(t.sittingId, t.userId)
      .where(sql`${t.userId} is not null`),
    index('certification_candidates_by_learner').on(t.organizationLearnerId),
    check('candidate_extra_time_is_a_percentage', sql`${t.extraTimePercentage} between 0 and 100`),
  ],
);
