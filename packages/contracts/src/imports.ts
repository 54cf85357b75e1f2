import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

/** Learner imports (`learners-and-accounts.md` §2). */
export const LEARNER_IMPORT_FORMATS = ['SIECLE', 'SCO_CSV', 'SUP_CSV', 'GENERIC_CSV'] as const;
export const LEARNER_IMPORT_MODES = ['ADD_OR_UPDATE', 'REPLACE'] as const;
export const LEARNER_IMPORT_STATUSES = ['UPLOADED', 'VALIDATED', 'IMPORTED', 'UPLOAD_ERROR', 'VALIDATION_ERROR', 'IMPORT_ERROR'] as const;
/** Statuses of an import still being processed: a new upload waits for them to end. */
export const LEARNER_IMPORT_RUNNING_STATUSES = ['UPLOADED', 'VALIDATED'] as const;

/** Largest accepted file, before any decompression. */
export const LEARNER_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export type LearnerImportFormat = (typeof LEARNER_IMPORT_FORMATS)[number];
export type LearnerImportMode = (typeof LEARNER_IMPORT_MODES)[number];
export type LearnerImportStatus = (typeof LEARNER_IMPORT_STATUSES)[number];

export const learnerImportParamsSchema = z.object({ organizationId: idSchema });

/** `POST /api/organizations/:organizationId/learner-imports?fileName=…&mode=…`, the file as the raw body. */
export const learnerImportUploadQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** SUP only: « Ajouter / modifier » or « Remplacer » (also disables learners absent from the file). */
  mode: z.enum(LEARNER_IMPORT_MODES).optional(),
});

/**
 * One problem found in the file: an error code of `ERROR_STATUS` (or a warning code), the
 * line (XML line of the ELEVE tag, or CSV line with the header as 1), the column and the
 * element's own id (SIECLE `ELEVE_ID`).
 */
export const learnerImportIssueSchema = z.object({
  code: z.string(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  elementId: z.string().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type LearnerImportIssue = z.infer<typeof learnerImportIssueSchema>;

export const learnerImportCountsSchema = z.object({
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  /** Learners absent from the file, disabled by this import. */
  disabled: z.number().int().min(0),
  /** Disabled learners listed again, enabled by this import. */
  enabled: z.number().int().min(0),
  /** SIECLE: pupils without a class, not imported. */
  skippedWithoutClass: z.number().int().min(0),
  /** SIECLE: pupils who left the school (DATE_SORTIE), ignored. */
  skippedLeft: z.number().int().min(0),
});
export type LearnerImportCounts = z.infer<typeof learnerImportCountsSchema>;

export const learnerImportSchema = z.object({
  id: idSchema,
  format: z.enum(LEARNER_IMPORT_FORMATS),
  mode: z.enum(LEARNER_IMPORT_MODES).nullable(),
  fileName: z.string(),
  status: z.enum(LEARNER_IMPORT_STATUSES),
  progress: z.number().int().min(0).max(100),
  author: z.object({ firstName: z.string(), lastName: z.string() }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  errors: z.array(learnerImportIssueSchema),
  /** How many errors the file had; `errors` keeps only the first ones. */
  errorCount: z.number().int().min(0),
  warnings: z.array(learnerImportIssueSchema),
  counts: learnerImportCountsSchema.nullable(),
});
export type LearnerImport = z.infer<typeof learnerImportSchema>;

/** `GET /api/organizations/:organizationId/learner-imports/latest`: the status banner, null before any import. */
export const latestLearnerImportSchema = z.object({ import: learnerImportSchema.nullable() });
export type LatestLearnerImport = z.infer<typeof latestLearnerImportSchema>;

/** What an organization imports, for the import page: formats accepted, SUP modes, template. */
export const learnerImportSettingsSchema = z.object({
  /** File extensions accepted, e.g. `.xml`, `.zip`, `.csv`. */
  accept: z.array(z.string()),
  formats: z.array(z.enum(LEARNER_IMPORT_FORMATS)),
  /** SUP: the mode must be chosen. */
  modeRequired: z.boolean(),
  /** The CSV header expected, as the template has it (null when only SIECLE is accepted). */
  csvHeader: z.array(z.string()).nullable(),
  maxBytes: z.number().int(),
});
export type LearnerImportSettings = z.infer<typeof learnerImportSettingsSchema>;
