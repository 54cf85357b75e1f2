import { z } from 'zod';
import { idSchema, isoDateTime } from './common';
import { LANGS, MEMBERSHIP_ROLES, ORGANIZATION_TYPES } from './constants';


const name = (requiredCode: 'FIRST_NAME_REQUIRED' | 'LAST_NAME_REQUIRED') =>
  z
    .string({ error: requiredCode })
    .trim()
    .min(1, { error: requiredCode })
    .max(255, { error: 'NAME_TOO_LONG' });

export const emailSchema = z
  .string({ error: 'EMAIL_REQUIRED' })
  .trim()
  .min(1, { error: 'EMAIL_REQUIRED' })
  .max(255, { error: 'EMAIL_INVALID' })
  .pipe(z.email({ error: 'EMAIL_INVALID' }));

/** Password policy of `learners-and-accounts.md` §6: 8–128 characters with an uppercase, a lowercase and a digit. */
export const newPasswordSchema = z
  .string({ error: 'PASSWORD_REQUIRED' })
  .min(1, { error: 'PASSWORD_REQUIRED' })
  .refine((p) => p.length >= 8 && p.length <= 128 && /[A-Z]/.test(p) && /[a-z]/.test(p) && /[0-9]/.test(p), {
    error: 'PASSWORD_POLICY_NOT_MET',
  });

export const signUpBodySchema = z.object({
  firstName: name('FIRST_NAME_REQUIRED'),
  lastName: name('LAST_NAME_REQUIRED'),
  email: emailSchema,
  password: newPasswordSchema,
  acceptTerms: z.literal(true, { error: 'TERMS_NOT_ACCEPTED' }),
  lang: z.enum(LANGS).optional(),
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

export const signInBodySchema = z.object({
  login: z.string({ error: 'INVALID_REQUEST' }).trim().min(1).max(255),
  password: z.string({ error: 'INVALID_REQUEST' }).min(1).max(1024),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

export const meMembershipSchema = z.object({
  id: idSchema,
  role: z.enum(MEMBERSHIP_ROLES),
  organization: z.object({
    id: idSchema,
    name: z.string(),
    type: z.enum(ORGANIZATION_TYPES),
    documentationUrl: z.string().nullable(),
    isManagingStudents: z.boolean(),
    features: z.array(z.string()),
  }),
});

export const meSchema = z.object({
  id: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  username: z.string().nullable(),
  lang: z.enum(LANGS),
  mustChangePassword: z.boolean(),
  termsAcceptedAt: isoDateTime.nullable(),
  orgaTermsAcceptedAt: isoDateTime.nullable(),
  isPlatformAdmin: z.boolean(),
  currentOrganizationId: idSchema.nullable(),
  memberships: z.array(meMembershipSchema),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().max(1024).optional(),
  newPassword: newPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const acceptTermsBodySchema = z.object({ scope: z.enum(['jalon', 'orga']) });
export type AcceptTermsBody = z.infer<typeof acceptTermsBodySchema>;

export const currentOrganizationBodySchema = z.object({ organizationId: idSchema });

export const passwordResetRequestBodySchema = z.object({ email: emailSchema });

export const passwordResetTokenParamsSchema = z.object({ token: z.string().min(10).max(200) });

export const passwordResetBodySchema = z.object({
  token: z.string({ error: 'PASSWORD_RESET_TOKEN_INVALID' }).min(10).max(200),
  newPassword: newPasswordSchema,
});
export type PasswordResetBody = z.infer<typeof passwordResetBodySchema>;
