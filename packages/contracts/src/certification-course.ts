import { z } from 'zod';
import { answerBodySchema, runnerChallengeSchema } from './learner';
import { idSchema, isoDateTime } from './common';

/**
 * The candidate's side of a certification test (`certification.md` §3): entering a sitting,
 * waiting for the invigilator, the access code, then the adaptive test itself.
 */

/** Questions of a certification test at most (`certification.md` §3). */
export const CERTIFICATION_MAX_ANSWERS = 32;
/** Base duration of the test before extra time, in minutes. */
export const CERTIFICATION_BASE_MINUTES = 105;

/** What the candidate may report during the test (« Signaler un problème »). */
export const CERTIFICATION_ISSUE_CATEGORIES = ['TECHNICAL', 'CHALLENGE_CONTENT', 'ATTACHMENT', 'EMBED', 'ACCESSIBILITY', 'OTHER'] as const;
export type CertificationIssueCategory = (typeof CERTIFICATION_ISSUE_CATEGORIES)[number];
/** How the invigilator settles a report: another question, or the same one again. */
export const CERTIFICATION_ISSUE_RESOLUTIONS = ['REPLACEMENT', 'RESUME'] as const;
export type CertificationIssueResolution = (typeof CERTIFICATION_ISSUE_RESOLUTIONS)[number];
export const CERTIFICATION_END_REASONS = ['COMPLETED', 'TIMED_OUT', 'CANDIDATE', 'INVIGILATOR'] as const;
export type CertificationEndReason = (typeof CERTIFICATION_END_REASONS)[number];

export const certificationEntryBodySchema = z.object({
  sittingNumber: z.coerce.number({ error: 'SITTING_NUMBER_INVALID' }).int({ error: 'SITTING_NUMBER_INVALID' }).min(1, { error: 'SITTING_NUMBER_INVALID' }).max(2_000_000_000, { error: 'SITTING_NUMBER_INVALID' }),
  firstName: z.string().trim().min(1, { error: 'FIRST_NAME_REQUIRED' }).max(255),
  lastName: z.string().trim().min(1, { error: 'LAST_NAME_REQUIRED' }).max(255),
  birthdate: z.iso.date({ error: 'BIRTHDATE_INVALID' }),
  /** The candidate read and accepted the rules of the test. */
  rulesAccepted: z.literal(true, { error: 'CERTIFICATION_RULES_NOT_ACCEPTED' }),
});
export type CertificationEntryBody = z.infer<typeof certificationEntryBodySchema>;

export const certificationAccessCodeBodySchema = z.object({
  accessCode: z.string().trim().toUpperCase().min(1, { error: 'SITTING_ACCESS_CODE_INVALID' }).max(16, { error: 'SITTING_ACCESS_CODE_INVALID' }),
});

export const certificationCandidateParamsSchema = z.object({ candidateId: idSchema });
export const certificationCourseParamsSchema = z.object({ courseId: idSchema });

/**
 * Where the signed-in candidate stands: `waiting` until the invigilator authorises them,
 * `authorized` (type the access code), `started` (the test runs: `courseId`), `ended`.
 */
export const CERTIFICATION_ENTRY_STATES = ['waiting', 'authorized', 'started', 'ended'] as const;
export const certificationEntrySchema = z.object({
  candidateId: idSchema,
  state: z.enum(CERTIFICATION_ENTRY_STATES),
  firstName: z.string(),
  lastName: z.string(),
  sitting: z.object({ number: z.number().int(), date: z.string(), time: z.string(), address: z.string(), room: z.string() }),
  courseId: idSchema.nullable(),
});
export type CertificationEntry = z.infer<typeof certificationEntrySchema>;
/** The candidate's current entry, or null when they entered no open sitting. */
export const myCertificationEntrySchema = z.object({ entry: certificationEntrySchema.nullable() });
export type MyCertificationEntry = z.infer<typeof myCertificationEntrySchema>;

export const certificationCourseSchema = z.object({
  id: idSchema,
  state: z.enum(['started', 'paused', 'ended']),
  answerCount: z.number().int(),
  maxAnswers: z.number().int(),
  startedAt: isoDateTime,
  /** When the test times out: 105 min × (1 + extra time / 100) after the start. */
  endsAt: isoDateTime,
  /** The server's clock, so the page's timer does not depend on the school PC's. */
  now: isoDateTime,
  extraTimePercentage: z.number().int(),
  accessibilityAdjustmentNeeded: z.boolean(),
  endReason: z.enum(CERTIFICATION_END_REASONS).nullable(),
});
export type CertificationCourse = z.infer<typeof certificationCourseSchema>;

/** The next step of a certification test: the served challenge (again after a reload), a pause, or the end. */
export const certificationStepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('challenge'),
    challenge: runnerChallengeSchema,
    /** 1-based: « Question N / 32 ». */
    position: z.number().int(),
    answerCount: z.number().int(),
    servedAt: isoDateTime,
  }),
  z.object({ kind: z.literal('paused'), answerCount: z.number().int() }),
  z.object({ kind: z.literal('end'), answerCount: z.number().int(), reason: z.enum(CERTIFICATION_END_REASONS) }),
]);
export type CertificationStep = z.infer<typeof certificationStepSchema>;

/** A certification answer has the campaign answer's shape; only the verdict shown afterwards differs. */
export const certificationAnswerBodySchema = answerBodySchema;
export type CertificationAnswerBody = z.infer<typeof certificationAnswerBodySchema>;

/** No verdict is shown during a certification test: the answer is recorded and the next step follows. */
export const certificationAnswerResponseSchema = z.object({ answerId: idSchema, step: certificationStepSchema });
export type CertificationAnswerResponse = z.infer<typeof certificationAnswerResponseSchema>;

export const certificationIssueReportBodySchema = z.object({
  challengeId: z.string().min(1).max(128).nullable().default(null),
  category: z.enum(CERTIFICATION_ISSUE_CATEGORIES, { error: 'REPORT_CATEGORY_INVALID' }),
  description: z.string().trim().max(2000, { error: 'REPORT_COMMENT_TOO_LONG' }).default(''),
});
export type CertificationIssueReportBody = z.infer<typeof certificationIssueReportBodySchema>;
export const certificationIssueReportSchema = z.object({ id: idSchema, category: z.enum(CERTIFICATION_ISSUE_CATEGORIES), createdAt: isoDateTime });
