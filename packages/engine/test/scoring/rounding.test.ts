import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentHalfUp, roundHalfUp } from '../../src/scoring';

// Seeded so that a run is reproducible; a failure prints its own seed and path.
fc.configureGlobal({ seed: 20260901 });

describe('half-up rounding on exact rationals', () => {
  it('rounds a half up: 1/8 is 12.5 % and shows as 13 %', () => {
    expect(percentHalfUp(1, 8)).toBe(13);
  });
  it('rounds below a half down: 1/3 shows as 33 %', () => {
    expect(percentHalfUp(1, 3)).toBe(33);
  });
  it('keeps decimals when asked: round(2/3, 2) = 0.67 and round(1/8, 2) = 0.13', () => {
    expect(roundHalfUp(2, 3, 2)).toBe(0.67);
    expect(roundHalfUp(1, 8, 2)).toBe(0.13);
  });
  it('refuses a negative or fractional numerator and a zero denominator', () => {
    expect(() => roundHalfUp(-1, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
  });
  it('the rounded value is within half a unit of the exact ratio, a half going up', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (a, b) => {
        const r = roundHalfUp(a, b);
        // r − 1/2 ≤ a/b < r + 1/2, in integers.
        expect(2 * r * b - b).toBeLessThanOrEqual(2 * a);
        expect(2 * a).toBeLessThan(2 * r * b + b);
      }),
    );
  });
});
