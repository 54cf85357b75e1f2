import { roundHalfUp } from '@jalon/engine';
import { wallClock, wallClockMs } from '../../platform/time-zone';

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

/** The calendar day of `instant` in `timeZone` as `Intl` sees it. */
function intlDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How far ahead of UTC the wall clock of `timeZone` is at `ms` (a whole second), in ms. */
function offsetAt(ms: number, timeZone: string): number {
  return wallClockMs(wallClock(ms, timeZone)) - ms;
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
