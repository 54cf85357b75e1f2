/** Command-line values and figures shared by the benches. */

/** A whole number above zero, or the bench stops with a usage message (exit status 2). */
export function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive integer, got ${text}`);
    process.exit(2);
  }
  return value;
}

/** A whole number from zero up (a party of the load left out with 0), or the bench stops (exit status 2). */
export function nonNegativeInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number, 0 or more, got ${text}`);
    process.exit(2);
  }
  return value;
}

export interface Pace {
  minMs: number;
  maxMs: number;
}

/** `3` or `2-5`: seconds a learner thinks before each answer, drawn uniformly in the range. */
export function parsePace(text: string): Pace {
  const match = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(text);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || max < min) {
    console.error(`--pace must be SECONDS or MIN-MAX seconds (e.g. 2-5, or 0 for no pause), got ${text}`);
    process.exit(2);
  }
  return { minMs: min * 1000, maxMs: max * 1000 };
}

/** Nearest-rank percentile of sorted values, in ms to a tenth; null without samples. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return Math.round(value * 10) / 10;
}
