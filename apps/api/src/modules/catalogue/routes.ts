import type { Release } from '@jalon/content';
import {
  adminChallengePreviewSchema,
  adminChallengesPageSchema,
  adminChallengesQuerySchema,
  challengeCheckBodySchema,
  challengeCheckResponseSchema,
  challengeParamsSchema,
  organizationParamsSchema,
  targetProfileDetailSchema,
  targetProfileParamsSchema,
  targetProfilesQuerySchema,
  targetProfilesResponseSchema,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { attachmentDisposition } from '../../platform/http/attachment';
import { AppError } from '../../platform/http/errors';
import { findOrganization } from '../organizations';
import { findAvailableProfile, listAvailableProfiles } from './available-profiles.query';
import { checkPreviewAnswer, listChallenges, previewChallenge } from './challenge-preview';
import { parcoursCatalogue, parcoursDocumentation } from './documentation';
import { parcoursPdf, parcoursPdfFileName } from './pdf';

export interface CatalogueDeps {
  db: Db;
  clock: Clock;
  release: Release;
}

/** Orga's parcours documentation (list, page, PDF) and Admin's challenge preview. */
export function catalogueRoutes({ db, clock, release }: CatalogueDeps) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['catalogue'];

    async function availableDocumentation(organizationId: string, targetProfileId: string) {
      const profile = await findAvailableProfile(db, organizationId, targetProfileId);
      // Another organization's own parcours answers like an unknown one: its existence must not leak.
      if (!profile) throw new AppError('TARGET_PROFILE_NOT_FOUND');
      return parcoursDocumentation(release, profile);
    }

    r.get(
      '/api/organizations/:organizationId/target-profiles',
      {
        schema: { tags, params: organizationParamsSchema, querystring: targetProfilesQuerySchema, response: { 200: targetProfilesResponseSchema } },
        config: { access: 'orgMember' },
      },
      async (request) => ({
        targetProfiles: parcoursCatalogue(release, await listAvailableProfiles(db, request.params.organizationId), request.query),
      }),
    );

    r.get(
      '/api/organizations/:organizationId/target-profiles/:targetProfileId',
      { schema: { tags, params: targetProfileParamsSchema, response: { 200: targetProfileDetailSchema } }, config: { access: 'orgMember' } },
      async (request) => availableDocumentation(request.params.organizationId, request.params.targetProfileId),
    );

    r.get(
      '/api/organizations/:organizationId/target-profiles/:targetProfileId/pdf',
      {
        schema: {
          tags,
          params: targetProfileParamsSchema,
          produces: ['application/pdf'],
          response: { 200: z.unknown().describe('The parcours documentation as a PDF file') },
        },
        config: { access: 'orgMember' },
      },
      async (request, reply) => {
        const { organizationId, targetProfileId } = request.params;
        const detail = await availableDocumentation(organizationId, targetProfileId);
        const timeZone = (await findOrganization(db, organizationId))?.timeZone ?? 'Europe/Paris';
        return reply
          .type('application/pdf')
          .header('content-disposition', attachmentDisposition(parcoursPdfFileName(detail.name)))
          .send(parcoursPdf(detail, { generatedAt: clock.now(), timeZone }));
      },
    );

    const adminTags = ['admin'];
    r.get(
      '/api/admin/challenges',
      { schema: { tags: adminTags, querystring: adminChallengesQuerySchema, response: { 200: adminChallengesPageSchema } }, config: { access: 'platformAdmin' } },
      async (request) => listChallenges(release, request.query),
    );

    r.get(
      '/api/admin/challenges/:challengeId',
      { schema: { tags: adminTags, params: challengeParamsSchema, response: { 200: adminChallengePreviewSchema } }, config: { access: 'platformAdmin' } },
      async (request) => previewChallenge(release, request.params.challengeId),
    );

    r.post(
      '/api/admin/challenges/:challengeId/check',
      {
        schema: { tags: adminTags, params: challengeParamsSchema, body: challengeCheckBodySchema, response: { 200: challengeCheckResponseSchema } },
        config: { access: 'platformAdmin' },
      },
      async (request) => checkPreviewAnswer(release, request.params.challengeId, request.body.answer, clock.now()),
    );
  };
}
