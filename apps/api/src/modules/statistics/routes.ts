import { organizationParamsSchema, organizationStatisticsSchema, statisticsQuerySchema } from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createStatistics, type StatisticsDeps } from './statistics.query';

export function statisticsRoutes(deps: StatisticsDeps) {
  const organizationStatistics = createStatistics(deps);
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/organizations/:organizationId/statistics',
      {
        schema: { tags: ['statistics'], params: organizationParamsSchema, querystring: statisticsQuerySchema, response: { 200: organizationStatisticsSchema } },
        config: { access: 'orgMember' },
      },
      async (request) => organizationStatistics(request.params.organizationId, request.query),
    );
  };
}
