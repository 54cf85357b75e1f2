/**
 * When reminders are due (`beyond-the-reference.md` §11). Pure: the sweep passes the clock,
 * the organization's time zone and what was already sent.
 */
import { addDays, fromWallClock, wallClock } from '../../platform/time-zone';

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
  return fromWallClock({ ...day, hour: QUIET_UNTIL_HOUR, minute: 0, second: 0 }, timeZone);
}
