import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema';
import { organizationLearners, organizations } from '../organizations/schema';

/** Every teacher action on a pupil account (`learners-and-accounts.md` §7): who, on whom, when. */
export const learnerAuditEvents = pgTable(
  'learner_audit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    actorUserId: uuid()
      .notNull()
      .references(() => users.id),
    organizationLearnerId: uuid().references(() => organizationLearners.id),
    targetUserId: uuid(),
    /** USERNAME_ADDED, PASSWORD_RESET, ACCOUNT_CREATED, UNBLOCKED, LEARNER_DELETED, … */
    action: text().notNull(),
    meta: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('learner_audit_events_by_organization').on(t.organizationId, t.createdAt),
    index('learner_audit_events_by_learner').on(t.organizationLearnerId),
  ],
);
