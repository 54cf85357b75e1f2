import { roundHalfUp } from '@jalon/engine';

/**
 * The serialisation of every CSV export (`analytics-and-exports.md` §8.1). Each function
 * returns one field already written, so a line is its fields joined by `;`.
 */

/** Spreadsheets read the encoding from it; without it Excel shows « Ã© » for « é ». */
export const BOM = '\uFEFF';

export const SEPARATOR = ';';

/** Integers, dates and codes made of digits and hyphens stay numbers or dates to a spreadsheet. */
const DIGITS_AND_HYPHENS = /^[0-9-]+$/;

/** A spreadsheet would run a field starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text field: digits and hyphens raw, anything else quoted, with `'` before what a spreadsheet would evaluate. */
export function csvText(value: string | null): string {
  if (value === null) return '';
  if (DIGITS_AND_HYPHENS.test(value)) return value;
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${guarded.replaceAll('"', '""')}"`;
}

/** « Not available or not sent ». */
export const NA = csvText('NA');

export function csvInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
  return String(value);
}

/** A rate `numerator / denominator` as a decimal fraction with a decimal comma and exactly two decimals, rounded half-up. */
export function csvRate(numerator: number, denominator: number): string {
  const hundredths = Math.round(roundHalfUp(numerator, denominator, 2) * 100);
  return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
}

export function csvYesNo(value: boolean): string {
  return csvText(value ? 'Oui' : 'Non');
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Every time zone's offset, and every change of it, falls on a quarter of an hour, so one
 * quarter of an hour has one local date: formatting once per quarter spares the slow
 * `Intl` call on most lines of a file.
 */
const QUARTER_MS = 15 * 60_000;
/** Time zone → quarter of an hour since the epoch → its day: numbers as keys, no string built per call. */
const daysByQuarter = new Map<string, Map<number, string>>();
const DAYS_KEPT = 10_000;
let daysKept = 0;

/** The calendar day of `instant` in `timeZone`, `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone: string): string {
  const quarter = Math.floor(instant.getTime() / QUARTER_MS);
  let days = daysByQuarter.get(timeZone);
  const known = days?.get(quarter);
  if (known !== undefined) return known;
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  if (daysKept >= DAYS_KEPT) {
    daysByQuarter.clear();
    daysKept = 0;
    days = undefined;
  }
  if (!days) {
    days = new Map();
    daysByQuarter.set(timeZone, days);
  }
  days.set(quarter, day);
  daysKept++;
  return day;
}

export function csvDate(instant: Date, timeZone: string): string {
  return csvText(localDate(instant, timeZone));
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.join(SEPARATOR)}\n`;
}

/** `Resultats-{name}-{campaignId}-{YYYY-MM-DD}.csv`, every character of the name other than a letter, a digit, `-` or `_` replaced by `_`. */
export function resultsFileName(campaignName: string, campaignId: string, localDay: string): string {
  return `Resultats-${campaignName.replace(/[^\p{L}\p{Nd}_-]/gu, '_')}-${campaignId}-${localDay}.csv`;
}

/**
 * `attachment` with the name twice: `filename*` (RFC 5987, UTF-8) for browsers, and an
 * ASCII `filename` for older clients, accents dropped and anything else non-ASCII as `_`.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
