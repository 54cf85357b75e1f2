const OPTION_NUMBER = /^\d+$/u;

/**
 * Parses a comma-separated list of option numbers in base 10 (`"3, 01"` → [3, 1]), keeping
 * order and duplicates so that callers can reject them; `undefined` when a part is not a
 * whole number.
 */
export function parseOptionNumbers(value: string): number[] | undefined {
  const numbers: number[] = [];
  for (const part of value.split(',')) {
    const trimmed = part.trim();
    if (!OPTION_NUMBER.test(trimmed)) return undefined;
    numbers.push(Number.parseInt(trimmed, 10));
  }
  return numbers;
}

/** Whether two lists of option numbers hold the same set: order is ignored, no partial credit. */
export function sameOptionSet(answer: readonly number[], solution: readonly number[]): boolean {
  const expected = new Set(solution);
  const given = new Set(answer);
  return given.size === expected.size && [...given].every((option) => expected.has(option));
}
