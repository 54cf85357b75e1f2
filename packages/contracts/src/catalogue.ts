import { z } from 'zod';
import { pageOf, paginationQuerySchema } from './common';
import { organizationParamsSchema } from './organizations';

/** Target profile categories in their display order (`content-model.md` §6). */
export const TARGET_PROFILE_CATEGORIES = [
  'BACK_TO_SCHOOL',
  'COMPETENCES',
  'DISCIPLINE',
  'PREDEFINED',
  'SUBJECT',
  'TARGETED',
  'CUSTOM',
  'PLUS',
  'OTHER',
] as const;
export type TargetProfileCategory = (typeof TARGET_PROFILE_CATEGORIES)[number];

/** Content text in French, with English when the authors wrote it. */
export const localizedTextSchema = z.object({ fr: z.string(), en: z.string().optional() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const devicesSchema = z.object({ tablet: z.boolean(), mobile: z.boolean() });

// ── Parcours documentation (Orga) ─────────────────────────────────────────────

export const targetProfilesQuerySchema = z.object({
  search: z.string().trim().max(255).default(''),
  category: z.enum(TARGET_PROFILE_CATEGORIES).optional(),
});

/** Target profile ids are content ids (`tp-<slug>`), not UUIDs. */
export const targetProfileParamsSchema = organizationParamsSchema.extend({ targetProfileId: z.string().min(1).max(200) });

export const targetProfileSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.enum(TARGET_PROFILE_CATEGORIES),
  categoryLabel: localizedTextSchema,
  locales: z.array(z.string()),
  competenceCount: z.number().int(),
  tubeCount: z.number().int(),
  skillCount: z.number().int(),
  stageCount: z.number().int(),
  badgeCount: z.number().int(),
  /** Usable on a tablet / a phone only when every tube is. */
  devices: devicesSchema,
  /** An upper bound, rounded up to 5 minutes. */
  estimatedMinutes: z.number().int(),
});
export type TargetProfileSummary = z.infer<typeof targetProfileSummarySchema>;

export const targetProfilesResponseSchema = z.object({ targetProfiles: z.array(targetProfileSummarySchema) });
export type TargetProfilesResponse = z.infer<typeof targetProfilesResponseSchema>;

export const targetProfileTubeSchema = z.object({
  id: z.string(),
  practicalTitle: localizedTextSchema,
  practicalDescription: localizedTextSchema,
  /** The cap, shown as « Niveau max ». */
  level: z.number().int(),
  skillCount: z.number().int(),
  devices: devicesSchema,
});

export const targetProfileStageSchema = z.object({
  id: z.string(),
  title: z.string(),
  message: z.string(),
  level: z.number().int().nullable(),
  threshold: z.number().int().nullable(),
  isFirstSkill: z.boolean(),
});

export const targetProfileBadgeSchema = z.object({
  key: z.string(),
  title: z.string(),
  message: z.string(),
  altMessage: z.string(),
  imageUrl: z.string(),
});

export const targetProfileDetailSchema = targetProfileSummarySchema.extend({
  areas: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: localizedTextSchema,
      competences: z.array(
        z.object({ id: z.string(), index: z.string(), name: localizedTextSchema, tubes: z.array(targetProfileTubeSchema) }),
      ),
    }),
  ),
  stages: z.array(targetProfileStageSchema),
  badges: z.array(targetProfileBadgeSchema),
});
export type TargetProfileDetail = z.infer<typeof targetProfileDetailSchema>;

// ── Challenge preview (Admin) ─────────────────────────────────────────────────

export const CHALLENGE_TYPES = ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'] as const;
export type ChallengeType = (typeof CHALLENGE_TYPES)[number];

export const adminChallengesQuerySchema = paginationQuerySchema.extend({
  search: z.string().trim().max(255).default(''),
});

export const adminChallengeRowSchema = z.object({
  id: z.string(),
  skillId: z.string(),
  tubeId: z.string(),
  type: z.enum(CHALLENGE_TYPES),
  status: z.string(),
  locales: z.array(z.string()),
  /** The first words of the instruction, Markdown marks removed. */
  excerpt: z.string(),
});
export const adminChallengesPageSchema = pageOf(adminChallengeRowSchema);
export type AdminChallengesPage = z.infer<typeof adminChallengesPageSchema>;

export const challengeParamsSchema = z.object({ challengeId: z.string().min(1).max(200) });

const answerBlockSchema = z.object({
  key: z.string(),
  placeholder: z.string().optional(),
  label: z.string().optional(),
  /** Present for a drop-down. */
  options: z.array(z.string()).optional(),
});

/** What the learner answers in: numbered options (QCU/QCM) or Markdown text with fields (QROC/QROCM). */
export const answerAreaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('options'), options: z.array(z.string()) }),
  z.object({
    kind: z.literal('blocks'),
    parts: z.array(
      z.discriminatedUnion('kind', [z.object({ kind: z.literal('text'), text: z.string() }), answerBlockSchema.extend({ kind: z.literal('block') })]),
    ),
  }),
]);
export type AnswerArea = z.infer<typeof answerAreaSchema>;

/** A challenge as the learner receives it: no solution, no calibration; asset paths are served under `/api/content/`. */
export const learnerChallengeSchema = z.object({
  id: z.string(),
  type: z.enum(CHALLENGE_TYPES),
  locales: z.array(z.string()),
  instruction: z.string(),
  alternativeInstruction: z.string().optional(),
  proposals: z.string(),
  answerArea: answerAreaSchema,
  format: z.string(),
  timer: z.number().int().optional(),
  focused: z.boolean(),
  shuffled: z.boolean(),
  illustration: z.object({ url: z.string(), alt: z.string().optional(), decorative: z.boolean() }).optional(),
  attachments: z.array(z.object({ title: z.string(), files: z.array(z.string()) })),
  embed: z.object({ url: z.string(), title: z.string(), height: z.number(), autoReply: z.boolean() }).optional(),
  devices: devicesSchema,
});
export type LearnerChallenge = z.infer<typeof learnerChallengeSchema>;

export const adminChallengePreviewSchema = z.object({
  challenge: learnerChallengeSchema,
  status: z.string(),
  skill: z.object({ id: z.string(), level: z.number().int(), status: z.string() }),
  tube: z.object({ id: z.string(), practicalTitle: localizedTextSchema }),
  competence: z.object({ id: z.string(), index: z.string(), name: localizedTextSchema }),
});
export type AdminChallengePreview = z.infer<typeof adminChallengePreviewSchema>;

/** A string for QCU (`2`), QCM (`1,3`) and QROC; block key → text for QROCM. */
export const challengeAnswerSchema = z.union([z.string(), z.record(z.string(), z.string())], { error: 'ANSWER_MALFORMED' });
export const challengeCheckBodySchema = z.object({ answer: challengeAnswerSchema });

export const ANSWER_RESULTS = ['ok', 'ko', 'aband', 'timedout', 'focusedOut'] as const;

export const tutorialSchema = z.object({
  id: z.string(),
  title: z.string(),
  link: z.string(),
  source: z.string(),
  format: z.string(),
  duration: z.string(),
  locale: z.string(),
});

/** The verdict and the correction the checkpoint shows after this answer. */
export const challengeCheckResponseSchema = z.object({
  result: z.enum(ANSWER_RESULTS),
  rightOptions: z.array(z.number().int()).optional(),
  solutionToDisplay: z.string().optional(),
  hint: z.string().optional(),
  tutorials: z.array(tutorialSchema),
  fields: z.object({ fields: z.record(z.string(), z.boolean()), unmatchedGroups: z.array(z.string()).optional() }).optional(),
});
export type ChallengeCheckResponse = z.infer<typeof challengeCheckResponseSchema>;
