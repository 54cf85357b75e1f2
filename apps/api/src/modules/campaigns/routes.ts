import {
  bulkDeleteCampaignsBodySchema,
  campaignParamsSchema,
  campaignSchema,
  campaignsPageSchema,
  campaignsQuerySchema,
  createCampaignBodySchema,
  organizationParamsSchema,
  updateCampaignBodySchema,
} from '@jalon/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setArchived } from './archive-campaign';
import { getCampaign, type Viewer } from './campaign-detail.query';
import { listCampaigns } from './campaign-list.query';
import { createCampaign, type CampaignDeps } from './create-campaign';
import { deleteCampaigns } from './delete-campaigns';
import { duplicateCampaign } from './duplicate-campaign';
import { updateCampaign } from './update-campaign';

/** Both are set by access control before any `orgMember` handler runs. */
function viewerOf(request: FastifyRequest): Viewer {
  return { userId: request.session!.userId, membership: request.membership! };
}

/** Orga's campaign routes (`campaigns-and-participation.md` §4). */
export function campaignRoutes(deps: CampaignDeps) {
  const { db, publicUrl } = deps;
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['campaigns'];
    const access = { access: 'orgMember' as const };

    r.get(
      '/api/organizations/:organizationId/campaigns',
      { schema: { tags, params: organizationParamsSchema, querystring: campaignsQuerySchema, response: { 200: campaignsPageSchema } }, config: access },
      async (request) => listCampaigns(db, request.params.organizationId, request.query),
    );

    r.post(
      '/api/organizations/:organizationId/campaigns',
      { schema: { tags, params: organizationParamsSchema, body: createCampaignBodySchema, response: { 201: campaignSchema } }, config: access },
      async (request, reply) => {
        const viewer = viewerOf(request);
        const campaignId = await createCampaign(deps, { organizationId: request.params.organizationId, creatorId: viewer.userId, body: request.body });
        return reply.status(201).send(await getCampaign(db, campaignId, publicUrl, viewer));
      },
    );

    r.post(
      '/api/organizations/:organizationId/campaigns/delete',
      { schema: { tags, params: organizationParamsSchema, body: bulkDeleteCampaignsBodySchema, response: { 204: z.null() } }, config: access },
      async (request, reply) => {
        const viewer = viewerOf(request);
        await deleteCampaigns(deps, { organizationId: request.params.organizationId, campaignIds: request.body.campaignIds, ...viewer });
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/api/campaigns/:campaignId',
      { schema: { tags, params: campaignParamsSchema, response: { 200: campaignSchema } }, config: access },
      async (request) => getCampaign(db, request.params.campaignId, publicUrl, viewerOf(request)),
    );

    r.patch(
      '/api/campaigns/:campaignId',
      { schema: { tags, params: campaignParamsSchema, body: updateCampaignBodySchema, response: { 200: campaignSchema } }, config: access },
      async (request) => {
        const viewer = viewerOf(request);
        await updateCampaign(deps, { campaignId: request.params.campaignId, ...viewer, body: request.body });
        return getCampaign(db, request.params.campaignId, publicUrl, viewer);
      },
    );

    for (const [action, archived] of [
      ['archive', true],
      ['unarchive', false],
    ] as const) {
      r.post(
        `/api/campaigns/:campaignId/${action}`,
        { schema: { tags, params: campaignParamsSchema, response: { 200: campaignSchema } }, config: access },
        async (request) => {
          const viewer = viewerOf(request);
          await setArchived(deps, { campaignId: request.params.campaignId, ...viewer, archived });
          return getCampaign(db, request.params.campaignId, publicUrl, viewer);
        },
      );
    }

    r.delete(
      '/api/campaigns/:campaignId',
      { schema: { tags, params: campaignParamsSchema, response: { 204: z.null() } }, config: access },
      async (request, reply) => {
        const viewer = viewerOf(request);
        await deleteCampaigns(deps, { organizationId: viewer.membership.organizationId, campaignIds: [request.params.campaignId], ...viewer });
        return reply.status(204).send(null);
      },
    );

    r.post(
      '/api/campaigns/:campaignId/duplicate',
      { schema: { tags, params: campaignParamsSchema, response: { 201: campaignSchema } }, config: access },
      async (request, reply) => {
        const viewer = viewerOf(request);
        const campaignId = await duplicateCampaign(deps, { campaignId: request.params.campaignId, userId: viewer.userId });
        return reply.status(201).send(await getCampaign(db, campaignId, publicUrl, viewer));
      },
    );
  };
}
