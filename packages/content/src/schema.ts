import { z } from 'zod';

/**
 * Schemas of the authored content files (spec content-model §9).
 *
 * They check the shape only. Rules that carry a linter code of their own (id syntax, ranges,
 * allowed values, cross references) are left to the linter, so an author sees `L10 timer…`
 * rather than a generic shape error.
 */

/** French text, with an optional English translation. */
export const localizedTextSchema = z.strictObject({
  fr: z.string().min(1),
  en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const devicesSchema = z.strictObject({
  tablet: z.boolean().default(false),
  mobile: z.boolean().default(false),
});

const thematicFileEntrySchema = z.strictObject({
  id: z.string(),
  name: localizedTextSchema,
});

const competenceSchema = z.strictObject({
  id: z.string(),
  index: z.string(),
  name: localizedTextSchema,
  description: localizedTextSchema,
  origin: z.string().default('jalon'),
  thematics: z.array(thematicFileEntrySchema).default([]),
});

const areaSchema = z.strictObject({
  id: z.string(),
  code: z.string(),
  color: z.string(),
  title: localizedTextSchema,
  competences: z.array(competenceSchema),
});

/** `framework.yaml` of the core content folder. */
export const frameworkFileSchema = z.strictObject({
  framework: z.string(),
  areas: z.array(areaSchema),
});
export type FrameworkFile = z.infer<typeof frameworkFileSchema>;

/** `thematics.yaml` of an extra content folder: thematics added to existing competences. */
export const thematicsFileSchema = z.strictObject({
  thematics: z.array(thematicFileEntrySchema.extend({ competence: z.string() })),
});
export type ThematicsFile = z.infer<typeof thematicsFileSchema>;

export const challengeTypes = ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'] as const;
export type ChallengeType = (typeof challengeTypes)[number];

export const challengeStatuses = ['proposed', 'validated', 'archived', 'obsolete'] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];

export const skillStatuses = ['active', 'draft', 'archived', 'obsolete'] as const;
export type SkillStatus = (typeof skillStatuses)[number];

export const answerFormats = ['small', 'words', 'sentence', 'paragraph', 'number'] as const;
export type AnswerFormat = (typeof answerFormats)[number];

const illustrationSchema = z.strictObject({
  url: z.string().min(1),
  alt: z.string().optional(),
  decorative: z.boolean().default(false),
});

const attachmentSchema = z.strictObject({
  /** What the learner reads on the download link. */
  title: z.string().min(1),
  /** Alternative formats of the same file, e.g. a `.csv` and a `.ods`. */
  files: z.array(z.string().min(1)).min(1),
});

const embedSchema = z.strictObject({
  url: z.string().min(1),
  title: z.string().default(''),
  height: z.number().int(),
  autoReply: z.boolean().default(false),
});

/** QROCM solutions may be written as YAML text (spec syntax) or directly as a map. */
const solutionSchema = z.union([
  z.string(),
  z.number(),
  z.record(z.string(), z.array(z.union([z.string(), z.number()]).transform(String))),
]);

export const challengeFileSchema = z.strictObject({
  id: z.string(),
  type: z.enum(challengeTypes),
  status: z.enum(challengeStatuses).default('validated'),
  locales: z.array(z.string()).default(['fr']),
  instruction: z.string().min(1),
  alternativeInstruction: z.string().optional(),
  proposals: z.string().default(''),
  solution: solutionSchema,
  solutionToDisplay: z.string().optional(),
  tolerances: z.array(z.string()).optional(),
  format: z.enum(answerFormats).default('words'),
  timer: z.number().int().optional(),
  focused: z.boolean().default(false),
  shuffled: z.boolean().default(false),
  illustration: illustrationSchema.optional(),
  attachments: z.array(attachmentSchema).default([]),
  embed: embedSchema.optional(),
  devices: devicesSchema.optional(),
  /** Calibrated 2PL parameters (`npm run calibrate`); the release derives them from the skill level when absent. */
  irt: z.strictObject({ difficulty: z.number(), discrimination: z.number().positive() }).optional(),
});
export type ChallengeFile = z.infer<typeof challengeFileSchema>;

export const skillFileSchema = z.strictObject({
  /** Optional: derived from the tube id and the level; when written it must match. */
  id: z.string().optional(),
  level: z.number().int(),
  status: z.enum(skillStatuses).default('active'),
  hint: localizedTextSchema.optional(),
  hintStatus: z.enum(['proposed', 'validated', 'archived']).default('proposed'),
  tutorials: z.array(z.string()).default([]),
  learningMoreTutorials: z.array(z.string()).default([]),
  challenges: z.array(challengeFileSchema).default([]),
});
export type SkillFile = z.infer<typeof skillFileSchema>;

/** A tube file under `tubes/`: one tube with its skills and their challenges. */
export const tubeFileSchema = z.strictObject({
  id: z.string(),
  competence: z.string(),
  thematic: z.string(),
  practicalTitle: localizedTextSchema,
  practicalDescription: localizedTextSchema,
  devices: devicesSchema.default({ tablet: false, mobile: false }),
  skills: z.array(skillFileSchema).min(1),
});
export type TubeFile = z.infer<typeof tubeFileSchema>;

export const tutorialFormats = [
  'video', 'image', 'site', 'pdf', 'slide', 'tool', 'page', 'game', 'audio', 'timeline',
] as const;
export type TutorialFormat = (typeof tutorialFormats)[number];

const tutorialSchema = z.strictObject({
  id: z.string(),
  title: z.string().min(1),
  link: z.string(),
  source: z.string().min(1),
  format: z.enum(tutorialFormats),
  duration: z.string().regex(/^\d{2}:[0-5]\d:[0-5]\d$/, 'duration must be HH:MM:SS'),
  locale: z.string().default('fr-FR'),
});

/** `tutorials/*.yaml`: a list of tutorials. */
export const tutorialsFileSchema = z.strictObject({ tutorials: z.array(tutorialSchema) });
export type TutorialFile = z.infer<typeof tutorialSchema>;

export const targetProfileCategories = [
  'BACK_TO_SCHOOL', 'COMPETENCES', 'DISCIPLINE', 'PREDEFINED', 'SUBJECT', 'TARGETED', 'CUSTOM', 'PLUS', 'OTHER',
] as const;
export type TargetProfileCategory = (typeof targetProfileCategories)[number];

const cappedTubeSchema = z.strictObject({ tubeId: z.string(), level: z.number().int() });

const stageSchema = z.strictObject({
  title: z.string().min(1),
  message: z.string().min(1),
  prescriberTitle: z.string().optional(),
  prescriberDescription: z.string().optional(),
  threshold: z.number().int().optional(),
  level: z.number().int().optional(),
  isFirstSkill: z.boolean().default(false),
});
export type StageFile = z.infer<typeof stageSchema>;

const criterionSchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('CampaignParticipation'), threshold: z.number().int() }),
  z.strictObject({
    scope: z.literal('CappedTubes'),
    name: z.string().optional(),
    threshold: z.number().int(),
    cappedTubes: z.array(cappedTubeSchema).min(1),
  }),
]);
export type BadgeCriterionFile = z.infer<typeof criterionSchema>;

const badgeSchema = z.strictObject({
  key: z.string(),
  title: z.string().min(1),
  message: z.string().min(1),
  altMessage: z.string().min(1),
  imageUrl: z.string().min(1),
  isCertifiable: z.boolean().default(false),
  isAlwaysVisible: z.boolean().default(false),
  criteria: z.array(criterionSchema).min(1),
});
export type BadgeFile = z.infer<typeof badgeSchema>;

/** `target-profiles/*.yaml`: one parcours. */
export const targetProfileFileSchema = z.strictObject({
  id: z.string(),
  name: z.string().min(1),
  description: z.string().min(1),
  category: z.enum(targetProfileCategories),
  imageUrl: z.string().optional(),
  isPublic: z.boolean().default(true),
  ownerOrganizationId: z.string().nullable().default(null),
  outdated: z.boolean().default(false),
  areKnowledgeElementsResettable: z.boolean().default(false),
  locales: z.array(z.string()).default(['fr']),
  tubes: z.array(cappedTubeSchema).min(1),
  stages: z.array(stageSchema).default([]),
  badges: z.array(badgeSchema).default([]),
});
export type TargetProfileFile = z.infer<typeof targetProfileFileSchema>;
