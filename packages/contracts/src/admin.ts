import { z } from 'zod';
import { idSchema, isoDateTime, pageOf, paginationQuerySchema } from './common';
import { IDENTITY_PROVIDERS, ORGANIZATION_FEATURES, ORGANIZATION_TYPES } from './constants';
import { emailSchema } from './identity';
import { organizationSchema } from './organizations';

const urlOrNull = z
  .string()
  .trim()
  .max(2000, { error: 'DOCUMENTATION_URL_INVALID' })
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { error: 'DOCUMENTATION_URL_INVALID' })
  .transform((v) => (v === '' ? null : v))
  .nullable();

/** Fields an instance admin sets on an organization. The UAI check letter is verified by the API. */
export const organizationInputSchema = z.object({
  name: z
    .string({ error: 'ORGANIZATION_NAME_REQUIRED' })
    .trim()
    .min(1, { error: 'ORGANIZATION_NAME_REQUIRED' })
    .max(255, { error: 'NAME_TOO_LONG' }),
  type: z.enum(ORGANIZATION_TYPES, { error: 'ORGANIZATION_TYPE_INVALID' }),
  externalId: z
    .string()
    .trim()
    .max(64, { error: 'UAI_INVALID' })
    .transform((v) => (v === '' ? null : v.toUpperCase()))
    .nullable()
    .default(null),
  email: z
    .string()
    .trim()
    .max(255, { error: 'EMAIL_INVALID' })
    .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'EMAIL_INVALID' })
    .transform((v) => (v === '' ? null : v.toLowerCase()))
    .nullable()
    .default(null),
  documentationUrl: urlOrNull.default(null),
  timeZone: z.string().trim().min(1, { error: 'TIME_ZONE_INVALID' }).max(64).default('Europe/Paris'),
  isManagingStudents: z.boolean().default(false),
  identityProviderForCampaigns: z.enum(IDENTITY_PROVIDERS).nullable().default(null),
});
export type OrganizationInput = z.infer<typeof organizationInputSchema>;

export const adminOrganizationsQuerySchema = paginationQuerySchema.extend({
  search: z.string().trim().max(255).default(''),
});
export const adminOrganizationsPageSchema = pageOf(organizationSchema);
export type AdminOrganizationsPage = z.infer<typeof adminOrganizationsPageSchema>;

export const organizationFeaturesBodySchema = z.object({
  features: z.array(z.enum(ORGANIZATION_FEATURES, { error: 'FEATURE_UNKNOWN' })).max(ORGANIZATION_FEATURES.length),
});

export const adminInvitationBodySchema = z.object({ email: emailSchema });
export const adminInvitationResponseSchema = z.object({ invitationId: idSchema, email: z.string() });

export const outboxMailSummarySchema = z.object({
  id: idSchema,
  to: z.string(),
  subject: z.string(),
  createdAt: isoDateTime,
});
export const outboxMailSchema = outboxMailSummarySchema.extend({ text: z.string(), html: z.string() });
export type OutboxMail = z.infer<typeof outboxMailSchema>;
export type OutboxMailSummary = z.infer<typeof outboxMailSummarySchema>;
export const outboxResponseSchema = z.object({ items: z.array(outboxMailSummarySchema) });
export const outboxMailParamsSchema = z.object({ mailId: idSchema });
