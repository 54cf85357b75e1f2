import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema';
import { participations } from '../campaigns/schema';

/**
 * Reminders sent to learners about a participation (`beyond-the-reference.md` §11): the
 * automatic series and the teachers' « Relancer ». A row is written once the reminder is
 * sent (banner, and mail when the learner has an address).
 */
export const participationReminders = pgTable(
  'participation_reminders',
  {
    id: uuid().primaryKey().defaultRandom(),
    participationId: uuid()
      .notNull()
      .references(() => participations.id),
    /** TO_SHARE or STARTED for the automatic series, MANUAL for « Relancer ». */
    kind: text().notNull(),
    /** Automatic reminders: the anchor (completion or last answer) and the place in its series. */
    anchorAt: timestamp({ withTimezone: true }),
    ordinal: integer(),
    /** The teacher who pressed « Relancer ». */
    sentBy: uuid().references(() => users.id),
    mailId: uuid(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    // Several API processes sweep at once: the first insert wins, the others send nothing.
    uniqueIndex('one_automatic_reminder_per_step')
      .on(t.participationId, t.kind, t.anchorAt, t.ordinal)
      .where(sql`${t.kind} <> 'MANUAL'`),
    index('reminders_by_participation').on(t.participationId, t.sentAt),
    check('reminder_kind_is_known', sql`${t.kind} in ('TO_SHARE', 'STARTED', 'MANUAL')`),
    check('automatic_reminder_has_step', sql`(${t.kind} = 'MANUAL') = (${t.anchorAt} is null and ${t.ordinal} is null)`),
    check('manual_reminder_has_teacher', sql`(${t.kind} = 'MANUAL') = (${t.sentBy} is not null)`),
  ],
);
