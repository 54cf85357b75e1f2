import { z } from 'zod';
import { ANSWER_RESULTS, learnerChallengeSchema, tutorialSchema } from './catalogue';
import { idSchema, isoDateTime } from './common';
import { CAMPAIGN_TYPES, REPORT_CATEGORIES } from './constants';

/**
 * The learner's side of campaigns: code lookup, landing, reconciliation, participation,
 * the test runner, checkpoints, the end page, sending, and the profile.
 */

export const PARTICIPATION_STATUSES = ['STARTED', 'TO_SHARE', 'SHARED'] as const;

export const campaignCodeParamsSchema = z.object({ code: z.string().min(1).max(32) });
export const campaignIdParamsSchema = z.object({ campaignId: idSchema });
export const assessmentParamsSchema = z.object({ assessmentId: idSchema });
export const participationParamsSchema = z.object({ participationId: idSchema });

export const myParticipationSchema = z.object({
  id: idSchema,
  status: z.enum(PARTICIPATION_STATUSES),
  assessmentId: idSchema.nullable(),
  assessmentState: z.enum(['started', 'completed', 'aborted']).nullable(),
  createdAt: isoDateTime,
  sharedAt: isoDateTime.nullable(),
  participantExternalId: z.string().nullable(),
});
export type MyParticipation = z.infer<typeof myParticipationSchema>;

/** The landing page (`/campagnes/:code/presentation`), readable before signing in. */
export const campaignLandingSchema = z.object({
  id: idSchema,
  code: z.string(),
  type: z.enum(CAMPAIGN_TYPES),
  /** The campaign's title, else its target profile's name (null for profile collection). */
  title: z.string().nullable(),
  organization: z.object({
    id: idSchema,
    name: z.string(),
    type: z.string(),
    /** The learner must be on the roster and reconciled (`campaigns-and-participation.md` §1). */
    isRestricted: z.boolean(),
    identityProvider: z.enum(['MEDIACENTRE']).nullable(),
  }),
  customLandingPageText: z.string().nullable(),
  externalIdLabel: z.string().nullable(),
  externalIdType: z.enum(['STRING', 'EMAIL']).nullable(),
  multipleSendings: z.boolean(),
  autoShareAtEnd: z.boolean(),
  isArchived: z.boolean(),
  /** For the signed-in caller only; null when signed out. */
  me: z
    .object({
      isReconciled: z.boolean(),
      /** « Si vous n'êtes pas {prénom nom}, déconnectez-vous ». */
      firstName: z.string(),
      lastName: z.string(),
      participation: myParticipationSchema.nullable(),
      /** True for the learner's very first campaign: the landing offers the tutorial screens. */
      isFirstCampaign: z.boolean(),
    })
    .nullable(),
});
export type CampaignLanding = z.infer<typeof campaignLandingSchema>;

/** Reconciliation of an SCO learner (`learners-and-accounts.md` §3). `confirm: false` only previews the match. */
export const reconciliationBodySchema = z.object({
  firstName: z.string({ error: 'FIRST_NAME_REQUIRED' }).trim().min(1, { error: 'FIRST_NAME_REQUIRED' }).max(255, { error: 'NAME_TOO_LONG' }),
  lastName: z.string({ error: 'LAST_NAME_REQUIRED' }).trim().min(1, { error: 'LAST_NAME_REQUIRED' }).max(255, { error: 'NAME_TOO_LONG' }),
  birthdate: z.iso.date({ error: 'BIRTHDATE_INVALID' }),
  /** SUP: the student number, when the student knows it. */
  studentNumber: z.string().trim().max(255, { error: 'FIELD_TOO_LONG' }).optional(),
  confirm: z.boolean().default(false),
});
export type ReconciliationBody = z.infer<typeof reconciliationBodySchema>;
export const reconciliationResponseSchema = z.object({
  /** The account that will be (or was) linked, as the learner knows it. */
  login: z.string(),
  learner: z.object({ firstName: z.string(), lastName: z.string() }),
  linked: z.boolean(),
});
export type ReconciliationResponse = z.infer<typeof reconciliationResponseSchema>;

export const startParticipationBodySchema = z.object({
  participantExternalId: z.string().trim().max(255, { error: 'EXTERNAL_ID_TOO_LONG' }).optional(),
  /** « Retenter » (after a share, with multiple sendings). */
  retry: z.boolean().default(false),
  /** « Remettre à zéro ». */
  reset: z.boolean().default(false),
});
export type StartParticipationBody = z.infer<typeof startParticipationBodySchema>;
export const startParticipationResponseSchema = z.object({ participation: myParticipationSchema, created: z.boolean() });
export type StartParticipationResponse = z.infer<typeof startParticipationResponseSchema>;

/**
 * A challenge in the test runner: what the preview shows (no solution), plus the display
 * order of QCU/QCM options, seeded per assessment so it is stable across reloads.
 */
export const runnerChallengeSchema = learnerChallengeSchema.extend({
  optionOrder: z.array(z.number().int()).nullable(),
});
export type RunnerChallenge = z.infer<typeof runnerChallengeSchema>;

export const assessmentSchema = z.object({
  id: idSchema,
  type: z.enum(['CAMPAIGN', 'COMPETENCE_EVALUATION']),
  state: z.enum(['started', 'completed', 'aborted']),
  answerCount: z.number().int(),
  /** Percent of target skills measured so far (100 once completed). */
  progression: z.number().int(),
  campaign: z.object({ id: idSchema, code: z.string(), title: z.string().nullable(), type: z.enum(CAMPAIGN_TYPES) }).nullable(),
  competence: z.object({ id: z.string(), index: z.string(), name: z.string() }).nullable(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** The challenge a test serves, as `GET …/next` and an answer's response give it. */
export const challengeStepSchema = z.object({
  kind: z.literal('challenge'),
  challenge: runnerChallengeSchema,
  /** 1–5 within the current group of five. */
  position: z.number().int(),
  answerCount: z.number().int(),
  /**
   * When the challenge was first shown (timers count from here, across reloads); null when
   * it was fetched with `start=false` to show a timed challenge's warning first.
   */
  servedAt: isoDateTime.nullable(),
});
export type ChallengeStep = z.infer<typeof challengeStepSchema>;

/**
 * What comes next in a test: a challenge (with its position « Question k / 5 »), a
 * checkpoint after every 5 answers, or the end. Served again until answered.
 */
export const nextStepSchema = z.discriminatedUnion('kind', [
  challengeStepSchema,
  z.object({ kind: z.literal('checkpoint'), answerCount: z.number().int() }),
  z.object({ kind: z.literal('end'), answerCount: z.number().int(), alreadyKnown: z.boolean() }),
]);
export type NextStep = z.infer<typeof nextStepSchema>;

export const answerBodySchema = z.object({
  challengeId: z.string().min(1).max(128),
  /** A string (QCU `2`, QCM `1,3`, QROC text) or one value per block (QROCM); absent when skipped. */
  value: z.union([z.string().max(10_000, { error: 'ANSWER_TOO_LONG' }), z.record(z.string().max(64), z.string().max(10_000, { error: 'ANSWER_TOO_LONG' }))]).optional(),
  skipped: z.boolean().default(false),
  focusedOut: z.boolean().default(false),
});
export type AnswerBody = z.infer<typeof answerBodySchema>;

export const answerResponseSchema = z.object({
  answerId: idSchema,
  result: z.enum(ANSWER_RESULTS),
  /** « Niveau gagné » notice (`scoring-and-algorithm.md` §6.5). */
  levelUp: z.object({ competenceName: z.string(), level: z.number().int() }).nullable(),
  next: z.enum(['challenge', 'checkpoint', 'end']),
  /**
   * When `next` is `challenge`: that challenge as `GET …/next` serves it, already started
   * unless it is timed (`servedAt` null: its warning comes first, and `GET …/next` starts
   * it). Null otherwise, and when the answer had already been recorded: then ask `GET …/next`.
   */
  step: challengeStepSchema.nullable(),
});
export type AnswerResponse = z.infer<typeof answerResponseSchema>;

export const learnerTutorialSchema = tutorialSchema.extend({ isSaved: z.boolean() });
export type LearnerTutorial = z.infer<typeof learnerTutorialSchema>;

/** One answer reviewed at a checkpoint, with its correction (`answer-checking.md` §7). */
export const reviewedAnswerSchema = z.object({
  answerId: idSchema,
  challenge: runnerChallengeSchema,
  value: z.string(),
  result: z.enum(ANSWER_RESULTS),
  rightOptions: z.array(z.number().int()).nullable(),
  solutionToDisplay: z.string().nullable(),
  hint: z.string().nullable(),
  fields: z.record(z.string(), z.boolean()).nullable(),
  /** QROCM-dep: the first variant of each group no field matched (`answer-checking.md` §7). */
  unmatchedGroups: z.array(z.string()).nullable(),
  tutorials: z.object({ toSucceed: z.array(learnerTutorialSchema), toLearnMore: z.array(learnerTutorialSchema) }),
});
export const checkpointSchema = z.object({
  answers: z.array(reviewedAnswerSchema),
  isFinal: z.boolean(),
  progression: z.number().int(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
export const nextQuerySchema = z.object({
  /** `false` reads the next challenge without starting its clock (the timed warning screen). */
  start: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

export const checkpointQuerySchema = z.object({
  final: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const challengeReportBodySchema = z.object({
  challengeId: z.string().min(1).max(128),
  category: z.enum(REPORT_CATEGORIES, { error: 'REPORT_CATEGORY_INVALID' }),
  comment: z.string().max(10_000, { error: 'REPORT_COMMENT_TOO_LONG' }).default(''),
});

export const competenceResultSchema = z.object({
  id: z.string(),
  index: z.string(),
  name: z.string(),
  areaCode: z.string(),
  areaColor: z.string(),
  masteryPercent: z.number().int(),
  stars: z.number().int().nullable(),
});

export const stageResultSchema = z.object({ reached: z.number().int(), total: z.number().int(), title: z.string(), message: z.string() });
export const badgeResultSchema = z.object({ key: z.string(), title: z.string(), message: z.string(), imageUrl: z.string().nullable(), obtained: z.boolean(), progress: z.number().int() });

/** The end page of an assessment campaign (completion-time values, `content-model.md` §7). */
export const campaignResultsSchema = z.object({
  campaign: z.object({
    id: idSchema,
    code: z.string(),
    title: z.string().nullable(),
    type: z.enum(CAMPAIGN_TYPES),
    organizationName: z.string(),
    customResultPageText: z.string().nullable(),
    customResultPageButtonText: z.string().nullable(),
    customResultPageButtonUrl: z.string().nullable(),
    isArchived: z.boolean(),
  }),
  participation: myParticipationSchema,
  masteryPercent: z.number().int(),
  stage: stageResultSchema.nullable(),
  badges: z.array(badgeResultSchema),
  competences: z.array(competenceResultSchema),
  canShare: z.boolean(),
  canRetry: z.boolean(),
  canReset: z.boolean(),
  /** « Retenter les questions échouées » before sending (§5.4): completed, unsent, started ≥ 4 days ago. */
  canImprove: z.boolean(),
  /** Seconds before « Retenter » is allowed; null when it never will be. */
  retryInSeconds: z.number().int().nullable(),
});
export type CampaignResults = z.infer<typeof campaignResultsSchema>;

export const competenceProfileSchema = z.object({
  id: z.string(),
  index: z.string(),
  name: z.string(),
  areaCode: z.string(),
  areaTitle: z.string(),
  areaColor: z.string(),
  level: z.number().int(),
  pix: z.number().int(),
  pixToNextLevel: z.number().int(),
  isMaxLevel: z.boolean(),
  /** « Commencer », « Reprendre », « Retenter » or nothing. */
  action: z.enum(['start', 'resume', 'improve', 'none']),
  assessmentId: idSchema.nullable(),
  improveInSeconds: z.number().int().nullable(),
});
export const profileSchema = z.object({
  totalPix: z.number().int(),
  maxReachableLevel: z.number().int(),
  maxReachablePix: z.number().int(),
  isCertifiable: z.boolean(),
  certifiableCompetenceCount: z.number().int(),
  competences: z.array(competenceProfileSchema),
});
export type Profile = z.infer<typeof profileSchema>;

/** Profile collection: what the learner is about to send or sent. */
export const profileCollectionSchema = z.object({
  campaign: campaignResultsSchema.shape.campaign,
  participation: myParticipationSchema,
  profile: profileSchema,
  canShare: z.boolean(),
  canSendAgain: z.boolean(),
});
export type ProfileCollection = z.infer<typeof profileCollectionSchema>;

export const competenceParamsSchema = z.object({ competenceId: z.string().min(1).max(32) });

/** `/competences/:id/details`: what the competence is about, its tutorials, and « Remettre à zéro » (§7). */
export const competenceDetailsSchema = z.object({
  id: z.string(),
  description: z.string(),
  tutorials: z.array(learnerTutorialSchema),
  canReset: z.boolean(),
  /** Seconds before a reset is allowed (7 days after the competence last moved); null when there is nothing to reset. */
  resetInSeconds: z.number().int().nullable(),
});
export type CompetenceDetails = z.infer<typeof competenceDetailsSchema>;
export const startSelfEvaluationResponseSchema = z.object({ assessmentId: idSchema });

export const tutorialParamsSchema = z.object({ tutorialId: z.string().min(1).max(128) });
export const savedTutorialsSchema = z.object({ saved: z.array(learnerTutorialSchema), recommended: z.array(learnerTutorialSchema) });
export type SavedTutorials = z.infer<typeof savedTutorialsSchema>;

/** « Utile » on a saved tutorial. */
export const tutorialFeedbackBodySchema = z.object({ helpful: z.boolean() });

export const myCampaignsSchema = z.object({
  items: z.array(
    z.object({
      campaign: z.object({ id: idSchema, code: z.string(), title: z.string().nullable(), type: z.enum(CAMPAIGN_TYPES), organizationName: z.string() }),
      participation: myParticipationSchema,
      masteryPercent: z.number().int().nullable(),
    }),
  ),
});
export type MyCampaigns = z.infer<typeof myCampaignsSchema>;
