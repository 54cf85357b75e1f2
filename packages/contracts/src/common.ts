import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from './constants';

export const idSchema = z.uuid({ error: 'INVALID_REQUEST' });


export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { error: 'INVALID_REQUEST' })
    .default(DEFAULT_PAGE_SIZE),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

export const isoDateTime = z.string();

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

/** A repeatable query parameter (`?divisions=3A&divisions=3B`): one value arrives as a string, several as an array. */
export const repeatedQueryValues = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(200)])
  .transform((value) => (Array.isArray(value) ? value : [value]).filter((item) => item !== ''))
  .default([]);

/** The class/group filter of every follow-up view, export and statistic: the learner's current class or group. */
export const classFilterQuerySchema = z.object({ divisions: repeatedQueryValues, groups: repeatedQueryValues });

