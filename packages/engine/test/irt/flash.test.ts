import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { challengeId, competenceId, skillId, tubeId } from '../../src/brand';
import {
  CAPACITY_GRID,
  CAPACITY_STEP,
  ERROR_BEFORE_ANSWERS,
  estimateCapacity,
} from '../../src/irt/capacity-estimation';
import {
  CERTIFICATION_FLASH,
  minimumSuccessRate,
  nextFlashStep,
  type FlashAnswer,
  type FlashConfig,
} from '../../src/irt/flash-selector';
import { information, successProbability, type CalibratedChallenge } from '../../src/irt/two-pl';
import { createRandom } from '../../src/random';
import { generateSyntheticBank } from '../../src/simulation/bank';

const item = (difficulty: number, discrimination = 1, competence = 'c1', tube = 't1', n = 0): CalibratedChallenge => ({
  id: challengeId(`${tube}-${n}`),
  skillId: skillId(`${tube}${n}`),
  tubeId: tubeId(tube),
  competenceId: competenceId(competence),
  discrimination,
  difficulty,
});

/** Every challenge of generated bank B2-1 with its IRT parameters. */
const calibrated: CalibratedChallenge[] = generateSyntheticBank(1).tubes.flatMap((tube) =>
  tube.skills.flatMap((skill) =>
    skill.challenges.map((c) => ({
      id: c.id,
      skillId: skill.id,
      tubeId: tube.id,
      competenceId: tube.competenceId,
      discrimination: c.irt.discrimination,
      difficulty: c.irt.difficulty,
    })),
  ),
);

function simulate(theta: number, seed: number, config: FlashConfig): { capacity: number; answers: number; competences: string[] } {
  const random = createRandom(seed, 7);
  const answers: FlashAnswer[] = [];
  const competences: string[] = [];
  for (;;) {
    const step = nextFlashStep({ challenges: calibrated, answers, assessmentSeed: seed }, config);
    if (step.kind === 'end') return { capacity: step.capacity, answers: answers.length, competences };
    const challenge = calibrated.find((c) => c.id === step.challengeId);
    if (!challenge) throw new Error('unknown challenge');
    competences.push(challenge.competenceId);
    answers.push({ challengeId: step.challengeId, ok: random.next() < successProbability(theta, challenge) });
  }
}

describe('2PL model', () => {
  it('gives 50 % success at the difficulty and information a²/4 there', () => {
    expect(successProbability(1.2, item(1.2, 1.7))).toBeCloseTo(0.5, 12);
    expect(information(1.2, item(1.2, 1.7))).toBeCloseTo(1.7 ** 2 / 4, 12);
  });

  it('keeps probabilities in [0, 1] and rising with capacity', () => {
    fc.assert(
      fc.property(fc.double({ min: -9, max: 9, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (theta, step, a) => {
        const challenge = item(0.3, a);
        const p = successProbability(theta, challenge);
        return p >= 0 && p <= 1 && successProbability(theta + step, challenge) >= p;
      }),
    );
  });
});

describe('EAP capacity estimation (spec §7)', () => {
  it('uses 81 grid points from −9 to +9, step 9/40', () => {
    expect(CAPACITY_GRID).toHaveLength(81);
    expect(CAPACITY_GRID[0]).toBe(-9);
    expect(CAPACITY_GRID[80]).toBeCloseTo(9, 12);
    expect(CAPACITY_STEP).toBeCloseTo(0.225, 12);
  });

  it('reports the initial capacity with error 5 before any answer', () => {
    expect(estimateCapacity([], { initialCapacity: -3 })).toEqual({ capacity: -3, error: ERROR_BEFORE_ANSWERS });
  });

  it('moves up after a success and down after a failure, symmetrically around a centred item', () => {
    const up = estimateCapacity([{ challenge: item(0), ok: true }], { initialCapacity: 0 });
    const down = estimateCapacity([{ challenge: item(0), ok: false }], { initialCapacity: 0 });
    expect(up.capacity).toBeGreaterThan(0);
    expect(down.capacity).toBeCloseTo(-up.capacity, 10);
    expect(up.error).toBeLessThan(Math.sqrt(1.5));
  });

  it('never gives a lower capacity when the last answer is right instead of wrong', () => {
    const answer = fc.record({ difficulty: fc.double({ min: -4, max: 4, noNaN: true }), a: fc.double({ min: 0.5, max: 2.5, noNaN: true }), ok: fc.boolean() });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 20 }), answer, (history, last) => {
        const past = history.map(({ difficulty, a, ok }) => ({ challenge: item(difficulty, a), ok }));
        const right = estimateCapacity([...past, { challenge: item(last.difficulty, last.a), ok: true }], { initialCapacity: -3 });
        const wrong = estimateCapacity([...past, { challenge: item(last.difficulty, last.a), ok: false }], { initialCapacity: -3 });
        return right.capacity >= wrong.capacity - 1e-9;
      }),
    );
  });

  it('caps early moves with damping: 50 % of 1 while |θ| < 1, 50 % of |θ| beyond', () => {
    const damping = { variationPercent: 0.5, variationPercentUntil: 2 };
    const first = estimateCapacity([{ challenge: item(3, 2), ok: true }], { initialCapacity: 0, damping });
    expect(first.capacity).toBeCloseTo(0.5, 12);
    const second = estimateCapacity(
      [
        { challenge: item(3, 2), ok: true },
        { challenge: item(-3, 2), ok: false },
      ],
      { initialCapacity: -3, damping },
    );
    expect(second.capacity).toBeGreaterThanOrEqual(-3 - 1.5 * 2 - 1e-9);
  });
});

describe('IRT selection rules (spec §7)', () => {
  it('never serves two challenges of one tube and avoids the last two competences', () => {
    const run = simulate(0.5, 11, CERTIFICATION_FLASH);
    expect(run.answers).toBe(32);
    for (let i = 2; i < run.competences.length && i < 16; i++) {
      expect(run.competences.slice(i - 2, i)).not.toContain(run.competences[i]);
    }
  });

  it('covers every competence after the warm-up before repeating one', () => {
    const run = simulate(1, 5, CERTIFICATION_FLASH);
    const warmUp = CERTIFICATION_FLASH.warmUpLength ?? 0;
    expect(new Set(run.competences.slice(0, warmUp + 16)).size).toBe(16);
  });

  it('serves only forced competences when some are forced', () => {
    const forced = [competenceId('c3'), competenceId('c4')];
    const run = simulate(0, 3, { ...CERTIFICATION_FLASH, forcedCompetences: forced, avoidRecentCompetences: 0 });
    expect(new Set(run.competences)).toEqual(new Set(['c3', 'c4']));
    expect(run.answers).toBe(8);
  });

  it('stops on the error target after the minimum length (Jalon option)', () => {
    const run = simulate(0, 9, { ...CERTIFICATION_FLASH, errorStop: { target: 0.6, minLength: 10 } });
    expect(run.answers).toBeGreaterThanOrEqual(10);
    expect(run.answers).toBeLessThan(32);
  });

  it('serves the same challenge for the same answers and seed', () => {
    const state = { challenges: calibrated, answers: [], assessmentSeed: 99 };
    expect(nextFlashStep(state, CERTIFICATION_FLASH)).toEqual(nextFlashStep(state, CERTIFICATION_FLASH));
  });

  it('reads fixed and linear minimum success-rate ranges by question index', () => {
    const ranges = [
      { kind: 'fixed' as const, from: 0, to: 7, value: 0.8 },
      { kind: 'linear' as const, from: 8, to: 16, startValue: 0.8, endValue: 0.4 },
    ];
    expect(minimumSuccessRate(ranges, 3)).toBe(0.8);
    expect(minimumSuccessRate(ranges, 12)).toBeCloseTo(0.6, 12);
    expect(minimumSuccessRate(ranges, 20)).toBe(0);
  });
});

describe('IRT simulation', () => {
  it('estimates θ with an RMSE under 0.5 after the 32 certification questions', () => {
    const random = createRandom(2024, 1);
    let squared = 0;
    const learners = 150;
    for (let seed = 1; seed <= learners; seed++) {
      const theta = 0.5 + 1.2 * random.normal();
      const { capacity } = simulate(theta, seed, CERTIFICATION_FLASH);
      squared += (capacity - theta) ** 2;
    }
    const rmse = Math.sqrt(squared / learners);
    expect(rmse).toBeLessThan(0.5);
  });
});
