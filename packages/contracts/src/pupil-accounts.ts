import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

/** `…/organizations/:organizationId/learners/:learnerId/account…` (« Gérer le compte », `learners-and-accounts.md` §5). */
export const pupilAccountParamsSchema = z.object({ organizationId: idSchema, learnerId: idSchema });

/** What a teacher sees of a pupil's account: how the pupil signs in, never a password. */
export const pupilAccountSchema = z.object({
  learnerId: idSchema,
  /** False while no account is linked to the learner: the teacher may create one. */
  hasAccount: z.boolean(),
  email: z.string().nullable(),
  username: z.string().nullable(),
  hasMediacentre: z.boolean(),
  /** Blocked until a teacher unblocks (50 failures), or temporarily blocked until `temporaryBlockUntil`. */
  isBlocked: z.boolean(),
  temporaryBlockUntil: isoDateTime.nullable(),
  hasNeverSignedIn: z.boolean(),
  /** The pupil still has a temporary password to replace. */
  mustChangePassword: z.boolean(),
});
export type PupilAccount = z.infer<typeof pupilAccountSchema>;

/** The answer of an action that sets a temporary password: shown once, never stored in clear. */
export const pupilAccountWithPasswordSchema = z.object({
  account: pupilAccountSchema,
  temporaryPassword: z.string().nullable(),
});
export type PupilAccountWithPassword = z.infer<typeof pupilAccountWithPasswordSchema>;

/** Bulk « Générer les identifiants » / « Réinitialiser les mots de passe ». */
export const CREDENTIALS_ACTIONS = ['GENERATE', 'RESET'] as const;
export type CredentialsAction = (typeof CREDENTIALS_ACTIONS)[number];

/** A whole school year group fits in one request; more would hold a transaction too long. */
export const MAX_CREDENTIALS_LEARNERS = 1000;

export const credentialsBodySchema = z.object({
  learnerIds: z
    .array(idSchema)
    .min(1, { error: 'INVALID_REQUEST' })
    .max(MAX_CREDENTIALS_LEARNERS, { error: 'INVALID_REQUEST' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'INVALID_REQUEST' }),
  action: z.enum(CREDENTIALS_ACTIONS, { error: 'INVALID_REQUEST' }),
});
export type CredentialsBody = z.infer<typeof credentialsBodySchema>;

/**
 * Response headers of the bulk CSV: how many pupils got credentials, and how many were left
 * as they were (RESET: e-mail-only, Médiacentre-only or no account), so the page can say so.
 */
export const CREDENTIALS_UPDATED_HEADER = 'x-jalon-credentials-updated';
export const CREDENTIALS_UNTOUCHED_HEADER = 'x-jalon-credentials-untouched';
