import {
  answerBodySchema,
  answerResponseSchema,
  assessmentParamsSchema,
  assessmentSchema,
  challengeReportBodySchema,
  checkpointQuerySchema,
  checkpointSchema,
  competenceDetailsSchema,
  competenceParamsSchema,
  nextQuerySchema,
  nextStepSchema,
  profileSchema,
  savedTutorialsSchema,
  startSelfEvaluationResponseSchema,
  tutorialFeedbackBodySchema,
  tutorialParamsSchema,
  type Assessment,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { RateLimiter } from '../../platform/rate-limit';
import { checkpoint } from './checkpoint';
import { competenceDetails, learnerProfile, resetCompetence, startSelfEvaluation } from './profile';
import { nextStep, progressionPercent, recordAnswer, type RunnerDeps } from './runner';
import { challengeReports } from './schema';
import { loadTestContext } from './test-context';
import { markTutorialHelpful, myTutorials, saveTutorial, unsaveTutorial } from './tutorials';

/** `answersPerMinute`: answers per user and minute before `RATE_LIMITED` (`learners-and-accounts.md` §6). */
export function assessmentRoutes(deps: RunnerDeps & { limiter: RateLimiter; answersPerMinute: number }) {
  const { db, content } = deps;
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['assessment'];

    r.get(
      '/api/assessments/:assessmentId',
      { schema: { tags, params: assessmentParamsSchema, response: { 200: assessmentSchema } }, config: { access: 'user' } },
      async (request): Promise<Assessment> => {
        const ctx = await loadTestContext(db, content, request.params.assessmentId, request.session!.userId);
        const competence = ctx.assessment.competenceId ? content.competence(ctx.assessment.competenceId) : undefined;
        const campaign = ctx.campaign;
        let title = campaign?.title ?? null;
        if (campaign && !title && campaign.targetProfileId) {
          title = content.release.targetProfiles.find((p) => p.id === campaign.targetProfileId)?.name ?? null;
        }
        return {
          id: ctx.assessment.id,
          type: ctx.assessment.type === 'CAMPAIGN' ? 'CAMPAIGN' : 'COMPETENCE_EVALUATION',
          state: ctx.assessment.state as Assessment['state'],
          answerCount: ctx.answers.length,
          progression: progressionPercent(ctx),
          campaign: campaign ? { id: campaign.id, code: campaign.code, title, type: campaign.type as NonNullable<Assessment['campaign']>['type'] } : null,
          competence: competence ? { id: competence.id, index: competence.index, name: competence.name.fr } : null,
        };
      },
    );

    r.get(
      '/api/assessments/:assessmentId/next',
      {
        schema: { tags, params: assessmentParamsSchema, querystring: nextQuerySchema, response: { 200: nextStepSchema } },
        config: { access: 'user' },
      },
      async (request) => nextStep(deps, { assessmentId: request.params.assessmentId, userId: request.session!.userId, start: request.query.start }),
    );

    r.post(
      '/api/assessments/:assessmentId/answers',
      { schema: { tags, params: assessmentParamsSchema, body: answerBodySchema, response: { 200: answerResponseSchema } }, config: { access: 'user' } },
      async (request) => {
        const userId = request.session!.userId;
        const admit = async (tx: Tx) => {
          if ((await deps.limiter.hit(`answers:${userId}`, 60, tx)) > deps.answersPerMinute) {
            throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(deps.limiter.retryAfter(60)) } });
          }
        };
        return recordAnswer(deps, { assessmentId: request.params.assessmentId, userId, body: request.body, admit });
      },
    );

    r.get(
      '/api/assessments/:assessmentId/checkpoint',
      {
        schema: { tags, params: assessmentParamsSchema, querystring: checkpointQuerySchema, response: { 200: checkpointSchema } },
        config: { access: 'user' },
      },
      async (request) => checkpoint(deps, { assessmentId: request.params.assessmentId, userId: request.session!.userId, final: request.query.final }),
    );

    r.post(
      '/api/assessments/:assessmentId/reports',
      { schema: { tags, params: assessmentParamsSchema, body: challengeReportBodySchema, response: { 204: z.null() } }, config: { access: 'user' } },
      async (request, reply) => {
        const ctx = await loadTestContext(db, content, request.params.assessmentId, request.session!.userId);
        if (!content.challenge(request.body.challengeId)) throw new AppError('CHALLENGE_NOT_FOUND', { pointer: '/challengeId' });
        await db.insert(challengeReports).values({ assessmentId: ctx.assessment.id, ...request.body, createdAt: deps.clock.now() });
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/api/me/profile',
      { schema: { tags, response: { 200: profileSchema } }, config: { access: 'user' } },
      async (request) => learnerProfile(deps, request.session!.userId),
    );

    r.post(
      '/api/competences/:competenceId/evaluations',
      { schema: { tags, params: competenceParamsSchema, response: { 200: startSelfEvaluationResponseSchema } }, config: { access: 'user' } },
      async (request) => startSelfEvaluation(deps, { userId: request.session!.userId, competenceId: request.params.competenceId, locale: 'fr' }),
    );

    r.get(
      '/api/me/competences/:competenceId',
      { schema: { tags, params: competenceParamsSchema, response: { 200: competenceDetailsSchema } }, config: { access: 'user' } },
      async (request) => competenceDetails(deps, { userId: request.session!.userId, competenceId: request.params.competenceId }),
    );

    r.post(
      '/api/competences/:competenceId/reset',
      { schema: { tags, params: competenceParamsSchema, response: { 204: z.null() } }, config: { access: 'user' } },
      async (request, reply) => {
        await resetCompetence(deps, { userId: request.session!.userId, competenceId: request.params.competenceId });
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/api/me/tutorials',
      { schema: { tags, response: { 200: savedTutorialsSchema } }, config: { access: 'user' } },
      async (request) => myTutorials(deps, request.session!.userId),
    );

    r.put(
      '/api/me/tutorials/:tutorialId',
      { schema: { tags, params: tutorialParamsSchema, response: { 204: z.null() } }, config: { access: 'user' } },
      async (request, reply) => {
        await saveTutorial(deps, request.session!.userId, request.params.tutorialId);
        return reply.status(204).send(null);
      },
    );

    r.patch(
      '/api/me/tutorials/:tutorialId',
      { schema: { tags, params: tutorialParamsSchema, body: tutorialFeedbackBodySchema, response: { 204: z.null() } }, config: { access: 'user' } },
      async (request, reply) => {
        await markTutorialHelpful(deps, request.session!.userId, request.params.tutorialId, request.body.helpful);
        return reply.status(204).send(null);
      },
    );

    r.delete(
      '/api/me/tutorials/:tutorialId',
      { schema: { tags, params: tutorialParamsSchema, response: { 204: z.null() } }, config: { access: 'user' } },
      async (request, reply) => {
        await unsaveTutorial(db, request.session!.userId, request.params.tutorialId);
        return reply.status(204).send(null);
      },
    );
  };
}
