import {
  campaignCodeParamsSchema,
  campaignIdParamsSchema,
  campaignLandingSchema,
  campaignResultsSchema,
  myCampaignsSchema,
  myParticipationSchema,
  participationParamsSchema,
  profileCollectionSchema,
  reconciliationBodySchema,
  reconciliationResponseSchema,
  startParticipationBodySchema,
  startParticipationResponseSchema,
} from '@jalon/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors';
import type { RateLimiter } from '../../platform/rate-limit';
import { findUserById, type User } from '../identity';
import { campaignForLearner } from './campaign.query';
import { landingByCode, myCampaigns, myParticipation, myProfileCollection, myResults, type ViewDeps } from './learner-views';
import { reconcile } from './reconciliation';
import { shareParticipation, type ShareDeps } from './share';
import { improveParticipation, startParticipation } from './start';

/** Campaign-code look-ups per minute: per user, and per address (a whole school may share one). */
const CODE_LOOKUPS_PER_USER = 20;
const CODE_LOOKUPS_PER_IP = 600;

export function participationRoutes(deps: ViewDeps & ShareDeps & { limiter: RateLimiter }) {
  const { db, limiter } = deps;

  async function caller(request: FastifyRequest): Promise<User> {
    const user = await findUserById(db, request.session!.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return user;
  }

  async function throttleCodeLookups(request: FastifyRequest) {
    const overIp = (await limiter.hit(`code-lookups-ip:${request.ip}`, 60)) > CODE_LOOKUPS_PER_IP;
    const overUser = request.session ? (await limiter.hit(`code-lookups-user:${request.session.userId}`, 60)) > CODE_LOOKUPS_PER_USER : false;
    if (overIp || overUser) throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(limiter.retryAfter(60)) } });
  }

  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['participation'];

    r.get(
      '/api/campaigns/by-code/:code',
      { schema: { tags, params: campaignCodeParamsSchema, response: { 200: campaignLandingSchema } }, config: { access: 'public' } },
      async (request) => {
        await throttleCodeLookups(request);
        return landingByCode(deps, request.params.code, request.session ? await caller(request) : null);
      },
    );

    r.post(
      '/api/campaigns/:campaignId/reconciliation',
      {
        schema: { tags, params: campaignIdParamsSchema, body: reconciliationBodySchema, response: { 200: reconciliationResponseSchema } },
        config: { access: 'user' },
      },
      async (request) => {
        const { campaign } = await campaignForLearner(db, { id: request.params.campaignId });
        return reconcile(deps, { organizationId: campaign.organizationId, user: await caller(request), ...request.body });
      },
    );

    r.post(
      '/api/campaigns/:campaignId/participations',
      {
        schema: {
          tags,
          params: campaignIdParamsSchema,
          body: startParticipationBodySchema,
          response: { 200: startParticipationResponseSchema, 201: startParticipationResponseSchema },
        },
        config: { access: 'user' },
      },
      async (request, reply) => {
        const { participation, created } = await startParticipation(deps, { campaignId: request.params.campaignId, user: await caller(request), body: request.body });
        return reply.status(created ? 201 : 200).send({ participation: await myParticipation(db, participation), created });
      },
    );

    r.get(
      '/api/campaigns/:campaignId/my-results',
      { schema: { tags, params: campaignIdParamsSchema, response: { 200: campaignResultsSchema } }, config: { access: 'user' } },
      async (request) => myResults(deps, request.params.campaignId, request.session!.userId),
    );

    r.get(
      '/api/campaigns/:campaignId/my-profile-collection',
      { schema: { tags, params: campaignIdParamsSchema, response: { 200: profileCollectionSchema } }, config: { access: 'user' } },
      async (request) => myProfileCollection(deps, request.params.campaignId, request.session!.userId),
    );

    r.post(
      '/api/participations/:participationId/share',
      { schema: { tags, params: participationParamsSchema, response: { 200: myParticipationSchema } }, config: { access: 'user' } },
      async (request) => {
        const shared = await shareParticipation(deps, { participationId: request.params.participationId, userId: request.session!.userId });
        return myParticipation(db, shared);
      },
    );

    r.post(
      '/api/participations/:participationId/improve',
      { schema: { tags, params: participationParamsSchema, response: { 200: myParticipationSchema } }, config: { access: 'user' } },
      async (request) => myParticipation(db, await improveParticipation(deps, { participationId: request.params.participationId, user: await caller(request) })),
    );

    r.get(
      '/api/me/campaigns',
      { schema: { tags, response: { 200: myCampaignsSchema } }, config: { access: 'user' } },
      async (request) => myCampaigns(deps, request.session!.userId),
    );
  };
}
