import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../platform/http/errors';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import type { Mailer } from '../../platform/mail';
import { users } from '../identity/schema';
import { organizationFeatures, organizationLearners, organizations } from '../organizations/schema';
import { campaigns, participations } from '../campaigns/schema';
import { targetProfiles } from '../catalogue/schema';
import { answers, assessments } from '../assessment/schema';
import { dueReminder, MANUAL_REMINDER_INTERVAL_MS } from './reminder-rules';
import { reminderMail } from './reminder-mail';
import { participationReminders } from './schema';

/** The organization toggle that turns automatic reminders on (`beyond-the-reference.md` §11). */
const REMINDERS_FEATURE = 'REMINDERS';

export interface ReminderDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
}

type Waiting = 'STARTED' | 'TO_SHARE';

// Completion for a participation waiting to be sent (a profile collection has no
// assessment: its start), the last answer for one left midway (else its start).
const anchorAt = sql<Date>`case when ${participations.status} = 'TO_SHARE'
  then coalesce((select max(${assessments.completedAt}) from ${assessments} where ${assessments.participationId} = ${participations.id}), ${participations.createdAt})
  else coalesce((select max(${answers.createdAt}) from ${answers} join ${assessments} on ${assessments.id} = ${answers.assessmentId} where ${assessments.participationId} = ${participations.id}), ${participations.createdAt})
  end`.mapWith(participations.createdAt);

// What the learner saw as the campaign's title on its landing page.
const learnerTitle = sql<string>`coalesce(${campaigns.title}, ${targetProfiles.name}, ${campaigns.name})`;

/** Participations a reminder can be about: not sent, not replaced, in a live campaign. */
const waitingParticipation = and(
  isNull(participations.deletedAt),
  eq(participations.isImproved, false),
  inArray(participations.status, ['STARTED', 'TO_SHARE']),
  isNull(campaigns.archivedAt),
  isNull(campaigns.deletedAt),
);

/**
 * Sends every automatic reminder that is due now; returns how many left. Safe to run from
 * several processes at once: a step's row is written once, and only its writer mails.
 */
export async function sendDueReminders(deps: ReminderDeps): Promise<number> {
  const now = deps.clock.now();
  const candidates = await deps.db
    .select({
      participationId: participations.id,
      status: participations.status,
      anchorAt,
      sentSinceAnchor: sql<number>`(select count(*) from ${participationReminders} r where r.participation_id = ${participations.id} and r.kind = ${participations.status} and r.anchor_at = ${anchorAt})`.mapWith(Number),
      automaticSent: sql<number>`(select count(*) from ${participationReminders} r where r.participation_id = ${participations.id} and r.kind <> 'MANUAL')`.mapWith(Number),
      timeZone: organizations.timeZone,
    })
    .from(participations)
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .innerJoin(organizations, eq(organizations.id, campaigns.organizationId))
    .innerJoin(organizationFeatures, and(eq(organizationFeatures.organizationId, organizations.id), eq(organizationFeatures.feature, REMINDERS_FEATURE)))
    .where(waitingParticipation);

  let sent = 0;
  for (const candidate of candidates) {
    const due = dueReminder({ ...candidate, anchor: candidate.anchorAt, status: candidate.status as Waiting }, now, candidate.timeZone);
    if (!due) continue;
    const mailIds: string[] = [];
    const written = await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(participationReminders)
        .values({ participationId: candidate.participationId, kind: due.series, anchorAt: candidate.anchorAt, ordinal: due.ordinal, sentAt: now })
        .onConflictDoNothing()
        .returning({ id: participationReminders.id });
      if (!row) return false;
      const mailId = await mailLearner(deps, tx, candidate.participationId, due.series);
      if (mailId) {
        mailIds.push(mailId);
        await tx.update(participationReminders).set({ mailId }).where(eq(participationReminders.id, row.id));
      }
      return true;
    });
    if (!written) continue;
    sent++;
    await deps.mailer.dispatch(mailIds);
  }
  return sent;
}

/** « Relancer » on one participation: banner and mail now, at most once in 24 hours. */
export async function remindParticipation(
  deps: ReminderDeps,
  input: { campaignId: string; participationId: string; teacherId: string },
): Promise<{ sentAt: Date; mailed: boolean }> {
  const now = deps.clock.now();
  const mailIds: string[] = [];
  const result = await deps.db.transaction(async (tx) => {
    // The row lock makes two clicks (or two teachers) queue up: the second sees the first reminder.
    const [participation] = await tx
      .select({ id: participations.id, status: participations.status, archivedAt: campaigns.archivedAt })
      .from(participations)
      .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
      .where(and(eq(participations.id, input.participationId), eq(participations.campaignId, input.campaignId), isNull(participations.deletedAt)))
      .for('update', { of: participations });
    if (!participation) throw new AppError('PARTICIPATION_NOT_FOUND');
    if (participation.archivedAt) throw new AppError('CAMPAIGN_ARCHIVED');
    if (participation.status === 'SHARED') throw new AppError('ALREADY_SHARED');
    const [last] = await tx
      .select({ sentAt: participationReminders.sentAt })
      .from(participationReminders)
      .where(and(eq(participationReminders.participationId, participation.id), eq(participationReminders.kind, 'MANUAL')))
      .orderBy(desc(participationReminders.sentAt))
      .limit(1);
    if (last && now.getTime() - last.sentAt.getTime() < MANUAL_REMINDER_INTERVAL_MS) {
      throw new AppError('REMINDER_TOO_SOON', { meta: { nextAt: new Date(last.sentAt.getTime() + MANUAL_REMINDER_INTERVAL_MS).toISOString() } });
    }
    const mailId = await mailLearner(deps, tx, participation.id, participation.status as Waiting);
    if (mailId) mailIds.push(mailId);
    await tx.insert(participationReminders).values({ participationId: participation.id, kind: 'MANUAL', sentBy: input.teacherId, mailId, sentAt: now });
    return { sentAt: now, mailed: mailId !== null };
  });
  await deps.mailer.dispatch(mailIds);
  return result;
}

/** « Relancer » on a whole campaign (or some classes/groups): every waiting learner not nudged in the last 24 hours. */
export async function remindCampaign(
  deps: ReminderDeps,
  input: { campaignId: string; teacherId: string; divisions?: string[] | undefined },
): Promise<{ sent: number; skipped: number }> {
  const [campaign] = await deps.db.select({ archivedAt: campaigns.archivedAt }).from(campaigns).where(eq(campaigns.id, input.campaignId));
  if (campaign?.archivedAt) throw new AppError('CAMPAIGN_ARCHIVED');
  const divisions = input.divisions?.length ? input.divisions : undefined;
  const waiting = await deps.db
    .select({ id: participations.id })
    .from(participations)
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .innerJoin(organizationLearners, eq(organizationLearners.id, participations.organizationLearnerId))
    .where(
      and(
        eq(participations.campaignId, input.campaignId),
        waitingParticipation,
        divisions ? sql`coalesce(${organizationLearners.division}, ${organizationLearners.group}) in ${divisions}` : undefined,
      ),
    );
  let sent = 0;
  let skipped = 0;
  for (const { id } of waiting) {
    try {
      await remindParticipation(deps, { campaignId: input.campaignId, participationId: id, teacherId: input.teacherId });
      sent++;
    } catch (error) {
      // A learner who sent meanwhile, or was nudged by a colleague, is simply skipped.
      if (!(error instanceof AppError) || !['REMINDER_TOO_SOON', 'ALREADY_SHARED', 'PARTICIPATION_NOT_FOUND'].includes(error.code)) throw error;
      skipped++;
    }
  }
  return { sent, skipped };
}

/** The learner's participations that a reminder was sent about and that still wait for them. */
export async function myReminders(db: Db, userId: string) {
  const rows = await db
    .select({
      participationId: participations.id,
      campaignCode: campaigns.code,
      campaignTitle: learnerTitle,
      status: participations.status,
      lastSentAt: sql<Date>`max(${participationReminders.sentAt})`.mapWith(participationReminders.sentAt),
    })
    .from(participationReminders)
    .innerJoin(participations, eq(participations.id, participationReminders.participationId))
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .leftJoin(targetProfiles, eq(targetProfiles.id, campaigns.targetProfileId))
    .where(and(eq(participations.userId, userId), waitingParticipation))
    .groupBy(participations.id, campaigns.code, campaigns.title, targetProfiles.name, campaigns.name, participations.status)
    .orderBy(desc(sql`max(${participationReminders.sentAt})`));
  return rows.map((row) => ({ ...row, status: row.status as Waiting, lastSentAt: row.lastSentAt.toISOString() }));
}

/** Writes the reminder mail in `executor` when the learner has an address; returns its id. */
async function mailLearner(deps: ReminderDeps, executor: Executor, participationId: string, status: Waiting): Promise<string | null> {
  const [learner] = await executor
    .select({
      email: users.email,
      firstName: users.firstName,
      lang: users.lang,
      campaignCode: campaigns.code,
      campaignTitle: learnerTitle,
      organizationName: organizations.name,
    })
    .from(participations)
    .innerJoin(users, eq(users.id, participations.userId))
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .leftJoin(targetProfiles, eq(targetProfiles.id, campaigns.targetProfileId))
    .innerJoin(organizations, eq(organizations.id, campaigns.organizationId))
    .where(eq(participations.id, participationId));
  if (!learner?.email) return null;
  const message = reminderMail(status, { ...learner, link: `${deps.publicUrl}/campagnes/${learner.campaignCode}` });
  return deps.mailer.add(executor, { to: learner.email, ...message });
}
