/**
 * When reminders are due (`beyond-the-reference.md` §11). Pure: the sweep passes the clock,
 * the organization's time zone and what was already sent.
 */

const DAY_MS = 86_400_000;

/** Automatic series: what a participation waits for, and the days after its anchor of each reminder. */
const REMINDER_SERIES = {
  /** Completed but not sent; anchored on completion. */
  TO_SHARE: [1, 3, 7],
  /** Started and left; anchored on the last answer (or the start when nothing was answered). */
  STARTED: [3, 6, 10],
} as const satisfies Record<string, readonly number[]>;

export type ReminderSeries = keyof typeof REMINDER_SERIES;

/** Automatic reminders a participation gets across both series; « Relancer » does not count. */
const MAX_AUTOMATIC_REMINDERS = 3;

/** A teacher may nudge a participation once in this long. */
export const MANUAL_REMINDER_INTERVAL_MS = DAY_MS;

/** No reminder leaves between these local hours (20:00–07:00); one due then waits for 07:00. */
const QUIET_FROM_HOUR = 20;
const QUIET_UNTIL_HOUR = 7;

/** What the sweep knows about one participation still waiting for its learner. */
export interface WaitingParticipation {
  readonly status: 'STARTED' | 'TO_SHARE';
  /** Completion (TO_SHARE) or last answer (STARTED). */
  readonly anchor: Date;
  /** Reminders of this status's series already sent since `anchor`. */
  readonly sentSinceAnchor: number;
  /** Automatic reminders already sent to this participation, both series. */
  readonly automaticSent: number;
}

export interface DueReminder {
  readonly series: ReminderSeries;
  /** 1-based place in the series. */
  readonly ordinal: number;
  /** When it may leave, quiet hours applied. */
  readonly sendAt: Date;
}

/** The reminder a participation should have received by `now`, if any. */
export function dueReminder(participation: WaitingParticipation, now: Date, timeZone: string): DueReminder | null {
  if (participation.automaticSent >= MAX_AUTOMATIC_REMINDERS) return null;
  const series = participation.status;
  const days = REMINDER_SERIES[series];
  const ordinal = participation.sentSinceAnchor + 1;
  const offset = days[ordinal - 1];
  if (offset === undefined) return null;
  const sendAt = outsideQuietHours(new Date(participation.anchor.getTime() + offset * DAY_MS), timeZone);
  return sendAt.getTime() <= now.getTime() ? { series, ordinal, sendAt } : null;
}

/** `instant` if it falls between 07:00 and 20:00 in `timeZone`, else the next 07:00 there. */
function outsideQuietHours(instant: Date, timeZone: string): Date {
  const local = wallClock(instant, timeZone);
  if (local.hour >= QUIET_UNTIL_HOUR && local.hour < QUIET_FROM_HOUR) return instant;
  const day = local.hour >= QUIET_FROM_HOUR ? addDays(local, 1) : local;
  return fromWallClock({ year: day.year, month: day.month, day: day.day, hour: QUIET_UNTIL_HOUR, minute: 0 }, timeZone);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

function addDays(local: WallClock, days: number): WallClock {
  const shifted = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { ...local, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant showing `local` in `timeZone`: the UTC guess corrected by the zone's offset there (twice, for DST edges). */
function fromWallClock(local: WallClock, timeZone: string): Date {
  const target = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  let guess = target;
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(new Date(guess), timeZone);
    guess += target - Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
  }
  return new Date(guess);
}
