import { z } from 'zod';
import { idSchema, isoDateTime } from './common';
import { IDENTITY_PROVIDERS, INVITATION_STATUSES, MEMBERSHIP_ROLES, ORGANIZATION_FEATURES, ORGANIZATION_TYPES } from './constants';


export const organizationParamsSchema = z.object({ organizationId: idSchema });

export const organizationSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: z.enum(ORGANIZATION_TYPES),
  externalId: z.string().nullable(),
  email: z.string().nullable(),
  documentationUrl: z.string().nullable(),
  isManagingStudents: z.boolean(),
  identityProviderForCampaigns: z.enum(IDENTITY_PROVIDERS).nullable(),
  timeZone: z.string(),
  features: z.array(z.enum(ORGANIZATION_FEATURES)),
  archivedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Organization = z.infer<typeof organizationSchema>;

export const memberSchema = z.object({
  id: idSchema,
  userId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  role: z.enum(MEMBERSHIP_ROLES),
  createdAt: isoDateTime,
});
export type Member = z.infer<typeof memberSchema>;
export const membersResponseSchema = z.object({ members: z.array(memberSchema) });

export const membershipParamsSchema = z.object({ organizationId: idSchema, membershipId: idSchema });
export const updateMembershipBodySchema = z.object({
  role: z.enum(MEMBERSHIP_ROLES, { error: 'INVITATION_ROLE_INVALID' }),
});

export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: z.enum(MEMBERSHIP_ROLES).nullable(),
  status: z.enum(INVITATION_STATUSES),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationsResponseSchema = z.object({ invitations: z.array(invitationSchema) });

export const createInvitationsBodySchema = z.object({
  /** Comma-separated (or newline- or semicolon-separated) addresses. */
  emails: z.string({ error: 'INVITATION_EMAILS_REQUIRED' }).max(20_000, { error: 'INVITATION_EMAIL_INVALID' }),
  role: z.enum(MEMBERSHIP_ROLES, { error: 'INVITATION_ROLE_INVALID' }).nullable().default(null),
});
export type CreateInvitationsBody = z.infer<typeof createInvitationsBodySchema>;
export const createInvitationsResponseSchema = z.object({
  invited: z.array(z.object({ email: z.string(), invitationId: idSchema })),
  alreadyMembers: z.array(z.string()),
});
export type CreateInvitationsResponse = z.infer<typeof createInvitationsResponseSchema>;

export const invitationParamsSchema = z.object({ organizationId: idSchema, invitationId: idSchema });

export const publicInvitationParamsSchema = z.object({ invitationId: idSchema });
export const publicInvitationQuerySchema = z.object({ code: z.string().min(1).max(64) });
export const publicInvitationSchema = z.object({
  organizationName: z.string(),
  email: z.string(),
  status: z.enum(INVITATION_STATUSES),
});
export type PublicInvitation = z.infer<typeof publicInvitationSchema>;
export const acceptInvitationBodySchema = z.object({ code: z.string().min(1).max(64) });
export const acceptInvitationResponseSchema = z.object({
  organizationId: idSchema,
  role: z.enum(MEMBERSHIP_ROLES),
});
