import { describe, expect, it } from 'vitest';
import { irtParametersOf } from '../../src/irt/parameters';
import { meshPosition, pixFromCapacity } from '../../src/irt/certification-scoring';

describe('irtParametersOf', () => {
  it('keeps calibrated parameters', () => {
    expect(irtParametersOf({ irt: { difficulty: -1.2, discrimination: 0.9 } }, 6)).toEqual({
      difficulty: -1.2,
      discrimination: 0.9,
      source: 'calibrated',
    });
  });

  it('derives a = 1.4 and δ = level − 3.5 from the skill level', () => {
    expect(irtParametersOf({}, 1)).toEqual({ difficulty: -2.5, discrimination: 1.4, source: 'derived' });
    expect(irtParametersOf({ irt: undefined }, 8)).toEqual({ difficulty: 4.5, discrimination: 1.4, source: 'derived' });
  });

  it('puts a level-ℓ challenge in the middle of mesh ℓ, so even odds on it certify level ℓ', () => {
    for (let level = 1; level <= 6; level++) {
      const { difficulty } = irtParametersOf({}, level);
      expect(meshPosition(difficulty)).toEqual({ mesh: level, progression: 0.5 });
      expect(pixFromCapacity(difficulty)).toBe(128 * level + 64);
    }
  });

  it('refuses calibrated values that are not finite or a discrimination that is not positive', () => {
    expect(() => irtParametersOf({ irt: { difficulty: 0, discrimination: 0 } }, 3)).toThrow(RangeError);
    expect(() => irtParametersOf({ irt: { difficulty: Number.NaN, discrimination: 1 } }, 3)).toThrow(RangeError);
    expect(() => irtParametersOf({ irt: { difficulty: 0, discrimination: Number.POSITIVE_INFINITY } }, 3)).toThrow(RangeError);
  });
});
