import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tolerance } from '../../src/answer-checking';
import { checkAnswer, levenshtein, matchesText, treat } from '../../src/answer-checking';
import { maximumMatching } from '../../src/answer-checking/matching';
import { browsers, qcm, qrocmDep, quickly } from './fixtures';

// Seeded so that a run is reproducible; a failure prints its own seed and path.
fc.configureGlobal({ seed: 20260901 });

const toleranceSets: Tolerance[][] = [[], ['t1'], ['t2'], ['t3'], ['t1', 't2'], ['t1', 't3'], ['t2', 't3'], ['t1', 't2', 't3']];
const anyTolerances = fc.constantFrom(...toleranceSets);
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-composite' }));
/** A small alphabet full of near-collisions (case, accents, ligatures, spaces, punctuation). */
const nearText = fc.string({
  unit: fc.constantFrom('a', 'A', 'é', 'E', 'e\u0301', 'o', 'œ', 'Œ', ' ', '\u00A0', '.', '-', 'ß', 's'),
  maxLength: 8,
});

describe('answer checking: properties', () => {
  it('treating a string twice gives the same result as treating it once, for every tolerance set', () => {
    fc.assert(
      fc.property(anyText, anyTolerances, (text, tolerances) => {
        const once = treat(text, tolerances);
        expect(treat(once, tolerances)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('adding t3 to any tolerance set never turns a match into a mismatch', () => {
    fc.assert(
      fc.property(nearText, nearText, anyTolerances, (answer, solution, tolerances) => {
        fc.pre(matchesText(answer, [solution], tolerances));
        expect(matchesText(answer, [solution], [...tolerances, 't3'])).toBe(true);
      }),
    );
  });

  it('without t3, adding t1 or t2 never turns a match into a mismatch', () => {
    const exactSets = toleranceSets.filter((set) => !set.includes('t3'));
    fc.assert(
      fc.property(nearText, nearText, fc.constantFrom(...exactSets), fc.constantFrom<Tolerance>('t1', 't2'), (answer, solution, tolerances, added) => {
        fc.pre(matchesText(answer, [solution], tolerances));
        expect(matchesText(answer, [solution], [...tolerances, added])).toBe(true);
      }),
    );
  });

  it('with t1, a solution typed in another case, with spaces and without accents still matches', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'è', 'ç', 'o') , minLength: 1 }), (solution) => {
        const typed = ` ${solution.normalize('NFD').replace(/[\u0300-\u036F]/gu, '').toUpperCase()} `;
        expect(matchesText(typed, [solution], ['t1'])).toBe(true);
      }),
    );
  });

  it('edit distance is zero on equal strings, symmetric, and at most the longer length', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(levenshtein(a, a)).toBe(0);
        expect(levenshtein(a, b)).toBe(levenshtein(b, a));
        expect(levenshtein(a, b)).toBeLessThanOrEqual(Math.max(Array.from(a).length, Array.from(b).length));
      }),
    );
  });

  it('a QCM result does not depend on the order in which options were ticked', () => {
    const options = fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(options, options, fc.func(fc.integer()), (ticked, right, key) => {
        const challenge = qcm(right.join(','), { optionCount: 6 });
        const shuffled = [...ticked].sort((a, b) => key(a) - key(b) || a - b);
        const inOrder = checkAnswer(challenge, { value: ticked.join(',') }, quickly);
        const reordered = checkAnswer(challenge, { value: shuffled.join(', ') }, quickly);
        expect(reordered).toEqual(inOrder);
      }),
    );
  });

  it('a QROCM-dep result does not depend on which field holds which answer', () => {
    const answers = fc.array(fc.constantFrom('firefox', 'Chrome', 'google chrome', 'safari', 'edge', 'opera'), {
      minLength: 3,
      maxLength: 3,
    });
    fc.assert(
      fc.property(answers, fc.nat(5), (fields, rotation) => {
        const challenge = qrocmDep(browsers, ['p1', 'p2', 'p3'], ['t1']);
        const asValue = (list: string[]) => ({ value: { p1: list[0] ?? '', p2: list[1] ?? '', p3: list[2] ?? '' } });
        const rotated = [...fields.slice(rotation % 3), ...fields.slice(0, rotation % 3)];
        const original = checkAnswer(challenge, asValue(fields), quickly);
        const moved = checkAnswer(challenge, asValue(rotated), quickly);
        expect(moved.accepted && moved.result).toBe(original.accepted && original.result);
      }),
    );
  });

  it('the matching is as large as the best assignment found by brute force', () => {
    const graph = fc.integer({ min: 1, max: 5 }).chain((groups) =>
      fc.record({
        groups: fc.constant(groups),
        fits: fc.array(fc.uniqueArray(fc.nat(groups - 1), { maxLength: groups }).map((list) => list.sort()), {
          maxLength: 5,
        }),
      }),
    );
    const best = (fits: number[][], used: Set<number>, field: number): number => {
      if (field === fits.length) return 0;
      let size = best(fits, used, field + 1);
      for (const group of fits[field] ?? []) {
        if (used.has(group)) continue;
        used.add(group);
        size = Math.max(size, 1 + best(fits, used, field + 1));
        used.delete(group);
      }
      return size;
    };
    fc.assert(
      fc.property(graph, ({ groups, fits }) => {
        const matched = maximumMatching(fits, groups);
        const assigned = matched.filter((group) => group !== undefined);
        expect(new Set(assigned).size).toBe(assigned.length);
        matched.forEach((group, field) => {
          if (group !== undefined) expect(fits[field]).toContain(group);
        });
        expect(assigned.length).toBe(best(fits, new Set(), 0));
      }),
    );
  });
});
