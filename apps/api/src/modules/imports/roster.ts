import type { ErrorCode, LearnerImportIssue } from '@jalon/contracts';

/** The roster fields an import may set (`learners-and-accounts.md` §1); absent ones are stored as null. */
export interface LearnerValues {
  firstName: string;
  lastName: string;
  middleName?: string | null;
  thirdName?: string | null;
  preferredLastName?: string | null;
  /** ISO date, YYYY-MM-DD. */
  birthdate?: string | null;
  birthCity?: string | null;
  birthCityCode?: string | null;
  birthProvinceCode?: string | null;
  birthCountryCode?: string | null;
  nationalStudentId?: string | null;
  division?: string | null;
  mefCode?: string | null;
  status?: string | null;
  studentNumber?: string | null;
  email?: string | null;
  department?: string | null;
  educationalTeam?: string | null;
  group?: string | null;
  diploma?: string | null;
  studyScheme?: string | null;
  attributes?: Record<string, string> | null;
}

/** One learner read from a file, with the value that identifies them across imports. */
export interface ImportedLearner {
  key: string;
  values: LearnerValues;
}

export interface ParsedRoster {
  learners: ImportedLearner[];
  warnings: LearnerImportIssue[];
  skippedWithoutClass: number;
  skippedLeft: number;
}

/** How many issues are kept for the banner: past that, the file needs fixing at the source anyway. */
const MAX_KEPT_ISSUES = 200;

/** Collects a file's problems in the order met; counts them all, keeps the first ones. */
export class IssueList {
  readonly kept: LearnerImportIssue[] = [];
  count = 0;

  add(code: ErrorCode | string, where: Omit<LearnerImportIssue, 'code'> = {}): void {
    this.count++;
    if (this.kept.length < MAX_KEPT_ISSUES) this.kept.push({ code, ...where });
  }
}

/** The file was refused: nothing is written; the banner shows these issues. */
export class ImportRefused extends Error {
  constructor(
    readonly issues: LearnerImportIssue[],
    readonly count: number,
  ) {
    super(`import refused: ${issues[0]?.code ?? 'unknown'}`);
    this.name = 'ImportRefused';
  }
}

/** `31/12/2012` → `2012-12-31`, or null when it is not a real calendar date. */
export function parseFrenchDate(value: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Trimmed, with inner runs of spaces collapsed; empty becomes null. */
export function clean(value: string | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}
