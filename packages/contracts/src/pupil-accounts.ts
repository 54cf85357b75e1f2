import { z } from 'zod';
import { idSchema, isoDateTime } from './common';
import { CREDENTIALS_ACTIONS, MAX_CREDENTIALS_LEARNERS } from './constants';

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
  /** False for the account of a team member or platform admin: teachers may only look at it. */
  isManageable: z.boolean(),
});
export type PupilAccount = z.infer<typeof pupilAccountSchema>;

/** The answer of an action that sets a temporary password: shown once, never stored in clear. */
export const pupilAccountWithPasswordSchema = z.object({
  account: pupilAccountSchema,
  temporaryPassword: z.string().nullable(),
});
export type PupilAccountWithPassword = z.infer<typeof pupilAccountWithPasswordSchema>;

/** Bulk « Générer les identifiants » / « Réinitialiser les mots de passe »: the selected learners. */
export const credentialsBodySchema = z.object({
  learnerIds: z
    .array(idSchema)
    .min(1, { error: 'INVALID_REQUEST' })
    .max(MAX_CREDENTIALS_LEARNERS, { error: 'INVALID_REQUEST' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'INVALID_REQUEST' }),
  action: z.enum(CREDENTIALS_ACTIONS, { error: 'INVALID_REQUEST' }),
});
export type CredentialsBody = z.infer<typeof credentialsBodySchema>;
