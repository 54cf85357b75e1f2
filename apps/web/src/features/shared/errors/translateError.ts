import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import type { ApiErrorItem } from '../../../api/client';
import { formatDateTime } from '../format/formatDate';

/** Turns one API error into a sentence in the current language; unknown codes get a generic sentence, never the raw code. */
export function translateError(t: TFunction, item: ApiErrorItem, language: string): string {
  const meta = item.meta ?? {};
  const values: Record<string, unknown> = { ...meta };
  if (typeof meta.unblockAt === 'string') values.unblockAt = formatDateTime(meta.unblockAt, language);
  const sentence = t(`errors.${item.code}`, { ...values, defaultValue: t('errors.UNKNOWN_ERROR') });
  if (item.code === 'INVALID_CREDENTIALS' && typeof meta.remainingAttempts === 'number') {
    return `${sentence} ${t('errors.remainingAttempts', { count: meta.remainingAttempts })}`;
  }
  return sentence;
}

function fieldOf(item: ApiErrorItem): string | undefined {
  const pointer = item.source?.pointer;
  if (!pointer) return undefined;
  const segments = pointer.split('/').filter(Boolean);
  return segments[segments.length - 1];
}

export interface SplitErrors {
  /** Sentence per form field, for the fields the form actually shows. */
  fields: Record<string, string>;
  /** Everything else, shown at the top of the form. */
  general: string[];
}

/**
 * Places each error next to the field its JSON pointer names when the form has that field,
 * otherwise at the top, so no error is ever silently dropped.
 */
export function splitErrors(t: TFunction, error: unknown, language: string, fieldNames: readonly string[]): SplitErrors {
  const result: SplitErrors = { fields: {}, general: [] };
  if (error === null || error === undefined) return result;
  const items: ApiErrorItem[] = error instanceof ApiError ? error.errors : [{ status: '500', code: 'UNKNOWN_ERROR' }];
  for (const item of items) {
    const sentence = translateError(t, item, language);
    const field = fieldOf(item);
    if (field !== undefined && fieldNames.includes(field) && result.fields[field] === undefined) {
      result.fields[field] = sentence;
    } else {
      result.general.push(sentence);
    }
  }
  return result;
}
