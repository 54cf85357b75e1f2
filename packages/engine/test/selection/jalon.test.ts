import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { challengeId, competenceId, skillId, tubeId, type SkillId } from '../../src/brand';
import { buildChallengePool } from '../../src/selection/challenge-pool';
import { tubePosteriors } from '../../src/selection/jalon/hierarchy';
import { collectTubeEvidence } from '../../src/selection/jalon/tube-evidence';
import { jalonSelector } from '../../src/selection/jalon/jalon-selector';
import type { AnsweredChallenge, ChallengeCandidate, ModelInference, SelectionState, TargetSkill } from '../../src/selection/types';
import { generateSyntheticBank } from '../../src/simulation/bank';
import { KnowledgeLog } from '../../src/simulation/knowledge-log';
import { scenarioSkills, standardScenarios } from '../../src/simulation/scenarios';

const bank = generateSyntheticBank(1);
const s2 = standardScenarios(bank, true).find((s) => s.name === 'S2');
if (!s2) throw new Error('S2 missing');
const skills = scenarioSkills(s2);
const challenges = skills.flatMap((s) => s.challenges);
const levelOf = new Map(skills.map((s) => [s.id, s.level]));

/** Runs Jalon with an answer rule and returns what happened, with every step's model closures and state. */
function play(answer: (level: number) => boolean, seed = 1) {
  const log = new KnowledgeLog(skills, []);
  const answers: AnsweredChallenge[] = [];
  const asked: SkillId[] = [];
  const closures: { state: SelectionState; inferred: readonly ModelInference[] }[] = [];
  for (;;) {
    const state: SelectionState = { skills, challenges, knowledge: log.kept(), answers: [...answers], assessmentSeed: seed, locale: 'fr' };
    const step = jalonSelector.next(state);
    closures.push({ state, inferred: step.inferred });
    log.recordInferences(step.inferred);
    if (step.kind === 'end') return { asked, inferred: step.inferred, closures, log, state };
    expect(log.kept().some((k) => k.skillId === step.skillId)).toBe(false);
    const ok = answer(levelOf.get(step.skillId) ?? 0);
    asked.push(step.skillId);
    answers.push({ challengeId: step.challengeId, result: ok ? 'ok' : 'ko' });
    log.recordAnswer(step.skillId, ok);
  }
}

describe("Jalon's selector", () => {
  it('serves the same challenge for the same state, as after a reload', () => {
    const state: SelectionState = { skills, challenges, knowledge: [], answers: [], assessmentSeed: 7, locale: 'fr' };
    expect(jalonSelector.next(state)).toEqual(jalonSelector.next({ ...state, knowledge: [], answers: [] }));
  });

  it('only asks untested skills and validates every skill of a learner who answers everything right', () => {
    const { asked, log } = play(() => true);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(skills.length / 2);
    expect(skills.every((s) => log.isValidated(s.id))).toBe(true);
  });

  it('validates nothing for a learner who fails everything, in fewer questions than tubes × 2', () => {
    const { asked, log } = play(() => false);
    expect(skills.some((s) => log.isValidated(s.id))).toBe(false);
    expect(asked.length).toBeLessThanOrEqual(2 * s2.tubes.length);
  });

  it('closes by model, at any step, only skills whose posterior is beyond 0.95 or 0.05, every remaining one of the tube', () => {
    let closedBeforeTheEnd = 0;
    for (const [seed, top] of [1, 2, 3].flatMap((seed) => [3, 5].map((top) => [seed, top] as const))) {
      const { closures } = play((level) => level <= top, seed);
      closures.forEach(({ state, inferred }, step) => {
        if (step < closures.length - 1) closedBeforeTheEnd += inferred.length;
        const tubes = collectTubeEvidence(state, buildChallengePool(state));
        const posteriors = tubePosteriors(tubes);
        const closed = new Map(inferred.map((i) => [i.skillId, i.status]));
        tubes.forEach((tube, t) => {
          let above = 1;
          const remaining = tube.skills.filter((_, i) => tube.statuses[i] === 0);
          tube.skills.forEach((skill, i) => {
            above -= posteriors[t]?.[i] ?? 0;
            const status = closed.get(skill.id);
            if (status === 'validated') expect(above).toBeGreaterThanOrEqual(0.95);
            if (status === 'invalidated') expect(above).toBeLessThanOrEqual(0.05);
          });
          const closedHere = remaining.filter((s) => closed.has(s.id));
          expect(closedHere.length === 0 || closedHere.length === remaining.length).toBe(true);
        });
      });
    }
    // Tubes left alone are settled as soon as they qualify, not only when the test ends.
    expect(closedBeforeTheEnd).toBeGreaterThan(0);
  });
});

describe("Jalon's tube model", () => {
  const tube = (n: number): TargetSkill[] =>
    [1, 2, 3, 4, 5].map((level) => ({
      id: skillId(`@t${n}${level}`),
      tubeId: tubeId(`@t${n}`),
      competenceId: competenceId('c1'),
      level,
      pixValue: 1.6,
    }));
  const model = [...tube(1), ...tube(2)];
  const modelChallenges: ChallengeCandidate[] = model.map((s) => ({
    id: challengeId(`${s.id}-01`),
    skillId: s.id,
    status: 'validated',
    locales: ['fr'],
    timed: false,
    type: 'QROC',
  }));
  const answerArb = fc.array(fc.record({ skill: fc.integer({ min: 0, max: 9 }), ok: fc.boolean() }), { maxLength: 6 });

  const masteredProbabilities = (answers: { skill: number; ok: boolean }[]): number[][] => {
    const seen = new Set<number>();
    const state: SelectionState = {
      skills: model,
      challenges: modelChallenges,
      knowledge: [],
      answers: answers
        .filter(({ skill }) => !seen.has(skill) && seen.add(skill))
        .map(({ skill, ok }) => ({ challengeId: modelChallenges[skill]?.id ?? challengeId('?'), result: ok ? 'ok' : 'ko' })),
      assessmentSeed: 1,
      locale: 'fr',
    };
    const tubes = collectTubeEvidence(state, buildChallengePool(state));
    return tubePosteriors(tubes).map((posterior) => {
      let above = 1;
      return Array.from({ length: posterior.length - 1 }, (_, i) => (above -= posterior[i] ?? 0));
    });
  };

  it('keeps posteriors normalised and mastery decreasing with the level', () => {
    fc.assert(
      fc.property(answerArb, (answers) =>
        masteredProbabilities(answers).every((ps) =>
          ps.every((p, i) => p >= -1e-9 && p <= 1 + 1e-9 && (i === 0 || p <= (ps[i - 1] ?? 1) + 1e-9)),
        ),
      ),
    );
  });

  it('never lowers a mastery probability when an answer is right instead of wrong', () => {
    fc.assert(
      fc.property(answerArb, fc.integer({ min: 0, max: 9 }), (answers, last) => {
        const history = answers.filter(({ skill }) => skill !== last);
        const right = masteredProbabilities([...history, { skill: last, ok: true }]).flat();
        const wrong = masteredProbabilities([...history, { skill: last, ok: false }]).flat();
        return right.every((p, i) => p >= (wrong[i] ?? 0) - 1e-9);
      }),
    );
  });

  it('shares a success with the other tube of the competence', () => {
    const before = masteredProbabilities([])[1]?.[2] ?? 0;
    const after = masteredProbabilities([{ skill: 3, ok: true }])[1]?.[2] ?? 0;
    expect(after).toBeGreaterThan(before);
  });

  it('reads a gap above earlier successes as a forgotten failure for the ability only', () => {
    const earlier = (levels: readonly number[], failedAbove?: number): SelectionState => ({
      skills: model,
      challenges: modelChallenges,
      knowledge: [
        ...levels.map((level) => ({ skillId: skillId(`@t1${level}`), status: 'validated' as const, source: 'direct' as const, fromThisAssessment: false })),
        ...(failedAbove === undefined
          ? []
          : [{ skillId: skillId(`@t1${failedAbove}`), status: 'invalidated' as const, source: 'direct' as const, fromThisAssessment: false }]),
      ],
      answers: [],
      assessmentSeed: 1,
      locale: 'fr',
    });
    const masteredAtThree = (tubes: ReturnType<typeof collectTubeEvidence>, t: number): number => {
      const posterior = tubePosteriors(tubes)[t] ?? new Float64Array(6);
      return 1 - (posterior[0] ?? 0) - (posterior[1] ?? 0) - (posterior[2] ?? 0) - (posterior[3] ?? 0);
    };
    const gap = earlier([1, 2]);
    const hinted = collectTubeEvidence(gap, buildChallengePool(gap));
    const unhinted = collectTubeEvidence(gap, buildChallengePool(gap)).map((tube) => ({ ...tube, abilityHint: tube.abilityHint.map(() => 1) }));
    // The other tube of the competence expects less; the tube itself keeps its own evidence only.
    expect(masteredAtThree(hinted, 1)).toBeLessThan(masteredAtThree(unhinted, 1));
    expect(Array.from(hinted[0]?.likelihood ?? [])).toEqual(Array.from(unhinted[0]?.likelihood ?? []));
    // A kept failure just above is evidence in its own right: no hint then.
    const kept = earlier([1, 2], 3);
    expect(Array.from(collectTubeEvidence(kept, buildChallengePool(kept))[0]?.abilityHint ?? [])).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
