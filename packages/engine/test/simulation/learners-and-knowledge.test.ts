import { describe, expect, it } from 'vitest';
import { skillId } from '../../src/brand';
import { generateSyntheticBank } from '../../src/simulation/bank';
import { KnowledgeLog } from '../../src/simulation/knowledge-log';
import { drawLearner } from '../../src/simulation/learner';
import { STANDARD_LEARNERS } from '../../src/simulation/learner-model';
import { scenarioSkills, standardScenarios } from '../../src/simulation/scenarios';

const bank = generateSyntheticBank(1);

describe('synthetic learners (spec §8.1)', () => {
  const learners = Array.from({ length: 200 }, (_, i) => drawLearner(i + 1, bank, STANDARD_LEARNERS));

  it('masters exactly the skills up to their tube level, levels centred near 3', () => {
    let sum = 0;
    let count = 0;
    for (const learner of learners) {
      for (const tube of bank.tubes) {
        const level = learner.tubeLevel.get(tube.id) ?? -1;
        expect(level).toBeGreaterThanOrEqual(0);
        expect(level).toBeLessThanOrEqual(tube.maxLevel);
        for (const skill of tube.skills) expect(learner.mastered.has(skill.id)).toBe(skill.level <= level);
        sum += level;
        count++;
      }
    }
    expect(sum / count).toBeGreaterThan(2.5);
    expect(sum / count).toBeLessThan(3.5);
  });

  it('answers a mastered skill right 90 % of the time and never skips it', () => {
    let right = 0;
    let total = 0;
    for (const learner of learners) {
      for (const tube of bank.tubes) {
        for (const skill of tube.skills) {
          if (!learner.mastered.has(skill.id)) continue;
          const result = learner.answer(skill.challenges[0] ?? { id: skill.id as never, skillId: skill.id, type: 'QROC' });
          expect(result === 'ok' || result === 'ko').toBe(true);
          if (result === 'ok') right++;
          total++;
        }
      }
    }
    expect(right / total).toBeCloseTo(0.9, 1);
  });

  it('gives the same result to the same challenge whatever the engine (common random numbers)', () => {
    const a = drawLearner(17, bank, STANDARD_LEARNERS);
    const b = drawLearner(17, bank, STANDARD_LEARNERS);
    const challenges = bank.tubes.flatMap((t) => t.skills.flatMap((s) => s.challenges));
    expect(challenges.map((c) => a.answer(c))).toEqual(challenges.map((c) => b.answer(c)));
  });
});

describe('scenarios (spec §8.1)', () => {
  const [s1, s2, s3, s4] = standardScenarios(bank, true);

  it('S1 takes 12 tubes of 12 competences capped at 3–4, S3 the same with earlier KEs', () => {
    expect(s1?.tubes).toHaveLength(12);
    expect(new Set(s1?.tubes.map(({ tube }) => tube.competenceId)).size).toBe(12);
    expect(s1?.tubes.every(({ cap }) => cap === 3 || cap === 4)).toBe(true);
    expect(s3?.tubes).toEqual(s1?.tubes);
    expect(s3?.prior).toEqual({ tubes: 'even', ageDays: 5, levelGain: 0 });
  });

  it('S2 takes every tube of one competence at its max, S4 all 64 tubes', () => {
    expect(new Set(s2?.tubes.map(({ tube }) => tube.competenceId)).size).toBe(1);
    expect(s2?.tubes.every(({ tube, cap }) => cap === tube.maxLevel)).toBe(true);
    expect(s4?.tubes).toHaveLength(64);
    expect(standardScenarios(bank, false).map((s) => s.name)).toEqual(['S1', 'S2', 'S3']);
  });
});

describe('knowledge log (spec §1.1 semantics)', () => {
  const skills = s1Skills();
  function s1Skills() {
    const s1 = standardScenarios(bank, true)[0];
    return s1 ? scenarioSkills(s1) : [];
  }
  const tube = skills.filter((s) => s.tubeId === skills[0]?.tubeId);

  it('validates lower skills on a success and invalidates higher ones on a failure, once per skill', () => {
    const log = new KnowledgeLog(skills, []);
    const [first, second, third] = tube;
    if (!first || !second || !third) throw new Error('tube too short');
    log.recordAnswer(second.id, true);
    expect(log.isValidated(first.id)).toBe(true);
    expect(log.kept().find((k) => k.skillId === third.id)).toBeUndefined();
    log.recordAnswer(third.id, false);
    log.recordAnswer(second.id, false);
    expect(log.isValidated(second.id)).toBe(true);
    expect(log.kept().find((k) => k.skillId === third.id)).toMatchObject({ status: 'invalidated', source: 'direct' });
  });

  it('forgets earlier failures at least 4 days old but keeps validations and recent failures', () => {
    const [first, second, third] = tube;
    if (!first || !second || !third) throw new Error('tube too short');
    const log = new KnowledgeLog(skills, [
      { skillId: first.id, status: 'validated', source: 'direct', ageDays: 30 },
      { skillId: second.id, status: 'invalidated', source: 'direct', ageDays: 4 },
      { skillId: third.id, status: 'invalidated', source: 'inferred', ageDays: 3.9 },
    ]);
    expect(log.kept().map((k) => k.skillId)).toEqual([first.id, third.id]);
    expect(log.kept().every((k) => !k.fromThisAssessment)).toBe(true);
    log.recordInferences([{ skillId: skillId(second.id), status: 'validated' }]);
    expect(log.isValidated(second.id)).toBe(true);
  });
});
