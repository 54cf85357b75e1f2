import type { FastifyBaseLogger } from 'fastify';
import {
  LEARNER_IMPORT_FORMATS,
  LEARNER_IMPORT_MAX_BYTES,
  LEARNER_IMPORT_RUNNING_STATUSES,
  type LearnerImport,
  type LearnerImportCounts,
  type LearnerImportFormat,
  type LearnerImportIssue,
  type LearnerImportMode,
  type LearnerImportSettings,
  type LearnerImportStatus,
} from '@jalon/contracts';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { isUniqueViolation } from '../../platform/db/constraints';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Jobs } from '../../platform/jobs';
import { users } from '../identity';
import { organizationFeatures, organizations } from '../organizations';
import { genericImportConfig, parseGenericCsv, type GenericImportConfig } from './generic-csv';
import { writeRoster, type LearnerKey } from './persist';
import { ImportRefused, type ParsedRoster } from './roster';
import { SCO_CSV_COLUMNS, parseScoCsv } from './sco-csv';
import { learnerImportFiles, learnerImports } from './schema';
import { parseSiecle, siecleSource } from './siecle';
import { SUP_CSV_COLUMNS, parseSupCsv } from './sup-csv';

export const LEARNER_IMPORT_QUEUE = 'learner-import';

export interface ImportDeps {
  db: Db;
  clock: Clock;
  jobs: Jobs;
  log: FastifyBaseLogger;
}

/** Share of the progress bar given to reading and checking the file; the write takes the rest. */
const VALIDATION_SHARE = 70;

/**
 * A running import untouched for this long lost its job (a crash, retries exhausted): it is
 * ended so that it does not block the organization's next upload forever. A live job
 * touches its row at every progress step, far more often.
 */
const STALE_IMPORT_MS = 30 * 60_000;

/** Problems with the container itself (archive, encoding) rather than with its content. */
const UPLOAD_ERROR_CODES = new Set(['ZIP_MUST_CONTAIN_ONE_XML', 'ZIP_UNSAFE', 'FILE_ENCODING_UNSUPPORTED', 'IMPORT_FILE_EMPTY']);

interface ImportingOrganization {
  id: string;
  type: string;
  uai: string | null;
  isManagingStudents: boolean;
  /** The organization has the `LEARNER_IMPORT` feature toggle. */
  hasImportFeature: boolean;
  /** Its params: the format (when not the type's own) and the generic CSV's columns. */
  importParams: unknown;
}

async function importingOrganization(db: Db, organizationId: string): Promise<ImportingOrganization> {
  const [row] = await db
    .select({
      id: organizations.id,
      type: organizations.type,
      uai: organizations.externalId,
      isManagingStudents: organizations.isManagingStudents,
      feature: organizationFeatures.feature,
      importParams: organizationFeatures.params,
    })
    .from(organizations)
    .leftJoin(
      organizationFeatures,
      and(eq(organizationFeatures.organizationId, organizations.id), eq(organizationFeatures.feature, 'LEARNER_IMPORT')),
    )
    .where(eq(organizations.id, organizationId));
  if (!row) throw new AppError('ORGANIZATION_NOT_FOUND');
  const { feature, ...organization } = row;
  return { ...organization, hasImportFeature: feature !== null };
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot).toLowerCase();
}

/** The format the `LEARNER_IMPORT` params name, when they name one. */
function configuredFormat(params: unknown): LearnerImportFormat | null {
  const format = typeof params === 'object' && params !== null ? (params as { format?: unknown }).format : undefined;
  if (format === undefined || format === null) return null;
  if (typeof format === 'string' && (LEARNER_IMPORT_FORMATS as readonly string[]).includes(format)) return format as LearnerImportFormat;
  // Another format of the spec (OneRoster) is not built: an instance admin must change the toggle.
  throw new AppError('IMPORT_CONFIG_INVALID');
}

interface ImportKinds {
  /** Format by file extension. */
  formats: Map<string, LearnerImportFormat>;
  modeRequired: boolean;
  /** The CSV format whose template the page offers, if any. */
  csvFormat: LearnerImportFormat | null;
}

/**
 * What an organization may import (`learners-and-accounts.md` §2): only a restricted one
 * (managing its students, or with the `LEARNER_IMPORT` toggle), since its roster is what
 * learners are reconciled against; the format is the toggle's, else the type's.
 */
function importKinds(organization: ImportingOrganization): ImportKinds {
  if (!organization.isManagingStudents && !organization.hasImportFeature) throw new AppError('IMPORT_NOT_ALLOWED');
  const byType: LearnerImportFormat | 'SCO' = organization.type === 'SCO' ? 'SCO' : organization.type === 'SUP' ? 'SUP_CSV' : 'GENERIC_CSV';
  switch (configuredFormat(organization.importParams) ?? byType) {
    case 'SCO':
      return {
        formats: new Map<string, LearnerImportFormat>([
          ['.xml', 'SIECLE'],
          ['.zip', 'SIECLE'],
          ['.csv', 'SCO_CSV'],
        ]),
        modeRequired: false,
        csvFormat: 'SCO_CSV',
      };
    case 'SIECLE':
      return {
        formats: new Map<string, LearnerImportFormat>([
          ['.xml', 'SIECLE'],
          ['.zip', 'SIECLE'],
        ]),
        modeRequired: false,
        csvFormat: null,
      };
    case 'SCO_CSV':
      return { formats: new Map([['.csv', 'SCO_CSV']]), modeRequired: false, csvFormat: 'SCO_CSV' };
    case 'SUP_CSV':
      return { formats: new Map([['.csv', 'SUP_CSV']]), modeRequired: true, csvFormat: 'SUP_CSV' };
    case 'GENERIC_CSV':
      return { formats: new Map([['.csv', 'GENERIC_CSV']]), modeRequired: false, csvFormat: 'GENERIC_CSV' };
  }
}

function csvColumns(format: LearnerImportFormat, organization: ImportingOrganization): string[] {
  switch (format) {
    case 'SCO_CSV':
    case 'SIECLE':
      return SCO_CSV_COLUMNS.map((column) => column.name);
    case 'SUP_CSV':
      return SUP_CSV_COLUMNS.map((column) => column.name);
    case 'GENERIC_CSV':
      return genericImportConfig(organization.importParams).columns.map((column) => column.name);
  }
}

const TEMPLATE_NAMES: Record<LearnerImportFormat, string> = {
  SIECLE: 'modele-import-eleves.csv',
  SCO_CSV: 'modele-import-eleves.csv',
  SUP_CSV: 'modele-import-etudiants.csv',
  GENERIC_CSV: 'modele-import-participants.csv',
};

export async function importSettings(db: Db, organizationId: string): Promise<LearnerImportSettings> {
  const organization = await importingOrganization(db, organizationId);
  const kinds = importKinds(organization);
  return {
    accept: [...kinds.formats.keys()],
    formats: [...new Set(kinds.formats.values())],
    modeRequired: kinds.modeRequired,
    csvHeader: kinds.csvFormat ? csvColumns(kinds.csvFormat, organization) : null,
    maxBytes: LEARNER_IMPORT_MAX_BYTES,
  };
}

/** The CSV template of the organization's format: the header only, UTF-8 with a BOM for spreadsheets. */
export async function importTemplate(db: Db, organizationId: string): Promise<{ fileName: string; content: string }> {
  const organization = await importingOrganization(db, organizationId);
  const { csvFormat } = importKinds(organization);
  if (!csvFormat) throw new AppError('IMPORT_FILE_TYPE_UNSUPPORTED');
  const header = csvColumns(csvFormat, organization)
    .map((name) => (/[;",\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name))
    .join(';');
  return { fileName: TEMPLATE_NAMES[csvFormat], content: `\uFEFF${header}\r\n` };
}

/**
 * Stores an uploaded file and queues its processing. The partial unique index on running
 * imports makes « one at a time » hold across processes (409 `IMPORT_IN_PROGRESS`).
 */
export async function uploadImport(
  deps: ImportDeps,
  input: { organizationId: string; userId: string; fileName: string; mode: LearnerImportMode | undefined; bytes: Buffer },
): Promise<LearnerImport> {
  const { db, jobs, clock } = deps;
  const organization = await importingOrganization(db, input.organizationId);
  const kinds = importKinds(organization);
  const format = kinds.formats.get(extensionOf(input.fileName));
  if (!format) throw new AppError('IMPORT_FILE_TYPE_UNSUPPORTED', { meta: { accepted: [...kinds.formats.keys()] } });
  if (kinds.modeRequired && !input.mode) throw new AppError('IMPORT_MODE_REQUIRED', { pointer: '/querystring/mode' });
  if (input.bytes.length === 0) throw new AppError('IMPORT_FILE_EMPTY');

  const now = clock.now();
  let importId: string;
  try {
    importId = await db.transaction(async (tx) => {
      const stale = await tx
        .update(learnerImports)
        .set({ status: 'IMPORT_ERROR', errors: [{ code: 'IMPORT_FAILED' }], counts: { errorCount: 1 }, updatedAt: now })
        .where(
          and(
            eq(learnerImports.organizationId, input.organizationId),
            inArray(learnerImports.status, [...LEARNER_IMPORT_RUNNING_STATUSES]),
            lt(learnerImports.updatedAt, new Date(now.getTime() - STALE_IMPORT_MS)),
          ),
        )
        .returning({ id: learnerImports.id });
      if (stale.length > 0) await tx.delete(learnerImportFiles).where(inArray(learnerImportFiles.importId, stale.map((row) => row.id)));
      const [created] = await tx
        .insert(learnerImports)
        .values({
          organizationId: input.organizationId,
          createdBy: input.userId,
          format,
          mode: kinds.modeRequired ? input.mode! : null,
          fileName: input.fileName,
          status: 'UPLOADED',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: learnerImports.id });
      await tx.insert(learnerImportFiles).values({ importId: created!.id, content: input.bytes });
      return created!.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'one_running_import_per_organization')) throw new AppError('IMPORT_IN_PROGRESS');
    throw error;
  }

  try {
    await jobs.send(LEARNER_IMPORT_QUEUE, { importId });
  } catch (error) {
    // Without its job the import would block the organization's next uploads forever.
    await finish(deps, importId, 'UPLOAD_ERROR', { errors: [{ code: 'IMPORT_FAILED' }], errorCount: 1 });
    throw error;
  }
  return (await latestImport(db, input.organizationId))!;
}

export async function latestImport(db: Db, organizationId: string): Promise<LearnerImport | null> {
  const [row] = await db
    .select({ learnerImport: learnerImports, firstName: users.firstName, lastName: users.lastName })
    .from(learnerImports)
    .innerJoin(users, eq(users.id, learnerImports.createdBy))
    .where(eq(learnerImports.organizationId, organizationId))
    .orderBy(desc(learnerImports.createdAt), desc(learnerImports.id))
    .limit(1);
  if (!row) return null;
  const { learnerImport } = row;
  const errors = (learnerImport.errors as LearnerImportIssue[] | null) ?? [];
  const counts = learnerImport.counts as (LearnerImportCounts & { errorCount?: number }) | null;
  return {
    id: learnerImport.id,
    format: learnerImport.format as LearnerImportFormat,
    mode: learnerImport.mode as LearnerImportMode | null,
    fileName: learnerImport.fileName,
    status: learnerImport.status as LearnerImportStatus,
    progress: learnerImport.progress,
    author: { firstName: row.firstName, lastName: row.lastName },
    createdAt: learnerImport.createdAt.toISOString(),
    updatedAt: learnerImport.updatedAt.toISOString(),
    errors,
    errorCount: counts?.errorCount ?? errors.length,
    warnings: (learnerImport.warnings as LearnerImportIssue[] | null) ?? [],
    counts:
      learnerImport.status === 'IMPORTED' && counts
        ? {
            created: counts.created,
            updated: counts.updated,
            disabled: counts.disabled,
            enabled: counts.enabled,
            skippedWithoutClass: counts.skippedWithoutClass,
            skippedLeft: counts.skippedLeft,
          }
        : null,
  };
}

/** Ends an import that failed: its status and errors, and the file is dropped in the same transaction. */
async function finish(deps: ImportDeps, importId: string, status: LearnerImportStatus, outcome: { errors: LearnerImportIssue[]; errorCount: number }) {
  await deps.db.transaction(async (tx) => {
    await tx
      .update(learnerImports)
      .set({ status, errors: outcome.errors, counts: { errorCount: outcome.errorCount }, updatedAt: deps.clock.now() })
      .where(eq(learnerImports.id, importId));
    await tx.delete(learnerImportFiles).where(eq(learnerImportFiles.importId, importId));
  });
}

/**
 * What may be logged of an unexpected error: a query error's text carries its parameters
 * and the database's messages may quote a value (names, birthdates), so only the error's
 * code and the names of the constraint, table and column are kept.
 */
function loggable(error: unknown): Record<string, string> {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as Record<string, unknown>;
    if (typeof e.code === 'string') {
      const kept: Record<string, string> = { code: e.code };
      for (const key of ['constraint', 'table', 'column']) if (typeof e[key] === 'string') kept[key] = e[key];
      return kept;
    }
    current = e.cause;
  }
  return { name: error instanceof Error ? error.name : typeof error };
}

function issueOf(error: AppError): LearnerImportIssue {
  const { line, ...meta } = error.items[0]!.meta ?? {};
  return { code: error.code, ...(typeof line === 'number' ? { line } : {}), ...(Object.keys(meta).length > 0 ? { meta } : {}) };
}

function parse(format: LearnerImportFormat, bytes: Buffer, organization: ImportingOrganization, progress: (share: number) => Promise<void>): Promise<ParsedRoster> | ParsedRoster {
  switch (format) {
    case 'SIECLE':
      return parseSiecle(siecleSource(bytes), organization.uai, progress);
    case 'SCO_CSV':
      return parseScoCsv(bytes);
    case 'SUP_CSV':
      return parseSupCsv(bytes);
    case 'GENERIC_CSV':
      return parseGenericCsv(bytes, genericImportConfig(organization.importParams));
  }
}

function rosterKey(format: LearnerImportFormat, config: () => GenericImportConfig): LearnerKey {
  switch (format) {
    case 'SIECLE':
    case 'SCO_CSV':
      return { column: 'national_student_id' };
    case 'SUP_CSV':
      return { column: 'student_number' };
    case 'GENERIC_CSV':
      return { attribute: config().key };
  }
}

/**
 * The job: read and check the whole file (UPLOADED → VALIDATED), then write it in one
 * transaction (→ IMPORTED). Any refusal or failure leaves the roster as it was. The file
 * row is deleted at the end either way. Logs carry ids and counts, never a name or a date.
 */
export async function processImport(deps: ImportDeps, importId: string): Promise<void> {
  const { db, clock, log } = deps;
  const [learnerImport] = await db
    .select()
    .from(learnerImports)
    .where(and(eq(learnerImports.id, importId), inArray(learnerImports.status, [...LEARNER_IMPORT_RUNNING_STATUSES])));
  if (!learnerImport) return;
  const [file] = await db.select().from(learnerImportFiles).where(eq(learnerImportFiles.importId, importId));
  if (!file) {
    await finish(deps, importId, 'UPLOAD_ERROR', { errors: [{ code: 'IMPORT_FAILED' }], errorCount: 1 });
    return;
  }
  const format = learnerImport.format as LearnerImportFormat;
  const setProgress = async (progress: number) => {
    await db.update(learnerImports).set({ progress, updatedAt: clock.now() }).where(eq(learnerImports.id, importId));
  };
  const started = Date.now();

  let organization: ImportingOrganization;
  let roster: ParsedRoster;
  try {
    organization = await importingOrganization(db, learnerImport.organizationId);
    roster = await parse(format, file.content, organization, (share) => setProgress(Math.round(share * VALIDATION_SHARE)));
    if (roster.learners.length === 0) throw new AppError('IMPORT_FILE_HAS_NO_LEARNER');
  } catch (error) {
    if (error instanceof ImportRefused) {
      log.info({ importId, format, errorCount: error.count }, 'learner import refused');
      await finish(deps, importId, 'VALIDATION_ERROR', { errors: error.issues, errorCount: error.count });
      return;
    }
    if (error instanceof AppError) {
      log.info({ importId, format, code: error.code }, 'learner import refused');
      await finish(deps, importId, UPLOAD_ERROR_CODES.has(error.code) ? 'UPLOAD_ERROR' : 'VALIDATION_ERROR', { errors: [issueOf(error)], errorCount: 1 });
      return;
    }
    log.error({ importId, format, error: loggable(error) }, 'learner import failed while reading the file');
    await finish(deps, importId, 'VALIDATION_ERROR', { errors: [{ code: 'IMPORT_FAILED' }], errorCount: 1 });
    return;
  }

  await db
    .update(learnerImports)
    .set({ status: 'VALIDATED', progress: VALIDATION_SHARE, updatedAt: clock.now() })
    .where(eq(learnerImports.id, importId));

  try {
    const counts = await db.transaction(async (tx) => {
      const written = await writeRoster(
        tx,
        {
          organizationId: organization.id,
          key: rosterKey(format, () => genericImportConfig(organization.importParams)),
          disableAbsent: format !== 'SUP_CSV' || learnerImport.mode === 'REPLACE',
          now: clock.now(),
        },
        roster.learners,
      );
      const counts: LearnerImportCounts = { ...written, skippedWithoutClass: roster.skippedWithoutClass, skippedLeft: roster.skippedLeft };
      await tx
        .update(learnerImports)
        .set({ status: 'IMPORTED', progress: 100, counts, warnings: roster.warnings, errors: [], updatedAt: clock.now() })
        .where(eq(learnerImports.id, importId));
      await tx.delete(learnerImportFiles).where(eq(learnerImportFiles.importId, importId));
      return counts;
    });
    log.info({ importId, format, ...counts, ms: Date.now() - started }, 'learner import done');
  } catch (error) {
    log.error({ importId, format, error: loggable(error) }, 'learner import failed while writing');
    await finish(deps, importId, 'IMPORT_ERROR', { errors: [{ code: 'IMPORT_FAILED' }], errorCount: 1 });
  }
}
