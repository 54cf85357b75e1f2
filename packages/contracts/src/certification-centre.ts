import { z } from 'zod';
import { idSchema, isoDateTime, pageOf, paginationQuerySchema } from './common';

/** Jalon Certif (`certification.md` §1, §3): a centre's sittings, candidates and console. */

export const SITTING_STATUSES = ['created', 'finalized', 'published'] as const;
export type SittingStatus = (typeof SITTING_STATUSES)[number];

/** 6 characters, unambiguous letters and digits 2–9 (`certification.md` §1). */
export const SITTING_ACCESS_CODE_PATTERN = /^[A-HJKMNP-Z2-9]{6}$/;

export const sittingParamsSchema = z.object({ organizationId: idSchema, sittingId: idSchema });
export const candidateParamsSchema = sittingParamsSchema.extend({ candidateId: idSchema });
export const issueReportParamsSchema = sittingParamsSchema.extend({ reportId: idSchema });

const requiredText = (code: string, max: number) =>
  z
    .string({ error: code })
    .trim()
    .min(1, { error: code })
    .max(max, { error: 'SITTING_FIELD_TOO_LONG' });

export const sittingBodySchema = z.object({
  address: requiredText('SITTING_ADDRESS_REQUIRED', 255),
  room: requiredText('SITTING_ROOM_REQUIRED', 100),
  date: z.iso.date({ error: 'SITTING_DATE_INVALID' }),
  time: z.string({ error: 'SITTING_TIME_INVALID' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'SITTING_TIME_INVALID' }),
  invigilatorName: requiredText('SITTING_INVIGILATOR_REQUIRED', 255),
});
export type SittingValues = z.infer<typeof sittingBodySchema>;

export const sittingSchema = z.object({
  id: idSchema,
  /** What candidates type to find their sitting. */
  number: z.number().int(),
  address: z.string(),
  room: z.string(),
  date: z.string(),
  time: z.string(),
  invigilatorName: z.string(),
  accessCode: z.string(),
  status: z.enum(SITTING_STATUSES),
  candidateCount: z.number().int(),
  finalizedAt: isoDateTime.nullable(),
  finalizationComment: z.string().nullable(),
  publishedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Sitting = z.infer<typeof sittingSchema>;

export const sittingsQuerySchema = paginationQuerySchema;
export type SittingsQuery = z.input<typeof sittingsQuerySchema>;
export const sittingsPageSchema = pageOf(sittingSchema);
export type SittingsPage = z.infer<typeof sittingsPageSchema>;

/**
 * Whether the candidate's account is certifiable now (≥ 5 core competences at level ≥ 1 on
 * the live profile). Only a warning at enrolment; `UNKNOWN` when no account is linked yet.
 */
export const ELIGIBILITIES = ['CERTIFIABLE', 'NOT_CERTIFIABLE', 'UNKNOWN'] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'CANDIDATE_FIELD_TOO_LONG' })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

export const candidateBodySchema = z.object({
  firstName: z.string({ error: 'FIRST_NAME_REQUIRED' }).trim().min(1, { error: 'FIRST_NAME_REQUIRED' }).max(255, { error: 'NAME_TOO_LONG' }),
  lastName: z.string({ error: 'LAST_NAME_REQUIRED' }).trim().min(1, { error: 'LAST_NAME_REQUIRED' }).max(255, { error: 'NAME_TOO_LONG' }),
  birthdate: z.iso.date({ error: 'BIRTHDATE_INVALID' }),
  birthCity: optionalText(255),
  birthCountry: optionalText(255),
  externalId: optionalText(255),
  extraTimePercentage: z.number({ error: 'EXTRA_TIME_INVALID' }).int({ error: 'EXTRA_TIME_INVALID' }).min(0, { error: 'EXTRA_TIME_INVALID' }).max(100, { error: 'EXTRA_TIME_INVALID' }).default(0),
  accessibilityAdjustmentNeeded: z.boolean().default(false),
});
export type CandidateValues = z.input<typeof candidateBodySchema>;

export const candidateSchema = z.object({
  id: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  birthdate: z.string(),
  birthCity: z.string().nullable(),
  birthCountry: z.string().nullable(),
  externalId: z.string().nullable(),
  extraTimePercentage: z.number().int(),
  accessibilityAdjustmentNeeded: z.boolean(),
  organizationLearnerId: idSchema.nullable(),
  /** The pupil's class when enrolled from the roster. */
  division: z.string().nullable(),
  eligibility: z.enum(ELIGIBILITIES),
  /** A started candidate can no longer be removed. */
  hasStarted: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;
export const candidatesSchema = z.object({ items: z.array(candidateSchema) });
export type Candidates = z.infer<typeof candidatesSchema>;

/** SCO centres: the pupils of one class, ticked in « Inscrire depuis une classe ». */
export const rosterQuerySchema = z.object({ division: z.string().trim().max(100).default('') });
export const rosterSchema = z.object({
  divisions: z.array(z.string()),
  learners: z.array(
    z.object({
      id: idSchema,
      firstName: z.string(),
      lastName: z.string(),
      birthdate: z.string().nullable(),
      division: z.string().nullable(),
      alreadyEnrolled: z.boolean(),
      eligibility: z.enum(ELIGIBILITIES),
    }),
  ),
});
export type Roster = z.infer<typeof rosterSchema>;

export const enrolFromRosterBodySchema = z.object({
  organizationLearnerIds: z.array(idSchema).min(1, { error: 'INVALID_REQUEST' }).max(200, { error: 'INVALID_REQUEST' }),
});
export type EnrolFromRosterValues = z.infer<typeof enrolFromRosterBodySchema>;

/** The invigilator console's view of one candidate (`certification.md` §3). */
export const CONSOLE_STATES = ['NOT_STARTED', 'WAITING_AUTHORIZATION', 'AUTHORIZED', 'IN_PROGRESS', 'PAUSED', 'FINISHED'] as const;
export type ConsoleState = (typeof CONSOLE_STATES)[number];

export const consoleCandidateSchema = z.object({
  id: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  extraTimePercentage: z.number().int(),
  accessibilityAdjustmentNeeded: z.boolean(),
  state: z.enum(CONSOLE_STATES),
  courseId: idSchema.nullable(),
  answerCount: z.number().int(),
  /** The question being answered while the test runs. */
  questionNumber: z.number().int().nullable(),
  endReason: z.enum(['COMPLETED', 'TIMED_OUT', 'CANDIDATE', 'INVIGILATOR']).nullable(),
  openReports: z.array(
    z.object({
      id: idSchema,
      category: z.string(),
      description: z.string().nullable(),
      createdAt: isoDateTime,
    }),
  ),
});
export type ConsoleCandidate = z.infer<typeof consoleCandidateSchema>;

export const sittingConsoleSchema = z.object({
  sitting: sittingSchema,
  candidates: z.array(consoleCandidateSchema),
  /** No test running and the sitting not finalised yet. */
  canFinalize: z.boolean(),
});
export type SittingConsole = z.infer<typeof sittingConsoleSchema>;

export const resolveIssueReportBodySchema = z.object({ resolution: z.enum(['REPLACEMENT', 'RESUME'], { error: 'INVALID_REQUEST' }) });
export const finalizeSittingBodySchema = z.object({
  comment: z.string().trim().max(2000, { error: 'FINALIZATION_COMMENT_TOO_LONG' }).default(''),
});
