import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../../src/answer-checking';
import { estimateCapacity } from '../../src/irt/capacity-estimation';
import {
  DEFAULT_CERTIFICATION_MESHES,
  INSUFFICIENT_ANSWERS_COMMENT,
  certificationMeshes,
  downgradeCapacity,
  downgradePosition,
  levelFromCapacity,
  meshPosition,
  pixFromCapacity,
  pixFromPosition,
  scoreCertification,
  type CertificationAnswer,
} from '../../src/irt/certification-scoring';

const COMPETENCES = Array.from({ length: 16 }, (_, i) => `c${i + 1}`);

/** `n` answers spread over the competences in turn, like the test's competence rotation. */
function answers(n: number, result: (i: number) => AnswerResult, difficulty: (i: number) => number = () => 0): CertificationAnswer[] {
  return Array.from({ length: n }, (_, i) => ({
    challengeId: `rec${i}`,
    result: result(i),
    competenceId: COMPETENCES[i % COMPETENCES.length] ?? 'c1',
    irt: { difficulty: difficulty(i), discrimination: 1.4 },
  }));
}

/** The raw EAP capacity the scoring must start from (initial capacity −3). */
function rawCapacity(list: readonly CertificationAnswer[]): number {
  return estimateCapacity(
    list.map((a) => ({ challenge: a.irt, ok: a.result === 'ok' })),
    { initialCapacity: -3 },
  ).capacity;
}

const mixedResult = (i: number): AnswerResult => (i % 3 === 0 ? 'ko' : 'ok');
const spread = (i: number): number => -1 + (i % 5) * 0.5;

describe('meshes', () => {
  it('places a capacity in its mesh with its progression, the last mesh closed', () => {
    expect(meshPosition(-9)).toEqual({ mesh: 0, progression: 0 });
    expect(meshPosition(-6)).toEqual({ mesh: 0, progression: 0.5 });
    expect(meshPosition(-3)).toEqual({ mesh: 1, progression: 0 });
    expect(meshPosition(-2.75)).toEqual({ mesh: 1, progression: 0.25 });
    expect(meshPosition(0.5)).toEqual({ mesh: 4, progression: 0.5 });
    expect(meshPosition(2.999)).toMatchObject({ mesh: 6 });
    expect(meshPosition(3)).toEqual({ mesh: 7, progression: 0 });
    expect(meshPosition(9)).toEqual({ mesh: 7, progression: 1 });
  });

  it('keeps capacities outside custom bounds in the first and last meshes', () => {
    const narrow = [-4, -3, -2, -1, 0, 1, 2, 3, 4];
    expect(meshPosition(-5, narrow)).toEqual({ mesh: 0, progression: 0 });
    expect(meshPosition(6, narrow)).toEqual({ mesh: 7, progression: 1 });
  });

  it('refuses bounds that are not 9 strictly increasing numbers', () => {
    expect(() => certificationMeshes([-9, -3, -2, -1, 0, 1, 2, 3])).toThrow(RangeError);
    expect(() => certificationMeshes([-9, -3, -2, -1, 0, 0, 2, 3, 9])).toThrow(RangeError);
    expect(() => certificationMeshes([-9, -3, -2, -1, 0, 1, 2, 3, Number.NaN])).toThrow(RangeError);
    expect(certificationMeshes(DEFAULT_CERTIFICATION_MESHES)).toBe(DEFAULT_CERTIFICATION_MESHES);
  });
});

describe('capacity → pix (worked examples of the README)', () => {
  it.each([
    [-9, 0],
    [-6, 64], // mesh 0 at half way: floor(128 × 0.5)
    [-3, 128],
    [-2.75, 160], // mesh 1, progression 0.25
    [0.5, 576], // mesh 4, progression 0.5
    [2.9, 883], // mesh 6, progression 0.9: floor(883.2)
    [3, 895], // mesh 7 starts at 896, capped
    [9, 895],
  ])('θ = %f gives %i pix', (theta, expected) => {
    expect(pixFromCapacity(theta)).toBe(expected);
  });

  it('caps at 128 × max level − 1', () => {
    expect(pixFromCapacity(1.5, DEFAULT_CERTIFICATION_MESHES, 5)).toBe(639);
    expect(pixFromCapacity(1.5, DEFAULT_CERTIFICATION_MESHES, 6)).toBe(704);
    expect(pixFromCapacity(9, DEFAULT_CERTIFICATION_MESHES, 8)).toBe(1023);
    expect(pixFromCapacity(6, DEFAULT_CERTIFICATION_MESHES, 8)).toBe(960);
  });

  it('does not lose a pix to float error on a boundary of custom meshes', () => {
    const tenths = [-0.9, -0.7, -0.5, -0.3, -0.1, 0.1, 0.3, 0.5, 0.7];
    // θ = 0.1 + 0.3 × 0.2 is 0.16000000000000003 in floats; 128 × 5.3 = 678.4 either way.
    expect(pixFromCapacity(0.1 + 0.3 * 0.2, tenths)).toBe(678);
    expect(pixFromCapacity(-0.3 + 0.2 * 0.5, tenths)).toBe(448);
  });

  it('reads a level as the mesh, capped at the maximum reachable level', () => {
    expect(levelFromCapacity(-4)).toBe(0);
    expect(levelFromCapacity(-2.5)).toBe(1);
    expect(levelFromCapacity(2.5)).toBe(6);
    expect(levelFromCapacity(3.5)).toBe(7);
    expect(levelFromCapacity(3.5, DEFAULT_CERTIFICATION_MESHES, 4)).toBe(4);
    expect(levelFromCapacity(9, DEFAULT_CERTIFICATION_MESHES, 8)).toBe(7);
  });
});

describe('abandon downgrade', () => {
  it('moves one mesh down keeping the progression, to lo_0 from mesh 0', () => {
    expect(downgradeCapacity(0.5)).toBeCloseTo(-0.5, 12);
    expect(downgradeCapacity(-2.75)).toBeCloseTo(-7.5, 12); // mesh 1 at 0.25 → mesh 0 at 0.25
    expect(downgradeCapacity(3)).toBe(2);
    expect(downgradeCapacity(6)).toBeCloseTo(2.5, 12); // mesh 7 at 0.5 → mesh 6 at 0.5
    expect(downgradeCapacity(-5)).toBe(-9);
  });

  it('drops the uncapped score by 128, not below 0', () => {
    // With level 8 the cap (1023) only binds within a hair of θ = 9, so these scores are uncapped.
    fc.assert(
      fc.property(fc.double({ min: -9, max: 8.999, noNaN: true }), (theta) => {
        const position = meshPosition(theta);
        const before = pixFromPosition(position, 8);
        const after = pixFromPosition(downgradePosition(position), 8);
        expect(after).toBe(position.mesh === 0 ? 0 : before - 128);
      }),
    );
  });
});

describe('scoreCertification', () => {
  it('scores a completed test from the raw EAP capacity of every answer', () => {
    const list = answers(32, mixedResult, spread);
    const raw = rawCapacity(list);
    const score = scoreCertification({ answers: list, completed: true, competenceIds: COMPETENCES });
    expect(score).toMatchObject({ status: 'validated', capacity: raw, rawCapacity: raw, automaticComment: null });
    expect(score.pixScore).toBe(pixFromCapacity(raw));
    // Worked example: θ ≈ 0.529, mesh 4 at 0.529 → floor(128 × 4.529) = 579.
    expect(score.pixScore).toBe(579);
  });

  it('counts only ok as a success: timed out, focused out and skipped answers are failures', () => {
    const base = scoreCertification({ answers: answers(24, mixedResult, spread), completed: true, competenceIds: COMPETENCES });
    for (const failure of ['aband', 'timedout', 'focusedOut'] as const) {
      const other = scoreCertification({
        answers: answers(24, (i) => (i % 3 === 0 ? failure : 'ok'), spread),
        completed: true,
        competenceIds: COMPETENCES,
      });
      expect(other).toEqual(base);
    }
  });

  it('rejects fewer than 20 answers with « Nombre de réponses insuffisant », 0 pix and level 0 everywhere', () => {
    const score = scoreCertification({ answers: answers(19, () => 'ok', () => 4), completed: false, competenceIds: COMPETENCES });
    expect(score.status).toBe('rejected');
    expect(score.automaticComment).toBe(INSUFFICIENT_ANSWERS_COMMENT);
    expect(score.automaticComment).toBe('Nombre de réponses insuffisant');
    expect(score.pixScore).toBe(0);
    expect(Object.values(score.competenceLevels)).toEqual(COMPETENCES.map(() => 0));
    // Even a test that ran out of challenges before 20 answers is rejected.
    expect(scoreCertification({ answers: answers(12, () => 'ok'), completed: true, competenceIds: COMPETENCES }).status).toBe('rejected');
    expect(scoreCertification({ answers: [], completed: false, competenceIds: COMPETENCES }).status).toBe('rejected');
  });

  it('cancels fewer than 20 answers after an accepted incident, with no score nor level', () => {
    const score = scoreCertification({
      answers: answers(7, () => 'ok'),
      completed: false,
      incidentAccepted: true,
      competenceIds: COMPETENCES,
    });
    expect(score).toMatchObject({ status: 'cancelled', pixScore: 0, automaticComment: null });
    expect(Object.values(score.competenceLevels)).toEqual(COMPETENCES.map(() => null));
  });

  it('validates exactly 20 answers', () => {
    expect(scoreCertification({ answers: answers(20, mixedResult, spread), completed: false, competenceIds: COMPETENCES }).status).toBe(
      'validated',
    );
  });

  it('downgrades an abandon between 20 and 31 answers by one mesh, total and competences', () => {
    const list = answers(25, mixedResult, spread);
    const raw = rawCapacity(list);
    const completed = scoreCertification({ answers: list, completed: true, competenceIds: COMPETENCES });
    const abandoned = scoreCertification({ answers: list, completed: false, competenceIds: COMPETENCES });
    expect(abandoned.status).toBe('validated');
    expect(abandoned.rawCapacity).toBe(raw);
    expect(abandoned.capacity).toBe(downgradeCapacity(raw));
    expect(abandoned.pixScore).toBe(completed.pixScore - 128);
    for (const id of COMPETENCES) {
      const own = list.filter((a) => a.competenceId === id);
      expect(abandoned.competenceLevels[id]).toBe(levelFromCapacity(downgradeCapacity(rawCapacity(own))));
    }
    expect(COMPETENCES.some((id) => (abandoned.competenceLevels[id] ?? 0) < (completed.competenceLevels[id] ?? 0))).toBe(true);
  });

  it('does not downgrade after an accepted incident, when no challenge was left, nor at 32 answers', () => {
    const list = answers(25, mixedResult, spread);
    const completed = scoreCertification({ answers: list, completed: true, competenceIds: COMPETENCES });
    const incident = scoreCertification({ answers: list, completed: false, incidentAccepted: true, competenceIds: COMPETENCES });
    expect(incident).toEqual(completed);
    const full = answers(32, mixedResult, spread);
    expect(scoreCertification({ answers: full, completed: false, competenceIds: COMPETENCES })).toEqual(
      scoreCertification({ answers: full, completed: true, competenceIds: COMPETENCES }),
    );
  });

  it('downgrades before capping: a very high abandoned capacity loses 128 from its uncapped score', () => {
    const list = answers(25, () => 'ok', () => 4);
    const raw = rawCapacity(list);
    expect(raw).toBeGreaterThan(7); // uncapped score above 1000
    const abandoned = scoreCertification({ answers: list, completed: false, competenceIds: COMPETENCES });
    const expected = Math.floor(128 * (6 + (raw - 3) / 6));
    expect(expected).toBeLessThan(895);
    expect(abandoned.pixScore).toBe(expected);
    expect(abandoned.pixScore).toBe(870); // README worked example: θ ≈ 7.82, 998 uncapped
    expect(scoreCertification({ answers: list, completed: true, competenceIds: COMPETENCES }).pixScore).toBe(895);
  });

  it('gives null to a competence with no question and the capped mesh of θ_c to the others', () => {
    const list = answers(20, () => 'ok', () => 4).map((a, i) => ({ ...a, competenceId: i < 10 ? 'c1' : 'c2' }));
    const score = scoreCertification({ answers: list, completed: true, maxReachableLevel: 5, competenceIds: ['c1', 'c2', 'c3'] });
    expect(score.competenceLevels).toEqual({ c1: 5, c2: 5, c3: null });
    expect(score.pixScore).toBe(639);
    const level7 = scoreCertification({ answers: list, completed: true, competenceIds: ['c1', 'c2', 'c3'] });
    expect(level7.competenceLevels).toEqual({ c1: 7, c2: 7, c3: null });
  });

  it('estimates each competence on its own answers, in answer order', () => {
    const list = answers(32, (i) => (i % 16 < 8 ? 'ok' : 'ko'), () => 0);
    const score = scoreCertification({ answers: list, completed: true, competenceIds: COMPETENCES });
    for (const id of COMPETENCES) {
      const own = list.filter((a) => a.competenceId === id);
      expect(score.competenceLevels[id]).toBe(levelFromCapacity(rawCapacity(own)));
    }
    expect(score.competenceLevels.c1).toBeGreaterThan(score.competenceLevels.c16 ?? 99);
  });

  it('ignores answers of competences not listed for the levels, not for the total', () => {
    const list = answers(24, mixedResult, spread);
    const score = scoreCertification({ answers: list, completed: true, competenceIds: ['c1'] });
    expect(Object.keys(score.competenceLevels)).toEqual(['c1']);
    expect(score.rawCapacity).toBe(rawCapacity(list));
  });

  it('uses custom meshes and refuses an invalid maximum level', () => {
    const list = answers(32, mixedResult, spread);
    const shifted = DEFAULT_CERTIFICATION_MESHES.map((b, i) => (i === 0 || i === 8 ? b : b + 1));
    const score = scoreCertification({ answers: list, completed: true, meshes: shifted, competenceIds: [] });
    expect(score.pixScore).toBe(pixFromCapacity(rawCapacity(list), shifted));
    expect(score.pixScore).toBeLessThan(579);
    expect(() => scoreCertification({ answers: list, completed: true, maxReachableLevel: 9, competenceIds: [] })).toThrow(RangeError);
    expect(() => scoreCertification({ answers: list, completed: true, meshes: [0, 1], competenceIds: [] })).toThrow(RangeError);
  });
});

describe('properties', () => {
  const meshesArb = fc
    .uniqueArray(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 9, maxLength: 9 })
    .map((bounds) => [...bounds].sort((a, b) => a - b));

  it('pix is monotone in capacity and within [0, 128 × max − 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -12, max: 12, noNaN: true }),
        fc.double({ min: -12, max: 12, noNaN: true }),
        meshesArb,
        fc.integer({ min: 1, max: 8 }),
        (x, y, meshes, max) => {
          const [low, high] = x <= y ? [x, y] : [y, x];
          const a = pixFromCapacity(low, meshes, max);
          const b = pixFromCapacity(high, meshes, max);
          expect(a).toBeLessThanOrEqual(b);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(128 * max - 1);
          expect(Number.isInteger(a)).toBe(true);
        },
      ),
    );
  });

  it('any answer set scores within [0, 895], levels within 0–7 or null', () => {
    const answerArb = fc.record({
      result: fc.constantFrom<AnswerResult>('ok', 'ko', 'aband', 'timedout', 'focusedOut'),
      competence: fc.integer({ min: 0, max: 15 }),
      difficulty: fc.double({ min: -6, max: 6, noNaN: true }),
      discrimination: fc.double({ min: 0.2, max: 3, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 32 }), fc.boolean(), fc.boolean(), (drawn, completed, incident) => {
        const list: CertificationAnswer[] = drawn.map((d, i) => ({
          challengeId: `rec${i}`,
          result: d.result,
          competenceId: COMPETENCES[d.competence] ?? 'c1',
          irt: { difficulty: d.difficulty, discrimination: d.discrimination },
        }));
        const score = scoreCertification({ answers: list, completed, incidentAccepted: incident, competenceIds: COMPETENCES });
        expect(score.pixScore).toBeGreaterThanOrEqual(0);
        expect(score.pixScore).toBeLessThanOrEqual(895);
        for (const value of Object.values(score.competenceLevels)) {
          if (value !== null) expect(value >= 0 && value <= 7).toBe(true);
        }
        if (score.status === 'validated') expect(list.length).toBeGreaterThanOrEqual(20);
      }),
      { numRuns: 60 },
    );
  });

  it('a right last answer never scores lower than a wrong one', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 19, maxLength: 31 }), fc.boolean(), (oks, completed) => {
        const list = answers(oks.length + 1, (i) => (oks[i] ? 'ok' : 'ko'), spread);
        const withLast = (result: AnswerResult) => list.map((a, i) => (i === oks.length ? { ...a, result } : a));
        const right = scoreCertification({ answers: withLast('ok'), completed, competenceIds: COMPETENCES });
        const wrong = scoreCertification({ answers: withLast('ko'), completed, competenceIds: COMPETENCES });
        expect(right.pixScore).toBeGreaterThanOrEqual(wrong.pixScore);
      }),
      { numRuns: 40 },
    );
  });

  it('a completed score is the pix of the raw capacity, so it rises with the capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 20, maxLength: 32 }), (oks) => {
        const list = answers(oks.length, (i) => (oks[i] ? 'ok' : 'ko'), spread);
        const score = scoreCertification({ answers: list, completed: true, competenceIds: [] });
        expect(score.pixScore).toBe(pixFromCapacity(rawCapacity(list)));
      }),
      { numRuns: 40 },
    );
  });
});
