import { z } from 'zod';
import { idSchema, isoDateTime, pageOf, paginationQuerySchema, repeatedQueryValues } from './common';
import { CAMPAIGN_TYPES } from './constants';
import { PARTICIPATION_STATUSES } from './learner';

// Orga's learner lists (« Élèves », « Étudiants », « Participants »), the learner page and
// the deletion of learners: `learners-and-accounts.md` §1 and §7.

/** How a learner's account signs in, as the « Connexion » column shows it. */
export const LOGIN_METHODS = ['mediacentre', 'identifiant', 'email'] as const;
export type LoginMethod = (typeof LOGIN_METHODS)[number];

/** The login-method filter: one method, no method at all, or every learner without the Médiacentre. */
export const LOGIN_METHOD_FILTERS = ['none', 'identifiant', 'email', 'mediacentre', 'without_mediacentre'] as const;
export type LoginMethodFilter = (typeof LOGIN_METHOD_FILTERS)[number];

/** « Certifiable », « Non certifiable », « Non disponible ». */
export const CERTIFIABILITIES = ['CERTIFIABLE', 'NOT_CERTIFIABLE', 'UNAVAILABLE'] as const;
export type Certifiability = (typeof CERTIFIABILITIES)[number];

export const LEARNER_SORTS = ['name', 'division', 'participations', 'lastParticipation'] as const;
export type LearnerSort = (typeof LEARNER_SORTS)[number];

export const learnerParamsSchema = z.object({ organizationId: idSchema, learnerId: idSchema });

export const learnersQuerySchema = paginationQuerySchema.extend({
  search: z.string().trim().max(255).default(''),
  /** Classes (SCO) or groups (SUP), repeated: `?divisions=3A&divisions=3B`. */
  divisions: repeatedQueryValues,
  groups: repeatedQueryValues,
  loginMethod: z.enum(LOGIN_METHOD_FILTERS, { error: 'INVALID_REQUEST' }).optional(),
  certifiability: z
    .union([z.enum(CERTIFIABILITIES, { error: 'INVALID_REQUEST' }), z.array(z.enum(CERTIFIABILITIES, { error: 'INVALID_REQUEST' })).max(3)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .default([]),
  /** Learners absent from the last import (left the school) are hidden unless asked for; they are then marked. */
  disabled: z.enum(['hide', 'show'], { error: 'INVALID_REQUEST' }).default('hide'),
  sort: z.enum(LEARNER_SORTS, { error: 'INVALID_REQUEST' }).default('name'),
  order: z.enum(['asc', 'desc'], { error: 'INVALID_REQUEST' }).default('asc'),
});
export type LearnersQuery = z.input<typeof learnersQuerySchema>;
export type LearnersQueryValues = z.output<typeof learnersQuerySchema>;

const latestParticipationSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  campaignName: z.string(),
  status: z.enum(PARTICIPATION_STATUSES),
  createdAt: isoDateTime,
  sharedAt: isoDateTime.nullable(),
});

export const learnerRowSchema = z.object({
  id: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  birthdate: z.string().nullable(),
  division: z.string().nullable(),
  group: z.string().nullable(),
  studentNumber: z.string().nullable(),
  /** Linked to a user account (reconciled). */
  hasAccount: z.boolean(),
  loginMethods: z.array(z.enum(LOGIN_METHODS)),
  /** Live participations, neither improved nor deleted. */
  participationCount: z.number().int(),
  latestParticipation: latestParticipationSchema.nullable(),
  certifiability: z.enum(CERTIFIABILITIES),
  /** Blocked for good, or temporarily until a time still to come. */
  isBlocked: z.boolean(),
  /** Absent from the last import: left the school, history kept. */
  isDisabled: z.boolean(),
});
export type LearnerRow = z.infer<typeof learnerRowSchema>;
export const learnersPageSchema = pageOf(learnerRowSchema);
export type LearnersPage = z.infer<typeof learnersPageSchema>;

/** The classes and groups of the organization's current learners, for the filters. */
export const learnerClassesSchema = z.object({ divisions: z.array(z.string()), groups: z.array(z.string()) });
export type LearnerClasses = z.infer<typeof learnerClassesSchema>;

export const learnerDetailSchema = z.object({
  id: idSchema,
  firstName: z.string(),
  middleName: z.string().nullable(),
  thirdName: z.string().nullable(),
  lastName: z.string(),
  preferredLastName: z.string().nullable(),
  birthdate: z.string().nullable(),
  division: z.string().nullable(),
  group: z.string().nullable(),
  studentNumber: z.string().nullable(),
  hasAccount: z.boolean(),
  loginMethods: z.array(z.enum(LOGIN_METHODS)),
  certifiability: z.enum(CERTIFIABILITIES),
  /** When the certifiability shown was established (a sending or the nightly computation). */
  certifiabilityAt: isoDateTime.nullable(),
  isBlocked: z.boolean(),
  isDisabled: z.boolean(),
  disabledAt: isoDateTime.nullable(),
  /** Every live participation in the organization's campaigns, improved ones included, newest first. */
  participations: z.array(
    z.object({
      id: idSchema,
      campaign: z.object({ id: idSchema, name: z.string(), type: z.enum(CAMPAIGN_TYPES), archived: z.boolean() }),
      status: z.enum(PARTICIPATION_STATUSES),
      isImproved: z.boolean(),
      createdAt: isoDateTime,
      sharedAt: isoDateTime.nullable(),
      /** Share values: mastery of an assessment or exam, pix of a profile collection; null before sending. */
      masteryPercent: z.number().int().nullable(),
      pixScore: z.number().int().nullable(),
    }),
  ),
});
export type LearnerDetail = z.infer<typeof learnerDetailSchema>;

/** The SUP CSV's rule (`learners-and-accounts.md` §2.3). */
export const STUDENT_NUMBER_PATTERN = /^[a-zA-Z0-9_-]{1,255}$/;

export const updateLearnerBodySchema = z.object({
  studentNumber: z.string({ error: 'STUDENT_NUMBER_INVALID' }).trim().regex(STUDENT_NUMBER_PATTERN, { error: 'STUDENT_NUMBER_INVALID' }),
});
export type UpdateLearnerBody = z.infer<typeof updateLearnerBodySchema>;

export const deleteLearnersBodySchema = z.object({
  learnerIds: z.array(idSchema).min(1, { error: 'INVALID_REQUEST' }).max(1000, { error: 'INVALID_REQUEST' }),
});
export type DeleteLearnersBody = z.infer<typeof deleteLearnersBodySchema>;

export const learnersDeletedSchema = z.object({ deleted: z.number().int() });
export type LearnersDeleted = z.infer<typeof learnersDeletedSchema>;
