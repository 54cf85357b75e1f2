import { z } from 'zod';
import { idSchema, isoDateTime, pageOf, paginationQuerySchema } from './common';
import { CAMPAIGN_TEXT_MAX, CAMPAIGN_TITLE_MAX, CAMPAIGN_TYPES, EXTERNAL_ID_TYPES } from './constants';

export const CAMPAIGN_STATUSES = ['ACTIVE', 'ARCHIVED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

// Each field carries its own codes so that a form shows every mistake beside its field at once.
const name = z
  .string({ error: 'CAMPAIGN_NAME_REQUIRED' })
  .trim()
  .min(1, { error: 'CAMPAIGN_NAME_REQUIRED' })
  .max(255, { error: 'CAMPAIGN_NAME_TOO_LONG' });
const title = z.string().trim().max(CAMPAIGN_TITLE_MAX, { error: 'CAMPAIGN_TITLE_TOO_LONG' }).nullable();
const landingText = z.string().max(CAMPAIGN_TEXT_MAX, { error: 'LANDING_TEXT_TOO_LONG' }).nullable();
const resultText = z.string().max(CAMPAIGN_TEXT_MAX, { error: 'RESULT_TEXT_TOO_LONG' }).nullable();
const resultButtonText = z.string().trim().max(255, { error: 'RESULT_BUTTON_TEXT_TOO_LONG' }).nullable();
const resultButtonUrl = z
  .string()
  .trim()
  .max(2000, { error: 'RESULT_BUTTON_URL_INVALID' })
  .refine((value) => value === '' || isHttpUrl(value), { error: 'RESULT_BUTTON_URL_INVALID' })
  .nullable();
const externalIdLabel = z.string().trim().max(255, { error: 'EXTERNAL_ID_LABEL_TOO_LONG' }).nullable();
const externalIdType = z.enum(EXTERNAL_ID_TYPES, { error: 'EXTERNAL_ID_TYPE_INVALID' }).nullable();
const ownerId = z.uuid({ error: 'OWNER_NOT_A_MEMBER' });

/** An absolute http(s) URL with a host; contracts run in the browser and in Node, so no `URL` here. */
function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#:@]+(:\d+)?([/?#]\S*)?$/i.test(value);
}

export const createCampaignBodySchema = z.object({
  type: z.enum(CAMPAIGN_TYPES, { error: 'CAMPAIGN_TYPE_INVALID' }),
  name,
  targetProfileId: z.string().trim().max(200, { error: 'TARGET_PROFILE_NOT_ALLOWED' }).nullable().default(null),
  title: title.default(null),
  customLandingPageText: landingText.default(null),
  customResultPageText: resultText.default(null),
  customResultPageButtonText: resultButtonText.default(null),
  customResultPageButtonUrl: resultButtonUrl.default(null),
  externalIdLabel: externalIdLabel.default(null),
  externalIdType: externalIdType.default(null),
  multipleSendings: z.boolean({ error: 'INVALID_REQUEST' }).default(false),
  /** Defaults to the creator. */
  ownerId: ownerId.nullable().default(null),
});
export type CreateCampaignBody = z.input<typeof createCampaignBodySchema>;
/** The body once its defaults are applied, as the API receives it. */
export type CreateCampaignValues = z.output<typeof createCampaignBodySchema>;

/** Type, target profile and code never change; a field left out keeps its value. */
export const updateCampaignBodySchema = z.object({
  name: name.optional(),
  title: title.optional(),
  customLandingPageText: landingText.optional(),
  customResultPageText: resultText.optional(),
  customResultPageButtonText: resultButtonText.optional(),
  customResultPageButtonUrl: resultButtonUrl.optional(),
  externalIdLabel: externalIdLabel.optional(),
  externalIdType: externalIdType.optional(),
  multipleSendings: z.boolean({ error: 'INVALID_REQUEST' }).optional(),
  ownerId: ownerId.optional(),
});
export type UpdateCampaignBody = z.input<typeof updateCampaignBodySchema>;

export const campaignParamsSchema = z.object({ campaignId: idSchema });

const personSchema = z.object({ id: idSchema, firstName: z.string(), lastName: z.string() });

export const campaignSchema = z.object({
  id: idSchema,
  organizationId: idSchema,
  type: z.enum(CAMPAIGN_TYPES),
  name: z.string(),
  code: z.string(),
  /** `<public url>/campagnes/<CODE>`, the link a learner opens to join. */
  directLink: z.string(),
  targetProfile: z.object({ id: z.string(), name: z.string() }).nullable(),
  title: z.string().nullable(),
  customLandingPageText: z.string().nullable(),
  customResultPageText: z.string().nullable(),
  customResultPageButtonText: z.string().nullable(),
  customResultPageButtonUrl: z.string().nullable(),
  externalIdLabel: z.string().nullable(),
  externalIdType: z.enum(EXTERNAL_ID_TYPES).nullable(),
  multipleSendings: z.boolean(),
  owner: personSchema,
  creator: personSchema,
  createdAt: isoDateTime,
  archivedAt: isoDateTime.nullable(),
  participantCount: z.number().int(),
  sharedCount: z.number().int(),
  /** Whether the caller may edit, archive or delete it (its owner, or an ADMIN). */
  canManage: z.boolean(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignsQuerySchema = paginationQuerySchema.extend({
  search: z.string().trim().max(255).default(''),
  ownerId: idSchema.optional(),
  status: z.enum(CAMPAIGN_STATUSES, { error: 'INVALID_REQUEST' }).default('ACTIVE'),
});
export type CampaignsQuery = z.input<typeof campaignsQuerySchema>;

export const campaignRowSchema = z.object({
  id: idSchema,
  type: z.enum(CAMPAIGN_TYPES),
  name: z.string(),
  code: z.string(),
  owner: personSchema,
  createdAt: isoDateTime,
  archivedAt: isoDateTime.nullable(),
  /** Learners, not participations (`analytics-and-exports.md` §1). */
  participantCount: z.number().int(),
  sharedCount: z.number().int(),
});
export type CampaignRow = z.infer<typeof campaignRowSchema>;
export const campaignsPageSchema = pageOf(campaignRowSchema);
export type CampaignsPage = z.infer<typeof campaignsPageSchema>;

export const bulkDeleteCampaignsBodySchema = z.object({
  campaignIds: z.array(idSchema).min(1, { error: 'INVALID_REQUEST' }).max(100, { error: 'INVALID_REQUEST' }),
});
