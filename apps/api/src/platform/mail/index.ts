import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Clock } from '../clock';
import type { Database, Executor } from '../db/database';
import type { Jobs } from '../jobs';
import { outboxMails } from './schema';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const DELIVER_QUEUE = 'mail-deliver';

/** Mails still undelivered this long after being written are queued again at start (a crash between commit and send). */
const REDELIVERY_AGE_MS = 60_000;

export interface Mailer {
  /** Writes the mail in the caller's transaction; call `dispatch` with the id once it commits. */
  add(executor: Executor, message: MailMessage): Promise<string>;
  dispatch(mailIds: string[]): Promise<void>;
  list(limit: number): Promise<(typeof outboxMails.$inferSelect)[]>;
  find(mailId: string): Promise<typeof outboxMails.$inferSelect | undefined>;
}

export interface MailerOptions {
  database: Database;
  jobs: Jobs;
  clock: Clock;
  smtpUrl: string | undefined;
  from: string;
  /** Overrides the SMTP transport (tests use nodemailer's stream transport). */
  transport?: Transporter;
}

export function createMailer({ database, jobs, clock, smtpUrl, from, transport }: MailerOptions): Mailer & {
  redeliverStale(): Promise<void>;
} {
  const { db } = database;
  const smtp = transport ?? (smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined);

  jobs.register<{ mailId: string }>(DELIVER_QUEUE, async ({ mailId }) => {
    const [mail] = await db.select().from(outboxMails).where(eq(outboxMails.id, mailId));
    if (!mail || mail.deliveredAt) return;
    if (!smtp) {
      await db.update(outboxMails).set({ deliveredAt: clock.now(), deliveredVia: 'outbox' }).where(eq(outboxMails.id, mailId));
      return;
    }
    try {
      await smtp.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    } catch (error) {
      await db.update(outboxMails).set({ lastError: String(error) }).where(eq(outboxMails.id, mailId));
      throw error;
    }
    await db.update(outboxMails).set({ deliveredAt: clock.now(), deliveredVia: 'smtp', lastError: null }).where(eq(outboxMails.id, mailId));
  });

  return {
    async add(executor, message) {
      const [row] = await executor
        .insert(outboxMails)
        .values({ ...message, to: message.to.toLowerCase(), createdAt: clock.now() })
        .returning({ id: outboxMails.id });
      return row!.id;
    },
    async dispatch(mailIds) {
      for (const mailId of mailIds) await jobs.send(DELIVER_QUEUE, { mailId });
    },
    list: (limit) => db.select().from(outboxMails).orderBy(desc(outboxMails.createdAt)).limit(limit),
    async find(mailId) {
      const [mail] = await db.select().from(outboxMails).where(eq(outboxMails.id, mailId));
      return mail;
    },
    async redeliverStale() {
      const stale = await db
        .select({ id: outboxMails.id })
        .from(outboxMails)
        .where(and(isNull(outboxMails.deliveredAt), lt(outboxMails.createdAt, new Date(clock.now().getTime() - REDELIVERY_AGE_MS))));
      for (const { id } of stale) await jobs.send(DELIVER_QUEUE, { mailId: id });
    },
  };
}

/** Escapes text placed in a mail's HTML body. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
