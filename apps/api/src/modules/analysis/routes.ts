import {
  analysisQuerySchema,
  campaignAnalysisSchema,
  campaignParamsSchema,
  campaignParticipationParamsSchema,
  collectiveResultsSchema,
  learnerActivitySchema,
  organizationLearnerParamsSchema,
  participantAnalysisSchema,
  participantPageSchema,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/database';
import type { ContentIndex } from '../assessment';
import { campaignAnalysis, collectiveResults } from './analysis.query';
import { learnerActivity } from './learner-activity.query';
import { participantAnalysis, participantPage } from './participant.query';

export interface AnalysisDeps {
  db: Db;
  content: ContentIndex;
}

/** Orga's reading of sent results: « Analyse », « Résultats collectifs », participant pages, a learner's activity. */
export function analysisRoutes({ db, content }: AnalysisDeps) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['analysis'];
    const config = { access: 'orgMember' as const };

    r.get(
      '/api/campaigns/:campaignId/analysis',
      { schema: { tags, params: campaignParamsSchema, querystring: analysisQuerySchema, response: { 200: campaignAnalysisSchema } }, config },
      async (request) => campaignAnalysis(db, content, request.params.campaignId, request.query),
    );

    r.get(
      '/api/campaigns/:campaignId/collective-results',
      { schema: { tags, params: campaignParamsSchema, querystring: analysisQuerySchema, response: { 200: collectiveResultsSchema } }, config },
      async (request) => collectiveResults(db, content, request.params.campaignId, request.query),
    );

    r.get(
      '/api/campaigns/:campaignId/participations/:participationId',
      { schema: { tags, params: campaignParticipationParamsSchema, response: { 200: participantPageSchema } }, config },
      async (request) => participantPage(db, content, request.params.campaignId, request.params.participationId),
    );

    r.get(
      '/api/campaigns/:campaignId/participations/:participationId/analysis',
      { schema: { tags, params: campaignParticipationParamsSchema, response: { 200: participantAnalysisSchema } }, config },
      async (request) => participantAnalysis(db, content, request.params.campaignId, request.params.participationId),
    );

    r.get(
      '/api/organizations/:organizationId/learners/:organizationLearnerId/activity',
      { schema: { tags, params: organizationLearnerParamsSchema, response: { 200: learnerActivitySchema } }, config },
      async (request) => learnerActivity(db, request.params.organizationId, request.params.organizationLearnerId),
    );
  };
}
