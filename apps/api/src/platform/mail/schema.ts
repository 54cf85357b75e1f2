import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every outgoing mail is written here in the transaction that causes it (transactional
 * outbox); a job delivers it. Without SMTP the table itself is the mailbox the admin
 * space shows as « Boîte d'envoi ».
 */
export const outboxMails = pgTable(
  'outbox_mails',
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    deliveredAt: timestamp({ withTimezone: true }),
    /** `smtp` once sent, `outbox` when kept for reading here because no SMTP server is set. */
    deliveredVia: text(),
    lastError: text(),
  },
  (t) => [index('outbox_mails_by_date').on(t.createdAt)],
);
