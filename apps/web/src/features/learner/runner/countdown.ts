import { useEffect, useState } from 'react';

/** Whole seconds left before `deadline` (ms since the epoch), never below zero. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * When the live region speaks: at the start, each whole minute, then 30 and 10 seconds
 * before the end, and at zero. Reading every second would drown the question for a screen-reader user.
 */
export function shouldAnnounce(remaining: number, total: number): boolean {
  return remaining === total || remaining === 0 || remaining === 10 || remaining === 30 || remaining % 60 === 0;
}

/** `m:ss`, the visible clock. */
export function formatClock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Minutes and seconds of a duration, for sentences such as « 1 minute et 30 secondes ». */
export function splitDuration(seconds: number): { minutes: number; seconds: number } {
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
}

/** Seconds left, ticking once a second until zero. */
export function useSecondsLeft(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  const remaining = secondsLeft(deadline, now);
  useEffect(() => {
    if (remaining === 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [remaining]);
  return remaining;
}
