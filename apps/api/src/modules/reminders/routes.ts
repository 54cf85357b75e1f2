import {
  campaignParamsSchema,
  campaignReminderBodySchema,
  campaignRemindersSentSchema,
  myRemindersSchema,
  participationReminderParamsSchema,
  reminderSentSchema,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { myReminders, remindCampaign, remindParticipation, type ReminderDeps } from './reminders';

export function reminderRoutes(deps: ReminderDeps) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['reminders'];

    r.post(
      '/api/campaigns/:campaignId/participations/:participationId/reminders',
      { schema: { tags, params: participationReminderParamsSchema, response: { 201: reminderSentSchema } }, config: { access: 'orgMember' } },
      async (request, reply) => {
        const { sentAt, mailed } = await remindParticipation(deps, { ...request.params, teacherId: request.session!.userId });
        return reply.status(201).send({ sentAt: sentAt.toISOString(), mailed });
      },
    );

    r.post(
      '/api/campaigns/:campaignId/reminders',
      {
        schema: { tags, params: campaignParamsSchema, body: campaignReminderBodySchema, response: { 200: campaignRemindersSentSchema } },
        config: { access: 'orgMember' },
      },
      async (request) => remindCampaign(deps, { campaignId: request.params.campaignId, teacherId: request.session!.userId, divisions: request.body.divisions }),
    );

    r.get(
      '/api/me/reminders',
      { schema: { tags, response: { 200: myRemindersSchema } }, config: { access: 'user' } },
      async (request) => ({ reminders: await myReminders(deps.db, request.session!.userId) }),
    );
  };
}
