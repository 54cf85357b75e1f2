import { z } from 'zod';

/** A repeatable query parameter (`?divisions=3A&divisions=3B`): one value arrives as a string, several as an array. */
const repeatedText = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(200)])
  .transform((value) => (Array.isArray(value) ? value : [value]).filter((item) => item !== ''))
  .default([]);

/**
 * « Exporter les résultats (.csv) » (`analytics-and-exports.md` §8): optionally only the
 * learners whose current class (`divisions`) or group (`groups`) is one of those given.
 */
export const campaignExportQuerySchema = z.object({
  divisions: repeatedText,
  groups: repeatedText,
});
export type CampaignExportQuery = z.infer<typeof campaignExportQuerySchema>;
