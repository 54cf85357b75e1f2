import { z } from 'zod';
import { classFilterQuerySchema, idSchema, isoDateTime } from './common';
import { CAMPAIGN_TYPES } from './constants';
import { localizedTextSchema } from './catalogue';
import { PARTICIPATION_STATUSES } from './learner';

// « Analyse », « Résultats collectifs » and the participant pages (`analytics-and-exports.md` §4–6).

/** The class/group filter of every analysis view. */
export const analysisQuerySchema = classFilterQuerySchema;
export type AnalysisQuery = z.input<typeof analysisQuerySchema>;

export const campaignParticipationParamsSchema = z.object({ campaignId: idSchema, participationId: idSchema });
export const organizationLearnerParamsSchema = z.object({ organizationId: idSchema, organizationLearnerId: idSchema });

/** Bands of a mean level, on its floor (spec glossary). */
export const LEVEL_BAND_KEYS = ['NOT_ASSESSED', 'BEGINNER', 'INDEPENDENT', 'ADVANCED', 'EXPERT'] as const;

const competenceRefSchema = z.object({
  id: z.string(),
  index: z.string(),
  name: localizedTextSchema,
  areaCode: z.string(),
  /** The area's colour token (`jaffa`, `emerald`…). */
  areaColor: z.string(),
});

export const analysisTutorialSchema = z.object({
  id: z.string(),
  title: z.string(),
  link: z.string(),
  source: z.string(),
  format: z.string(),
  /** `HH:MM:SS`. */
  duration: z.string(),
  /** The level of the campaign skill that brings it. */
  skillLevel: z.number().int(),
  /** Shown to this learner at a checkpoint (participant analysis only; false on a campaign's). */
  shownDuringTest: z.boolean(),
});
export type AnalysisTutorial = z.infer<typeof analysisTutorialSchema>;

export const analysisTubeSchema = z.object({
  id: z.string(),
  practicalTitle: localizedTextSchema,
  practicalDescription: localizedTextSchema,
  competence: competenceRefSchema,
  /** Mean of the learners' scores, rounded to 2 decimals; lower = more recommended. */
  averageScore: z.number(),
  /** 4 « Fortement recommandé » … 1 « Assez recommandé », decided on the exact average. */
  bubbles: z.number().int().min(1).max(4),
  /** Mean level of the hardest validated skill, rounded to 2 decimals, against `maxLevel`. */
  meanReached: z.number(),
  maxLevel: z.number().int(),
  /** `round(100 × mean reached / maxLevel)`. */
  percent: z.number().int(),
  tutorials: z.array(analysisTutorialSchema),
});
export type AnalysisTube = z.infer<typeof analysisTubeSchema>;

/** Mean reached level against mean maximum, with its band. */
export const levelGaugeSchema = z.object({
  meanLevel: z.number(),
  meanMaxLevel: z.number(),
  percent: z.number().int(),
  band: z.enum(LEVEL_BAND_KEYS),
});
export type LevelGauge = z.infer<typeof levelGaugeSchema>;

const classFiltersSchema = {
  /** The classes and groups of the learners counted without a filter, byte-wise sorted, for the filter itself. */
  divisions: z.array(z.string()),
  groups: z.array(z.string()),
};

export const campaignAnalysisSchema = z.object({
  /** Learners counted: latest sent, non-deleted participation of each, after the filter. */
  participantCount: z.number().int(),
  ...classFiltersSchema,
  /** Most recommended first (ascending average score, then tube id); empty when nothing was sent. */
  tubes: z.array(analysisTubeSchema),
  competences: z.array(competenceRefSchema.extend({ gauge: levelGaugeSchema })),
  global: levelGaugeSchema.nullable(),
});
export type CampaignAnalysis = z.infer<typeof campaignAnalysisSchema>;

export const collectiveResultsSchema = z.object({
  participantCount: z.number().int(),
  ...classFiltersSchema,
  competences: z.array(
    competenceRefSchema.extend({
      targetedSkills: z.number().int(),
      /** Σ validated targeted skills / participants, rounded to 2 decimals. */
      averageValidatedSkills: z.number(),
      /** `round(100 × averageValidatedSkills / targetedSkills)`. */
      percent: z.number().int(),
      tubes: z.array(
        z.object({ id: z.string(), practicalTitle: localizedTextSchema, meanReached: z.number(), maxLevel: z.number().int(), percent: z.number().int() }),
      ),
    }),
  ),
});
export type CollectiveResults = z.infer<typeof collectiveResultsSchema>;

const participationSummarySchema = z.object({
  id: idSchema,
  /** « Participation n°k », in the order of the learner's sendings. */
  number: z.number().int(),
  status: z.enum(PARTICIPATION_STATUSES),
  createdAt: isoDateTime,
  sharedAt: isoDateTime.nullable(),
});

export const participantPageSchema = z.object({
  campaign: z.object({ id: idSchema, name: z.string(), type: z.enum(CAMPAIGN_TYPES), externalIdLabel: z.string().nullable() }),
  learner: z.object({
    organizationLearnerId: idSchema,
    firstName: z.string(),
    lastName: z.string(),
    division: z.string().nullable(),
    group: z.string().nullable(),
  }),
  participation: participationSummarySchema.extend({
    participantExternalId: z.string().nullable(),
    /** Whole percent of the campaign's skills measured; read live before sending, 100 after. */
    progression: z.number().int(),
  }),
  /** Every live participation of this learner in the campaign, oldest first, for the selector. */
  participations: z.array(participationSummarySchema),
  /** Assessment and exam, once sent: the values stored at share and the snapshot's mastery. */
  results: z
    .object({
      masteryPercent: z.number().int(),
      validatedSkills: z.number().int(),
      targetedSkills: z.number().int(),
      stage: z
        .object({ stars: z.number().int(), totalStars: z.number().int(), title: z.string(), description: z.string() })
        .nullable(),
      badges: z.array(z.object({ key: z.string(), title: z.string(), imageUrl: z.string().nullable(), obtained: z.boolean() })),
      competences: z.array(
        competenceRefSchema.extend({
          validated: z.number().int(),
          total: z.number().int(),
          /** `round(validated / total, 2)` as a whole percent. */
          masteryPercent: z.number().int(),
          stars: z.number().int().nullable(),
          totalStars: z.number().int().nullable(),
        }),
      ),
    })
    .nullable(),
  /** Profile collection, once sent: the 16 competences as frozen at `sharedAt`, capped. */
  profile: z
    .object({
      totalPix: z.number().int(),
      isCertifiable: z.boolean(),
      certifiableCompetenceCount: z.number().int(),
      competences: z.array(competenceRefSchema.extend({ level: z.number().int(), pix: z.number().int() })),
    })
    .nullable(),
});
export type ParticipantPage = z.infer<typeof participantPageSchema>;

export const participantAnalysisSchema = z.object({
  /** False before sending: Orga reads only snapshots, so there is nothing to analyse yet. */
  isShared: z.boolean(),
  tubes: z.array(analysisTubeSchema),
});
export type ParticipantAnalysis = z.infer<typeof participantAnalysisSchema>;

export const learnerActivitySchema = z.object({
  learner: z.object({
    id: idSchema,
    firstName: z.string(),
    lastName: z.string(),
    division: z.string().nullable(),
    group: z.string().nullable(),
  }),
  /** Every live participation in the organization's live campaigns, newest first. */
  participations: z.array(
    z.object({
      id: idSchema,
      campaign: z.object({ id: idSchema, name: z.string(), type: z.enum(CAMPAIGN_TYPES), archived: z.boolean() }),
      status: z.enum(PARTICIPATION_STATUSES),
      createdAt: isoDateTime,
      sharedAt: isoDateTime.nullable(),
      /** Share values: mastery for an assessment or exam, pix for a profile collection; null before sending. */
      masteryPercent: z.number().int().nullable(),
      pixScore: z.number().int().nullable(),
    }),
  ),
});
export type LearnerActivity = z.infer<typeof learnerActivitySchema>;
