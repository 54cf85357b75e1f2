import type { z } from 'zod';
import { classFilterQuerySchema } from './common';

/**
 * « Exporter les résultats (.csv) » (`analytics-and-exports.md` §8): optionally only the
 * learners whose current class (`divisions`) or group (`groups`) is one of those given.
 */
export const campaignExportQuerySchema = classFilterQuerySchema;
export type CampaignExportQuery = z.infer<typeof campaignExportQuerySchema>;
