import { describe, expect, it } from 'vitest';
import { competenceId, level, pix, skillId } from '../../src/brand';
import type { StoredKnowledgeElement } from '../../src/knowledge';
import {
  certifiableCompetenceCount,
  competenceScore,
  competenceScores,
  isCertifiable,
  masteryRate,
  maxReachableLevel,
  profileCollectionMasteryRate,
  progression,
  totalScore,
} from '../../src/scoring';
import { at, stored, tubeSkills } from '../knowledge/fixtures';

const c11 = competenceId('c1.1');
const cores = Array.from({ length: 16 }, (_, i) => competenceId(`core-${i}`));
const validatedOn = (skills: ReturnType<typeof tubeSkills>): StoredKnowledgeElement[] => skills.map((s) => stored(s, 'validated', at(0)));

describe('competence pix and level', () => {
  it('spec example: 2 level-1 skills, 2 of 3 level-2 skills and the level-3 skill give 17.333 pix, 17 pix, level 2, 1/8 to level 3', () => {
    // pixValue = min(4, 8 / N): 2 counting skills at level 1, 3 at level 2, 1 at level 3.
    const level1 = tubeSkills('a', [1], 'c1.1', 4).concat(tubeSkills('b', [1], 'c1.1', 4));
    const level2 = tubeSkills('c', [2], 'c1.1', 8 / 3).concat(tubeSkills('d', [2], 'c1.1', 8 / 3));
    const level3 = tubeSkills('e', [3], 'c1.1', 4);
    const score = competenceScores(validatedOn([...level1, ...level2, ...level3]), [c11]).get(c11);
    expect(score?.exactPix).toBeCloseTo(17.333, 3);
    expect(score).toMatchObject({ pix: 17, level: 2, progressToNextLevel: 1 / 8, pixToNextLevel: 7 });
  });

  it('seven skills worth 8/7 make exactly one level although their float sum is 7.999999999999999', () => {
    const skills = [1, 2, 3, 4, 5, 6, 7].map((i) => tubeSkills(`t${i}`, [1], 'c1.1', 8 / 7)[0]).filter((s) => s !== undefined);
    expect(competenceScores(validatedOn(skills), [c11]).get(c11)).toMatchObject({ pix: 8, level: 1 });
  });

  it('pix and level stop at the maximum reachable level, where no pix remain to show', () => {
    expect(competenceScore(pix(60))).toMatchObject({ exactPix: 60, pix: 56, level: 7, pixToNextLevel: undefined, progressToNextLevel: 0 });
    expect(competenceScore(pix(60), level(8))).toMatchObject({ pix: 60, level: 7, pixToNextLevel: 4 });
  });

  it('a competence without elements scores 0 pix at level 0, and other competences are ignored', () => {
    const other = tubeSkills('plus', [1], 'jalon-plus-1', 4);
    expect(competenceScores(validatedOn(other), [c11]).get(c11)).toMatchObject({ pix: 0, level: 0, pixToNextLevel: 8 });
  });

  it('16 full competences total 896 with 7 reachable levels and 1024 with 8', () => {
    const scores = (max: number) => [...competenceScores(cores.map((id) => ({ competenceId: id, earnedPix: pix(64) })), cores, maxReachableLevel(max)).values()];
    expect(totalScore(scores(7))).toBe(896);
    expect(totalScore(scores(8))).toBe(1024);
  });

  it('the maximum reachable level setting must be 1–8', () => {
    expect(() => maxReachableLevel(0)).toThrow(RangeError);
    expect(() => maxReachableLevel(9)).toThrow(RangeError);
    expect(maxReachableLevel(5)).toBe(5);
  });
});

describe('certifiability', () => {
  const withLevel1 = (count: number) => cores.map((_, i) => competenceScore(pix(i < count ? 8 : 7)));
  it('five core competences at level 1 make a learner certifiable', () => {
    expect(certifiableCompetenceCount(withLevel1(5))).toBe(5);
    expect(isCertifiable(withLevel1(5))).toBe(true);
  });
  it('three competences at level 1, the others at 7 pix, do not', () => {
    expect(isCertifiable(withLevel1(3))).toBe(false);
    expect(isCertifiable(withLevel1(4))).toBe(false);
  });
});

describe('mastery and progression', () => {
  it('an assessment mastery rate is validated campaign skills over campaign skills, at full precision', () => {
    expect(masteryRate(2, 3)).toBe(2 / 3);
  });
  it('a profile collection mastery rate is total pix over 7 × 8 × 16 = 896', () => {
    expect(profileCollectionMasteryRate(pix(448), level(7))).toBe(0.5);
    expect(profileCollectionMasteryRate(pix(896), level(7))).toBe(1);
  });
  it('progression counts target skills holding a kept element, and is 100 % once completed', () => {
    const targets = tubeSkills('motsCles', [1, 2, 3, 4]);
    const kept = [{ skillId: skillId('@motsCles1') }, { skillId: skillId('@motsCles2') }, { skillId: skillId('@autre1') }];
    expect(progression(targets, kept, false)).toBe(0.5);
    expect(progression(targets, kept, true)).toBe(1);
  });
});
