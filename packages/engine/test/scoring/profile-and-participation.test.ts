import { describe, expect, it } from 'vitest';
import { competenceId, tubeId } from '../../src/brand';
import type { StoredKnowledgeElement } from '../../src/knowledge';
import type { Badge, Stage } from '../../src/scoring';
import { participationResults, profileScore } from '../../src/scoring';
import { at, stored, tubeSkills } from '../knowledge/fixtures';

const cores = Array.from({ length: 16 }, (_, i) => competenceId(`c${i}`));
/** Two level-1 skills worth 4 pix in each of the first `count` competences: level 1 there. */
function levelOneIn(count: number): StoredKnowledgeElement[] {
  return Array.from({ length: count }, (_, i) =>
    tubeSkills(`t${i}_`, [1], `c${i}`, 4)
      .concat(tubeSkills(`u${i}_`, [1], `c${i}`, 4))
      .map((skill) => stored(skill, 'validated', at(0))),
  ).flat();
}

describe('profile score', () => {
  it('a learner with 5 competences at level 1 is certifiable, with 5 certifiable competences and 40 pix', () => {
    expect(profileScore(levelOneIn(5), cores)).toMatchObject({ totalPix: 40, certifiableCompetenceCount: 5, isCertifiable: true });
  });

  it('a learner with 3 competences at level 1 is not certifiable', () => {
    expect(profileScore(levelOneIn(3), cores)).toMatchObject({ certifiableCompetenceCount: 3, isCertifiable: false });
  });

  it('EXAM elements and reset skills do not count in the profile', () => {
    const [skill] = tubeSkills('x', [1], 'c0', 4);
    if (!skill) throw new Error('fixture');
    const elements = [
      stored(skill, 'validated', at(0)),
      stored(skill, 'reset', at(8)),
      ...tubeSkills('y', [1], 'c0', 4).map((s) => stored(s, 'validated', at(9), { participationId: 'exam-1' })),
    ];
    expect(profileScore(elements, cores).totalPix).toBe(0);
  });
});

describe('participation results', () => {
  const campaignSkills = [...tubeSkills('a', [1, 2, 3, 4, 5]), ...tubeSkills('b', [1, 2, 3, 4, 5])];
  const stages: Stage[] = [{ id: 's0', threshold: 0 }, { id: 's1', threshold: 50 }, { id: 's2', threshold: 90 }];
  const badges: Badge[] = [
    { key: 'TUBE_A', criteria: [{ scope: 'CappedTubes', threshold: 100, cappedTubes: [{ tubeId: tubeId('@a'), level: 3 }] }] },
  ];

  it('counts validated campaign skills only, and derives mastery, stage and badges from them', () => {
    const elements = [
      ...campaignSkills.slice(0, 6).map((skill) => stored(skill, 'validated', at(0))),
      ...campaignSkills.slice(6).map((skill) => stored(skill, 'invalidated', at(0))),
      ...tubeSkills('outside', [1]).map((skill) => stored(skill, 'validated', at(0))),
    ];
    const results = participationResults(campaignSkills, elements, stages, badges);
    expect(results).toMatchObject({ validatedSkillsCount: 6, masteryRate: 0.6, stage: { stageId: 's1', stars: 1, totalStars: 2 } });
    expect(results.badges).toEqual([expect.objectContaining({ key: 'TUBE_A', obtained: true, progress: 100 })]);
  });
});
