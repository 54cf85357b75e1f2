/** The one source of time for the API; tests and non-production builds can shift it. */
export interface Clock {
  now(): Date;
}

export interface AdjustableClock extends Clock {
  /** Offset added to the system time, in milliseconds. */
  offsetMs: number;
}

export function systemClock(): AdjustableClock {
  const clock: AdjustableClock = {
    offsetMs: 0,
    now: () => new Date(Date.now() + clock.offsetMs),
  };
  return clock;
}
