import { z } from 'zod';
import { classFilterQuerySchema, idSchema, isoDateTime, pageOf, paginationQuerySchema, repeatedQueryValues } from './common';
import { CAMPAIGN_TYPES } from './constants';
import { PARTICIPATION_STATUSES } from './learner';

const filterQuerySchema = paginationQuerySchema.extend({
  ...classFilterQuerySchema.shape,
  search: z.string().trim().max(255).default(''),
});

// --- « Participants » (activity), `analytics-and-exports.md` §2 ---------------------------

export const activityQuerySchema = filterQuerySchema.extend({
  status: z.enum(PARTICIPATION_STATUSES, { error: 'INVALID_REQUEST' }).optional(),
});
export type ActivityQuery = z.input<typeof activityQuerySchema>;
export type ActivityQueryValues = z.output<typeof activityQuerySchema>;

/** The cards, the status donut and the cumulative per-day series; all count learners. */
export const activitySummarySchema = z.object({
  campaignType: z.enum(CAMPAIGN_TYPES),
  participantCount: z.number().int(),
  sharedCount: z.number().int(),
  statuses: z.array(z.object({ status: z.enum(PARTICIPATION_STATUSES), count: z.number().int(), percent: z.number().int() })),
  /** From the campaign's creation to today, in the organization's time zone (`YYYY-MM-DD`). */
  from: z.string(),
  to: z.string(),
  /** Only the days on which a count changed, with the running totals at the end of that day. */
  days: z.array(z.object({ date: z.string(), started: z.number().int(), shared: z.number().int() })),
  /** The classes and groups of the campaign's participants, for the filters. */
  divisions: z.array(z.string()),
  groups: z.array(z.string()),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const activityRowSchema = z.object({
  participationId: idSchema,
  organizationLearnerId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  division: z.string().nullable(),
  group: z.string().nullable(),
  participantExternalId: z.string().nullable(),
  status: z.enum(PARTICIPATION_STATUSES),
  /** Whole percent of the campaign's skills measured so far, on « En cours » rows only (read live). */
  progression: z.number().int().nullable(),
  /** « En cours » rows: the question the learner is on (answers given + 1), never whether they were right. */
  currentQuestion: z.number().int().nullable(),
  lastAnswerAt: isoDateTime.nullable(),
  /** « Inactif »: no answer for 5 minutes after answering within the last hour. */
  idle: z.boolean(),
  /** « A quitté la page »: the learner left the page during their last answer. */
  leftPage: z.boolean(),
  participationCount: z.number().int(),
  createdAt: isoDateTime,
  sharedAt: isoDateTime.nullable(),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;
export const activityPageSchema = pageOf(activityRowSchema);
export type ActivityPage = z.infer<typeof activityPageSchema>;

export const participationOfCampaignParamsSchema = z.object({ campaignId: idSchema, participationId: idSchema });

// --- « Résultats », `analytics-and-exports.md` §3 -----------------------------------------

const yesNo = z.enum(['yes', 'no'], { error: 'INVALID_REQUEST' });

export const resultsQuerySchema = filterQuerySchema.extend({
  /** Badges the learner must all hold. */
  badges: repeatedQueryValues,
  /** Badges the learner must hold none of. */
  missingBadges: repeatedQueryValues,
  stages: repeatedQueryValues,
  certifiable: yesNo.optional(),
});
export type ResultsQuery = z.input<typeof resultsQuerySchema>;
export type ResultsQueryValues = z.output<typeof resultsQuerySchema>;

const stageInfoSchema = z.object({
  id: z.string(),
  stars: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
});

const badgeInfoSchema = z.object({ key: z.string(), title: z.string(), imageUrl: z.string() });

export const resultsSummarySchema = z.object({
  campaignType: z.enum(CAMPAIGN_TYPES),
  /** Learners counted: the latest sent, non-deleted participation of each. */
  participantCount: z.number().int(),
  /** `round(100 × Σ validated / (participants × campaign skills))`; null with no one counted. */
  averageMastery: z.number().int().nullable(),
  /** Standard error of the class average, in whole points (`beyond-the-reference.md` §2); null below two learners. */
  averageMasteryError: z.number().int().nullable(),
  /** Stars out of `totalStars`, one decimal; null without stages or without anyone counted. */
  averageStars: z.number().nullable(),
  totalStars: z.number().int().nullable(),
  stages: z.array(stageInfoSchema.extend({ count: z.number().int() })),
  badges: z.array(badgeInfoSchema.extend({ count: z.number().int(), percent: z.number().int() })),
  /** Ten bands on `round(100 × masteryRate)`: [0, 10), …, [80, 90), [90, 100]. */
  masteryBands: z.array(z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int() })),
  /** Profile collections: how many counted learners are certifiable. */
  certifiableCount: z.number().int().nullable(),
  divisions: z.array(z.string()),
  groups: z.array(z.string()),
});
export type ResultsSummary = z.infer<typeof resultsSummarySchema>;

export const PRECISION_BANDS = ['GOOD', 'MEDIUM', 'LOW'] as const;

export const resultRowSchema = z.object({
  participationId: idSchema,
  organizationLearnerId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  division: z.string().nullable(),
  group: z.string().nullable(),
  participantExternalId: z.string().nullable(),
  sharedAt: isoDateTime,
  sharingCount: z.number().int(),
  /** Assessment and exam. */
  mastery: z.number().int().nullable(),
  stars: z.number().int().nullable(),
  evolution: z.enum(['UP', 'DOWN', 'STABLE']).nullable(),
  badges: z.array(z.string()),
  /** « ± » in whole points, and its band; null when no question was answered on the campaign's skills. */
  precision: z.object({ halfWidth: z.number().int(), band: z.enum(PRECISION_BANDS) }).nullable(),
  /** Profile collection. */
  pixScore: z.number().int().nullable(),
  pixEvolution: z.number().int().nullable(),
  isCertifiable: z.boolean().nullable(),
  certifiableCompetenceCount: z.number().int().nullable(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;
export const resultsPageSchema = pageOf(resultRowSchema);
export type ResultsPage = z.infer<typeof resultsPageSchema>;
