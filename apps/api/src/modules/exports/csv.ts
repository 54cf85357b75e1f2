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

const DAY_MS = 86_400_000;
/** Outside these years the day is always asked of `Intl` (historical offsets in seconds, years of other than four digits). */
const ARITHMETIC_FROM = Date.UTC(1900, 0, 2);
const ARITHMETIC_UNTIL = Date.UTC(9999, 0, 1);

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Time zone → UTC day (days since the epoch) → the zone's offset all that day, in ms, or null
 * on a day when it changes. An `Intl` call costs tens of microseconds, and a file's dates
 * spread over thousands of quarters of an hour but only over tens of days: two calls per UTC
 * day, then arithmetic, instead of one call per quarter of an hour.
 */
const offsetsByDay = new Map<string, Map<number, number | null>>();
const DAYS_KEPT = 10_000;
let daysKept = 0;
/** Local day (days since the epoch) → `YYYY-MM-DD`. */
const dayNames = new Map<number, string>();

function formatterOf(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = cache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, ...options });
    cache.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day of `instant` in `timeZone` as `Intl` writes it. */
function intlDate(instant: Date, timeZone: string): string {
  const formatter = formatterOf(dayFormatters, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** How far ahead of UTC the wall clock of `timeZone` is at `ms` (a whole second), in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const formatter = formatterOf(wallClockFormatters, timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const part = Object.fromEntries(formatter.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - ms;
}

/** The calendar day of `instant` in `timeZone`, `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (!(ms >= ARITHMETIC_FROM && ms < ARITHMETIC_UNTIL)) return intlDate(instant, timeZone);
  const utcDay = Math.floor(ms / DAY_MS);
  let offsets = offsetsByDay.get(timeZone);
  let offset = offsets?.get(utcDay);
  if (offset === undefined) {
    // A zone changes its offset at most once a day: the same offset at both ends holds all day.
    const first = offsetAt(utcDay * DAY_MS, timeZone);
    offset = first === offsetAt((utcDay + 1) * DAY_MS - 1000, timeZone) ? first : null;
    if (daysKept >= DAYS_KEPT) {
      offsetsByDay.clear();
      dayNames.clear();
      daysKept = 0;
      offsets = undefined;
    }
    if (!offsets) {
      offsets = new Map();
      offsetsByDay.set(timeZone, offsets);
    }
    offsets.set(utcDay, offset);
    daysKept++;
  }
  if (offset === null) return intlDate(instant, timeZone);
  const localDay = Math.floor((ms + offset) / DAY_MS);
  let name = dayNames.get(localDay);
  if (name === undefined) {
    name = new Date(localDay * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(localDay, name);
  }
  return name;
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
