import { z } from 'zod';
import { analysisQuerySchema, levelGaugeSchema } from './analysis';
import { localizedTextSchema } from './catalogue';

/** `GET /api/organizations/:organizationId/statistics` (`analytics-and-exports.md` §7). */
export const statisticsQuerySchema = analysisQuerySchema.extend({
  /** The school year starting on 1 September of this year; the current one by default. */
  schoolYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type StatisticsQuery = z.input<typeof statisticsQuerySchema>;

export const organizationStatisticsSchema = z.object({
  schoolYear: z.number().int(),
  /** School years with sent results, newest first, for the selector. */
  schoolYears: z.array(z.number().int()),
  divisions: z.array(z.string()),
  groups: z.array(z.string()),
  /** Learners with at least one sent result in the selection. */
  learnerCount: z.number().int(),
  areas: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: localizedTextSchema,
      color: z.string(),
      competences: z.array(
        z.object({
          id: z.string(),
          index: z.string(),
          name: localizedTextSchema,
          /** Mean over its tubes of their mean reached level, against the mean of their maximum levels. */
          gauge: levelGaugeSchema,
          tubes: z.array(z.object({ id: z.string(), practicalTitle: localizedTextSchema, learnerCount: z.number().int(), gauge: levelGaugeSchema })),
        }),
      ),
    }),
  ),
  computedAt: z.string(),
});
export type OrganizationStatistics = z.infer<typeof organizationStatisticsSchema>;
