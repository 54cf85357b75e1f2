import { describe, expect, it } from 'vitest';
import { challengeId, competenceId, skillId, tubeId } from '../../src/brand';
import { assessmentSeedFromId, sha256Words } from '../../src/selection/assessment-seed';
import { predictLevel } from '../../src/selection/predicted-level';
import { reward } from '../../src/selection/reward';
import { smartRandom, smartRandomStep } from '../../src/selection/smart-random';
import type { ChallengeCandidate, SelectionState, TargetSkill } from '../../src/selection/types';
import { mix, mix32 } from '../../src/random';

const skill = (tube: string, level: number): TargetSkill => ({
  id: skillId(`@${tube}${level}`),
  tubeId: tubeId(`@${tube}`),
  competenceId: competenceId('c1'),
  level,
  pixValue: 1,
});
const challengeOf = (target: TargetSkill, n = 1, extra: Partial<ChallengeCandidate> = {}): ChallengeCandidate => ({
  id: challengeId(`${target.id}-0${n}`),
  skillId: target.id,
  status: 'validated',
  locales: ['fr'],
  timed: false,
  type: 'QROC',
  ...extra,
});

function stateOf(skills: TargetSkill[], overrides: Partial<SelectionState> = {}): SelectionState {
  return {
    skills,
    challenges: skills.map((s) => challengeOf(s)),
    knowledge: [],
    answers: [],
    assessmentSeed: 42,
    locale: 'fr',
    ...overrides,
  };
}

describe('predicted level (spec §6.1)', () => {
  it.each([
    ['nothing observed', [], 3.5],
    ['a success at 2', [{ level: 2, outcome: 1 as const }], 4.5],
    ['a failure at 2', [{ level: 2, outcome: 0 as const }], 1.0],
    ['a success at 2 then a failure at 4', [{ level: 2, outcome: 1 as const }, { level: 4, outcome: 0 as const }], 3.0],
    [
      'successes at 2 and 3 and a failure at 5',
      [{ level: 2, outcome: 1 as const }, { level: 3, outcome: 1 as const }, { level: 5, outcome: 0 as const }],
      4.0,
    ],
  ])('with %s the predicted level is %s', (_, observations, expected) => {
    expect(predictLevel(observations)).toBe(expected);
  });
});

describe('reward (spec §6.3)', () => {
  it('gives 2.08, 3.00, 3.00, 2.24, 1.19 on one tube of untested levels 1–5 with predicted level 2', () => {
    const rewards = [1, 2, 3, 4, 5].map((d) => Math.round(reward(d, 2, [1, 2, 3, 4, 5]) * 100) / 100);
    expect(rewards).toEqual([2.08, 3.0, 3.0, 2.24, 1.19]);
  });

  it('keeps only levels 2 and 3 of that tube as candidates', () => {
    const other = skill('o', 4);
    const skills = [1, 2, 3, 4, 5].map((level) => skill('t', level));
    const state = stateOf([...skills, other], {
      knowledge: [{ skillId: other.id, status: 'invalidated', source: 'direct', fromThisAssessment: true }],
      answers: [{ challengeId: challengeId('@o4-01'), result: 'ko' }],
    });
    const { trace } = smartRandomStep(state);
    expect(trace.predictedLevel).toBe(2);
    expect(trace.candidates).toEqual(['@t2', '@t3']);
  });
});

describe('deterministic pick (spec §6.4)', () => {
  it('mixes 32-bit values with the finaliser of the spec', () => {
    expect(mix32(0)).toBe(0);
    expect(mix32(1)).toBe(mix32(1));
    expect(mix(1, 2)).toBe(mix32((1 + mix32(2)) >>> 0));
  });

  it('derives the assessment seed from the first 4 bytes of SHA-256 of the id', () => {
    expect(Array.from(sha256Words(new Uint8Array([0x61, 0x62, 0x63])), (w) => w.toString(16).padStart(8, '0')).join('')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(assessmentSeedFromId('abc')).toBe(0xba7816bf);
    expect(assessmentSeedFromId('')).toBe(0xe3b0c442);
  });

  it('serves the same challenge for the same state, as after a reload', () => {
    const skills = [1, 2, 3].flatMap((level) => ['a', 'b', 'c'].map((tube) => skill(tube, level)));
    const state = stateOf(skills);
    expect(smartRandom.next(state)).toEqual(smartRandom.next({ ...state, skills: [...skills].reverse() }));
  });
});

describe('smart random filters (spec §6.2)', () => {
  it('asks a level-2 skill of an easy tube first', () => {
    const skills = [...[1, 2, 3].map((l) => skill('easy', l)), ...[1, 2, 3, 4, 5].map((l) => skill('hard', l))];
    const step = smartRandom.next(stateOf(skills));
    expect(step).toMatchObject({ kind: 'challenge', skillId: '@easy2' });
  });

  it('avoids a timed first question while an untimed one exists', () => {
    const skills = [skill('a', 2), skill('b', 2)];
    const challenges = [challengeOf(skills[0]!, 1, { timed: true }), challengeOf(skills[1]!)];
    for (let seed = 0; seed < 20; seed++) {
      expect(smartRandom.next(stateOf(skills, { challenges, assessmentSeed: seed }))).toMatchObject({ skillId: '@b2' });
    }
  });

  it('starts at the lowest level present when no level-2 skill exists', () => {
    const skills = [skill('a', 3), skill('a', 4)];
    expect(smartRandom.next(stateOf(skills))).toMatchObject({ skillId: '@a3' });
  });

  it('never asks a skill more than 2 levels above the predicted level', () => {
    const skills = [1, 2, 3, 4, 5, 6, 7].map((l) => skill('t', l));
    const knowledge = [
      { skillId: skillId('@t2'), status: 'invalidated' as const, source: 'direct' as const, fromThisAssessment: true },
    ];
    const answers = [{ challengeId: challengeId('@t2-01'), result: 'ko' as const }];
    const { trace } = smartRandomStep(stateOf(skills, { knowledge, answers }));
    expect(trace.predictedLevel).toBe(1);
    expect(trace.candidates.every((id) => Number(id.slice(-1)) <= 3)).toBe(true);
  });

  it('ends the test when every skill holds a knowledge element', () => {
    const skills = [skill('t', 1), skill('t', 2)];
    const knowledge = skills.map((s) => ({
      skillId: s.id,
      status: 'validated' as const,
      source: 'direct' as const,
      fromThisAssessment: true,
    }));
    const answers = [{ challengeId: challengeId('@t2-01'), result: 'ok' as const }];
    expect(smartRandom.next(stateOf(skills, { knowledge, answers })).kind).toBe('end');
  });

  it('ends the test after 300 answers whatever remains', () => {
    const skills = [skill('t', 1)];
    const answers = Array.from({ length: 300 }, () => ({ challengeId: challengeId('@x-01'), result: 'ko' as const }));
    expect(smartRandom.next(stateOf(skills, { answers })).kind).toBe('end');
  });

  it('prefers a challenge in the learner’s exact locale', () => {
    const s = skill('t', 2);
    const challenges = [
      challengeOf(s, 1, { locales: ['fr'] }),
      challengeOf(s, 2, { locales: ['fr-FR'] }),
    ];
    for (let seed = 0; seed < 10; seed++) {
      const step = smartRandom.next(stateOf([s], { challenges, locale: 'fr-FR', assessmentSeed: seed }));
      expect(step).toMatchObject({ challengeId: '@t2-02' });
    }
  });
});
