import { Readable } from 'node:stream';
import { campaignExportQuerySchema, campaignParamsSchema } from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../platform/http/attachment';
import { campaignExport, type ExportDeps } from './campaign-export';

/** The CSV exports of Orga (`analytics-and-exports.md` §8). */
export function exportRoutes(deps: ExportDeps) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/campaigns/:campaignId/export.csv',
      {
        schema: {
          tags: ['exports'],
          params: campaignParamsSchema,
          querystring: campaignExportQuerySchema,
          produces: ['text/csv'],
          response: { 200: z.unknown().describe('The results of every participation, one line each (UTF-8 with BOM, `;`)') },
        },
        config: { access: 'orgMember' },
      },
      async (request, reply) => {
        const exported = await campaignExport(deps, request.params.campaignId, request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition(exported.fileName))
          // Learners' results: no shared cache keeps a copy.
          .header('cache-control', 'private, no-store')
          .send(Readable.from(exported.lines(), { objectMode: false }));
      },
    );
  };
}
