import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

/** `POST /api/campaigns/:campaignId/participations/:participationId/reminders` (« Relancer »). */
export const participationReminderParamsSchema = z.object({ campaignId: idSchema, participationId: idSchema });

export const reminderSentSchema = z.object({
  sentAt: isoDateTime,
  /** Whether a mail left too (the learner has an address). */
  mailed: z.boolean(),
});
export type ReminderSent = z.infer<typeof reminderSentSchema>;

/** `POST /api/campaigns/:campaignId/reminders`: every waiting learner, or those of some classes/groups. */
export const campaignReminderBodySchema = z.object({
  divisions: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
});
export const campaignRemindersSentSchema = z.object({
  /** Learners reminded now. */
  sent: z.number().int().min(0),
  /** Waiting learners already reminded by a teacher in the last 24 hours. */
  skipped: z.number().int().min(0),
});
export type CampaignRemindersSent = z.infer<typeof campaignRemindersSentSchema>;

/** `GET /api/me/reminders`: the learner's participations that a reminder is about, for the home banner. */
export const myReminderSchema = z.object({
  participationId: idSchema,
  campaignCode: z.string(),
  campaignTitle: z.string(),
  /** TO_SHARE: « Vous n'avez pas envoyé vos résultats »; STARTED: « Terminez votre parcours ». */
  status: z.enum(['STARTED', 'TO_SHARE']),
  lastSentAt: isoDateTime,
});
export const myRemindersSchema = z.object({ reminders: z.array(myReminderSchema) });
export type MyReminder = z.infer<typeof myReminderSchema>;
export type MyReminders = z.infer<typeof myRemindersSchema>;
