/**
 * Wall clocks of IANA time zones. Organizations live in their own zone (reminders' quiet
 * hours, the school year, the local dates of exports), and the server in UTC.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What a clock on the wall in `timeZone` shows at `instant` (one cached `Intl` formatter per zone). */
export function wallClock(instant: Date | number, timeZone: string): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const part = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return { year: part.year!, month: part.month!, day: part.day!, hour: part.hour!, minute: part.minute!, second: part.second! };
}

/** The wall clock read as if it were UTC, in ms: its difference with the instant is the zone's offset. */
export function wallClockMs(local: WallClock): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** The same time of day `days` calendar days later. */
export function addDays(local: WallClock, days: number): WallClock {
  const shifted = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { ...local, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant showing `local` in `timeZone`: the UTC guess corrected by the zone's offset there (twice, for DST edges). */
export function fromWallClock(local: WallClock, timeZone: string): Date {
  const target = wallClockMs(local);
  let guess = target;
  for (let i = 0; i < 2; i++) guess += target - wallClockMs(wallClock(guess, timeZone));
  return new Date(guess);
}
