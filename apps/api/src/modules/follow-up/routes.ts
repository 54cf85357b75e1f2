import {
  activityPageSchema,
  activityQuerySchema,
  activitySummarySchema,
  campaignParamsSchema,
  participationOfCampaignParamsSchema,
  resultsPageSchema,
  resultsQuerySchema,
  resultsSummarySchema,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ContentIndex } from '../assessment';
import { activityPage, activitySummary } from './activity.query';
import { deleteParticipation } from './delete-participation';
import { resultsPage, resultsSummary } from './results.query';

export interface FollowUpDeps {
  db: Db;
  clock: Clock;
  content: ContentIndex;
}

/** Orga's follow-up of a campaign (`analytics-and-exports.md` §2–3): « Participants » and « Résultats ». */
export function followUpRoutes(deps: FollowUpDeps) {
  const { db, clock, content } = deps;
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['follow-up'];
    const access = { access: 'orgMember' as const };

    r.get(
      '/api/campaigns/:campaignId/activity',
      { schema: { tags, params: campaignParamsSchema, response: { 200: activitySummarySchema } }, config: access },
      async (request) => activitySummary(db, request.params.campaignId, clock.now()),
    );

    r.get(
      '/api/campaigns/:campaignId/activity/participants',
      { schema: { tags, params: campaignParamsSchema, querystring: activityQuerySchema, response: { 200: activityPageSchema } }, config: access },
      async (request) => activityPage(db, request.params.campaignId, request.query, clock.now()),
    );

    r.delete(
      '/api/campaigns/:campaignId/participations/:participationId',
      { schema: { tags, params: participationOfCampaignParamsSchema, response: { 204: z.null() } }, config: access },
      async (request, reply) => {
        await deleteParticipation(deps, { ...request.params, userId: request.session!.userId, membership: request.membership! });
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/api/campaigns/:campaignId/results/summary',
      { schema: { tags, params: campaignParamsSchema, response: { 200: resultsSummarySchema } }, config: access },
      async (request) => resultsSummary(db, request.params.campaignId),
    );

    r.get(
      '/api/campaigns/:campaignId/results',
      { schema: { tags, params: campaignParamsSchema, querystring: resultsQuerySchema, response: { 200: resultsPageSchema } }, config: access },
      async (request) => resultsPage(db, request.params.campaignId, request.query, content.coreCompetenceIds),
    );
  };
}
