function assertExactRatio(numerator: number, denominator: number, decimals: number): void {
  if (!Number.isSafeInteger(numerator) || numerator < 0) throw new RangeError(`numerator must be a whole number ≥ 0, got ${numerator}`);
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new RangeError(`denominator must be a whole number > 0, got ${denominator}`);
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`decimals must be a whole number ≥ 0, got ${decimals}`);
}

/**
 * The spec's rounding: half-up on an exact rational, `round(a/b, d) = floor((2·10ᵈ·a + b) / (2b)) / 10ᵈ`.
 * Computed in big integers so that it agrees with SQL `numeric` whatever the size; no float
 * ever decides which side of a half a value falls.
 *
 * @param numerator - a whole number ≥ 0.
 * @param denominator - a whole number > 0.
 * @param decimals - decimals to keep, 0 by default.
 * @throws RangeError when the inputs are not such whole numbers.
 */
export function roundHalfUp(numerator: number, denominator: number, decimals = 0): number {
  assertExactRatio(numerator, denominator, decimals);
  const scale = 10n ** BigInt(decimals);
  const a = BigInt(numerator);
  const b = BigInt(denominator);
  const scaled = (2n * scale * a + b) / (2n * b);
  return Number(scaled) / Number(scale);
}

/** A share as a whole percent: `round(100 × part / whole)`, half-up. */
export function percentHalfUp(part: number, whole: number): number {
  return roundHalfUp(100 * part, whole);
}
