import { z } from 'zod';
import { AppError } from '../../platform/http/errors';
import { parseFrenchDate, type ImportedLearner, type IssueList, type LearnerValues, type ParsedRoster } from './roster';
import { readCsvImport, rowChecks, type Row } from './csv';

/** Roster fields a generic column may fill; any other column is kept in `attributes`. */
const MAPPABLE_FIELDS = ['lastName', 'firstName', 'birthdate', 'division', 'group', 'email'] as const;

/**
 * The `LEARNER_IMPORT` feature's params for SCO-1D and PRO (`learners-and-accounts.md` §2.4):
 * the columns, the one that identifies a learner across imports, and those offered as
 * filters on the list (e.g. the class).
 */
const genericImportConfigSchema = z
  .object({
    columns: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(100),
          field: z.enum(MAPPABLE_FIELDS).optional(),
          required: z.boolean().default(false),
        }),
      )
      .min(1)
      .max(50),
    key: z.string().trim().min(1).max(100),
    filters: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
  })
  .refine((config) => config.columns.some((column) => column.name === config.key), { message: 'the key must be one of the columns' })
  .refine((config) => config.columns.some((column) => column.field === 'lastName') && config.columns.some((column) => column.field === 'firstName'), {
    message: 'a column must give the last name and one the first name',
  });
export type GenericImportConfig = z.infer<typeof genericImportConfigSchema>;

/** Used when the organization has no configuration of its own. */
const DEFAULT_GENERIC_IMPORT_CONFIG: GenericImportConfig = {
  columns: [
    { name: 'Identifiant', required: true },
    { name: 'Nom', field: 'lastName', required: true },
    { name: 'Prénom', field: 'firstName', required: true },
    { name: 'Date de naissance (jj/mm/aaaa)', field: 'birthdate', required: false },
    { name: 'Classe', field: 'division', required: false },
  ],
  key: 'Identifiant',
  filters: ['Classe'],
};

export function genericImportConfig(params: unknown): GenericImportConfig {
  // The toggle alone, or naming only its format, means the default columns.
  if (typeof params !== 'object' || params === null || !('columns' in params)) return DEFAULT_GENERIC_IMPORT_CONFIG;
  const parsed = genericImportConfigSchema.safeParse(params);
  if (!parsed.success) throw new AppError('IMPORT_CONFIG_INVALID');
  return parsed.data;
}

export function parseGenericCsv(bytes: Buffer, config: GenericImportConfig): ParsedRoster {
  const seen = new Set<string>();
  const columns = config.columns.map((column) => ({ name: column.name, inHeader: column.required || column.name === config.key }));
  return readCsvImport(bytes, columns, (row: Row, line: number, issues: IssueList): ImportedLearner | null => {
    const check = rowChecks(row, line, issues);
    const values: Partial<LearnerValues> & { attributes: Record<string, string> } = { attributes: {} };
    let complete = true;
    for (const column of config.columns) {
      const required = column.required || column.name === config.key;
      const raw = check.text(column.name, { required });
      if (raw === null) {
        if (required) complete = false;
        continue;
      }
      if (column.field === 'birthdate') {
        const birthdate = parseFrenchDate(raw);
        if (birthdate === null) {
          issues.add('FIELD_FORMAT_INVALID', { line, column: column.name, meta: { expected: '31/12/2012' } });
          complete = false;
        }
        values.birthdate = birthdate;
      } else if (column.field) values[column.field] = raw;
      else values.attributes[column.name] = raw;
    }
    const key = row(config.key);
    check.unique(config.key, key, seen);
    if (!complete || key === null || !values.firstName || !values.lastName) return null;
    values.attributes[config.key] = key;
    return { key, values: { ...values, firstName: values.firstName, lastName: values.lastName } };
  });
}
