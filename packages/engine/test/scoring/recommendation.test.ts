import { describe, expect, it } from 'vitest';
import { levelBand, RECOMMENDATION_SCALE as S, recommendationBubbles, scaledTubeScore } from '../../src/scoring';

const tube = { levels: [1, 2, 3] };

describe('tube recommendation score (analytics §5.1)', () => {
  it('nothing validated scores only the 30-point term: 30 × 3 / 4 = 22.5', () => {
    expect(scaledTubeScore(tube, 4, { reached: 0, validatedInTube: 0 })).toBe(22.5 * S);
  });

  it('levels 1 and 2 validated: 40 × 2/3 + 22.5 + 20 × 2/3 + min(10, 10 × 2/3) = 69 1/6', () => {
    expect(scaledTubeScore(tube, 4, { reached: 2, validatedInTube: 2 })).toBe(58_100);
    expect(58_100 / S).toBeCloseTo(69 + 1 / 6, 10);
  });

  it('the whole tube: 40 + 22.5 + 20 + 10, the next step being capped at 10 when nothing is left above', () => {
    expect(scaledTubeScore(tube, 4, { reached: 3, validatedInTube: 3 })).toBe(92.5 * S);
  });

  it('only the hardest skill validated: the next level to reach is maxTube', () => {
    expect(scaledTubeScore(tube, 4, { reached: 3, validatedInTube: 1 })).toBe(40 * S + 22.5 * S + (20 * S) / 3 + 10 * S);
  });

  it('the next level to reach is the lowest campaign level above reached, gaps included', () => {
    // 40 × 2/4 + 30 × 4/4 + 20 × 1/2 + min(10, 10 × 2/4) = 20 + 30 + 10 + 5
    expect(scaledTubeScore({ levels: [2, 4] }, 4, { reached: 2, validatedInTube: 1 })).toBe(65 * S);
  });

  it('is a whole number for every shape of tube', () => {
    for (let maxAll = 1; maxAll <= 8; maxAll++) {
      for (let top = 1; top <= maxAll; top++) {
        const levels = Array.from({ length: top }, (_, i) => i + 1);
        for (let reached = 0; reached <= top; reached++) {
          expect(Number.isInteger(scaledTubeScore({ levels }, maxAll, { reached, validatedInTube: reached }))).toBe(true);
        }
      }
    }
  });

  it('refuses standings the tube cannot have', () => {
    expect(() => scaledTubeScore(tube, 4, { reached: 0, validatedInTube: 1 })).toThrow(RangeError);
    expect(() => scaledTubeScore(tube, 4, { reached: 5, validatedInTube: 1 })).toThrow(RangeError);
    expect(() => scaledTubeScore(tube, 2, { reached: 1, validatedInTube: 1 })).toThrow(RangeError);
    expect(() => scaledTubeScore({ levels: [] }, 2, { reached: 0, validatedInTube: 0 })).toThrow(RangeError);
  });
});

describe('recommendation bubbles', () => {
  it('cut-offs are inclusive at exactly 25, 50 and 75', () => {
    const learners = 3;
    const sumFor = (average: number) => average * S * learners;
    expect(recommendationBubbles(sumFor(25), learners)).toBe(4);
    expect(recommendationBubbles(sumFor(25) + 1, learners)).toBe(3);
    expect(recommendationBubbles(sumFor(50), learners)).toBe(3);
    expect(recommendationBubbles(sumFor(50) + 1, learners)).toBe(2);
    expect(recommendationBubbles(sumFor(75), learners)).toBe(2);
    expect(recommendationBubbles(sumFor(75) + 1, learners)).toBe(1);
    expect(recommendationBubbles(0, learners)).toBe(4);
    expect(recommendationBubbles(sumFor(100), learners)).toBe(1);
  });

  it('needs learners', () => {
    expect(() => recommendationBubbles(0, 0)).toThrow(RangeError);
  });
});

describe('level bands', () => {
  it('take the floor of the mean level', () => {
    expect(levelBand(0, 1)).toBe('NOT_ASSESSED');
    expect(levelBand(1, 2)).toBe('NOT_ASSESSED');
    expect(levelBand(1, 1)).toBe('BEGINNER');
    expect(levelBand(5, 2)).toBe('BEGINNER');
    expect(levelBand(3, 1)).toBe('INDEPENDENT');
    expect(levelBand(9, 2)).toBe('INDEPENDENT');
    expect(levelBand(5, 1)).toBe('ADVANCED');
    expect(levelBand(13, 2)).toBe('ADVANCED');
    expect(levelBand(7, 1)).toBe('EXPERT');
    expect(levelBand(8, 1)).toBe('EXPERT');
  });
});
