import { z } from 'zod';
import { LEVEL_BAND_KEYS } from './analysis';

const repeatable = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().trim().min(1).max(100)).max(100));

/** `GET /api/organizations/:organizationId/statistics` (`analytics-and-exports.md` §7). */
export const statisticsQuerySchema = z.object({
  /** The school year starting on 1 September of this year; the current one by default. */
  schoolYear: z.coerce.number().int().min(2000).max(2100).optional(),
  divisions: repeatable,
  groups: repeatable,
});
export type StatisticsQuery = z.input<typeof statisticsQuerySchema>;

const positioningSchema = z.object({
  /** Mean reached level over the learners positioned, and the highest level of the framework. */
  meanLevel: z.number(),
  maxLevel: z.number().int(),
  band: z.enum(LEVEL_BAND_KEYS),
});

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
      name: z.string(),
      color: z.string(),
      competences: z.array(
        positioningSchema.extend({
          id: z.string(),
          index: z.string(),
          name: z.string(),
          tubes: z.array(positioningSchema.extend({ id: z.string(), practicalTitle: z.string(), learnerCount: z.number().int() })),
        }),
      ),
    }),
  ),
  computedAt: z.string(),
});
export type OrganizationStatistics = z.infer<typeof organizationStatisticsSchema>;
