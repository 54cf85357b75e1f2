import { AppError } from '../../platform/http/errors';
import { decodeUtf8 } from './encoding';
import { clean, type ImportedLearner, ImportRefused, IssueList, type ParsedRoster } from './roster';

/** One record of a CSV file; `line` is the physical line it starts on, the header being line 1. */
interface CsvRecord {
  line: number;
  values: string[];
}

/** `;` or `,`, whichever the header uses more (French spreadsheets write `;`). */
function detectSeparator(text: string): ';' | ',' {
  const end = text.indexOf('\n');
  const header = end === -1 ? text : text.slice(0, end);
  const count = (separator: string) => header.split(separator).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

/**
 * The records of an RFC 4180 CSV text, one at a time: quoted fields may hold separators,
 * doubled quotes and line breaks. Blank lines are skipped.
 */
function* csvRecords(text: string, separator: string): Generator<CsvRecord> {
  let line = 1;
  let position = 0;
  while (position < text.length) {
    const start = line;
    const values: string[] = [];
    let field = '';
    let atRecordEnd = false;
    while (!atRecordEnd) {
      if (text[position] === '"') {
        position++;
        for (;;) {
          if (position >= text.length) throw new AppError('FILE_FORMAT_INVALID', { meta: { line: start, reason: 'unclosed quote' } });
          const char = text[position]!;
          if (char === '"') {
            if (text[position + 1] === '"') {
              field += '"';
              position += 2;
              continue;
            }
            position++;
            break;
          }
          if (char === '\n') line++;
          field += char;
          position++;
        }
      }
      const next = nextDelimiter(text, position, separator);
      field += text.slice(position, next);
      position = next;
      values.push(field);
      field = '';
      if (position >= text.length) atRecordEnd = true;
      else if (text[position] === separator) position++;
      else {
        position += text[position] === '\r' && text[position + 1] === '\n' ? 2 : 1;
        line++;
        atRecordEnd = true;
      }
    }
    if (values.length === 1 && values[0]!.trim() === '') continue;
    yield { line: start, values: values.map((value) => value.replace(/\r$/, '')) };
  }
}

function nextDelimiter(text: string, from: number, separator: string): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === separator || char === '\n' || char === '\r') return index;
  }
  return text.length;
}

/** One column of an import format. */
export interface ColumnSpec {
  /** As in the template's header. */
  name: string;
  /** The header must have it (the value may still be optional). */
  inHeader: boolean;
}

/** Header names compared without case, accents' variants of apostrophes, spaces or a trailing `*`. */
function headerKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[’']/g, "'")
    .replace(/\*+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A row's values by column name, read through the header. */
export type Row = (column: string) => string | null;

/**
 * Reads a CSV import: UTF-8 (BOM optional), separator from the header, required columns
 * present, then each row through `readRow`, which adds its problems to `issues` and returns
 * the learner or null. Any issue refuses the whole file.
 */
export function readCsvImport(
  bytes: Buffer,
  columns: readonly ColumnSpec[],
  readRow: (row: Row, line: number, issues: IssueList) => ImportedLearner | null,
  options: { warnings?: IssueList } = {},
): ParsedRoster {
  const text = decodeUtf8(bytes);
  const records = csvRecords(text, detectSeparator(text));
  const header = records.next();
  if (header.done) throw new AppError('IMPORT_FILE_EMPTY');
  const positions = new Map<string, number>();
  header.value.values.forEach((name, index) => {
    const key = headerKey(name);
    if (!positions.has(key)) positions.set(key, index);
  });
  const issues = new IssueList();
  for (const column of columns) {
    if (column.inHeader && !positions.has(headerKey(column.name))) issues.add('HEADER_MISSING_COLUMN', { line: 1, column: column.name, meta: { column: column.name } });
  }
  if (issues.count > 0) throw new ImportRefused(issues.kept, issues.count);

  const learners: ImportedLearner[] = [];
  for (const record of records) {
    const row: Row = (column) => {
      const index = positions.get(headerKey(column));
      return index === undefined ? null : clean(record.values[index]);
    };
    const learner = readRow(row, record.line, issues);
    if (learner) learners.push(learner);
  }
  if (issues.count > 0) throw new ImportRefused(issues.kept, issues.count);
  return { learners, warnings: options.warnings?.kept ?? [], skippedWithoutClass: 0, skippedLeft: 0 };
}

/** Checks shared by the CSV formats; each returns the value or null after noting the problem. */
export function rowChecks(row: Row, line: number, issues: IssueList) {
  const where = (column: string) => ({ line, column });
  return {
    text(column: string, { required = false, max = 255 }: { required?: boolean; max?: number } = {}): string | null {
      const value = row(column);
      if (value === null) {
        if (required) issues.add('FIELD_REQUIRED', where(column));
        return null;
      }
      if (value.length > max) {
        issues.add('FIELD_TOO_LONG', { ...where(column), meta: { max } });
        return null;
      }
      return value;
    },
    matching(column: string, pattern: RegExp, expected: string, { required = false } = {}): string | null {
      const value = this.text(column, { required });
      if (value !== null && !pattern.test(value)) {
        issues.add('FIELD_FORMAT_INVALID', { ...where(column), meta: { expected } });
        return null;
      }
      return value;
    },
    unique(column: string, value: string | null, seen: Set<string>): void {
      if (value === null) return;
      const key = value.toUpperCase();
      if (seen.has(key)) issues.add('DUPLICATE_IN_FILE', where(column));
      seen.add(key);
    },
  };
}
