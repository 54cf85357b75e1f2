import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SkillId } from '../../src/brand';
import { tubeId } from '../../src/brand';
import type { Badge, Stage } from '../../src/scoring';
import { evaluateBadge, evaluateCriterion, reachedStage, resolveStages } from '../../src/scoring';
import { tubeSkills } from '../knowledge/fixtures';

// Seeded so that a run is reproducible; a failure prints its own seed and path.
fc.configureGlobal({ seed: 20260901 });

const tenSkills = [...tubeSkills('a', [1, 2, 3, 4, 5]), ...tubeSkills('b', [1, 2, 3, 4, 5])];
const firstN = (skills: readonly { id: SkillId }[], n: number) => new Set(skills.slice(0, n).map((s) => s.id));

describe('stages', () => {
  const stages: Stage[] = [
    { id: 'expert', threshold: 70 },
    { id: 'first', isFirstSkill: true },
    { id: 'zero', threshold: 0 },
    { id: 'middle', threshold: 30 },
  ];

  it('orders the zero stage first, the first-skill stage right after it, then by threshold', () => {
    expect(resolveStages(stages, tenSkills).map((s) => s.id)).toEqual(['zero', 'first', 'middle', 'expert']);
  });

  it('with nothing validated the zero stage is reached: stage 1 of 4, no star', () => {
    expect(reachedStage(stages, tenSkills, new Set())).toEqual({
      stageId: 'zero',
      reachedStage: 1,
      totalStages: 4,
      stars: 0,
      totalStars: 3,
      masteryPercent: 0,
    });
  });

  it('one validated skill reaches the first-skill stage even below every other threshold', () => {
    expect(reachedStage(stages, tenSkills, firstN(tenSkills, 1))).toMatchObject({ stageId: 'first', stars: 1 });
  });

  it('a mastery equal to a threshold reaches that stage', () => {
    expect(reachedStage(stages, tenSkills, firstN(tenSkills, 3))).toMatchObject({ stageId: 'middle', stars: 2, masteryPercent: 30 });
    expect(reachedStage(stages, tenSkills, firstN(tenSkills, 7))).toMatchObject({ stageId: 'expert', stars: 3 });
  });

  it('a level stage L becomes round(100 × skills of level ≤ L / skills), half-up', () => {
    const skills = [...tubeSkills('a', [1, 2, 3]), ...tubeSkills('b', [1, 2, 4]), ...tubeSkills('c', [2, 4])];
    const levelStages: Stage[] = [{ id: 'l0', level: 0 }, { id: 'l1', level: 1 }, { id: 'l2', level: 2 }, { id: 'l3', level: 3 }];
    expect(resolveStages(levelStages, skills).map((s) => [s.id, s.threshold])).toEqual([
      ['l0', 0],
      ['l1', 25],
      ['l2', 63],
      ['l3', 75],
    ]);
    // 5 of 8 is 62.5 %, shown as 63 %: the level-2 stage is reached.
    expect(reachedStage(levelStages, skills, firstN(skills, 5))).toMatchObject({ stageId: 'l2', masteryPercent: 63 });
  });

  it("per-competence stars use the competence's own skills", () => {
    const [a1, a2] = tenSkills;
    if (!a1 || !a2) throw new Error('fixture');
    const competenceSkills = tenSkills.slice(0, 5);
    expect(reachedStage(stages, competenceSkills, new Set([a1.id, a2.id]))).toMatchObject({ stageId: 'middle', masteryPercent: 40 });
  });

  it('a profile without stages reaches none', () => {
    expect(reachedStage([], tenSkills, new Set())).toBeUndefined();
  });

  it('validating more skills never lowers the reached stage', () => {
    fc.assert(
      fc.property(fc.nat(10), fc.nat(10), (x, y) => {
        const [fewer, more] = x <= y ? [x, y] : [y, x];
        const low = reachedStage(stages, tenSkills, firstN(tenSkills, fewer))?.reachedStage ?? 0;
        const high = reachedStage(stages, tenSkills, firstN(tenSkills, more))?.reachedStage ?? 0;
        expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });
});

describe('badges', () => {
  const whole = { scope: 'CampaignParticipation', threshold: 80 } as const;
  const tubeA = { scope: 'CappedTubes', threshold: 50, cappedTubes: [{ tubeId: tubeId('@a'), level: 2 }] } as const;

  it('a CampaignParticipation criterion is met at 8 of 10 skills for an 80 % threshold', () => {
    expect(evaluateCriterion(whole, tenSkills, firstN(tenSkills, 8))).toEqual({ met: true, progress: 100, validated: 8, skills: 10 });
  });

  it('below the threshold, progress is floor(100 × 100 × validated / (threshold × skills))', () => {
    expect(evaluateCriterion(whole, tenSkills, firstN(tenSkills, 7))).toEqual({ met: false, progress: 87, validated: 7, skills: 10 });
  });

  it('a CappedTubes criterion counts only the campaign skills of its tubes up to their caps', () => {
    expect(evaluateCriterion(tubeA, tenSkills, firstN(tenSkills, 1))).toEqual({ met: true, progress: 100, validated: 1, skills: 2 });
  });

  it('a badge is obtained only when every criterion is met, and its progress is the rounded mean', () => {
    const badge: Badge = { key: 'CHERCHEUR', criteria: [whole, tubeA] };
    expect(evaluateBadge(badge, tenSkills, firstN(tenSkills, 7))).toMatchObject({ obtained: false, progress: 94 });
    expect(evaluateBadge(badge, tenSkills, firstN(tenSkills, 8))).toMatchObject({ obtained: true, progress: 100 });
  });

  it('a criterion is met exactly when its progress is 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.nat(10), (threshold, validated) => {
        const result = evaluateCriterion({ scope: 'CampaignParticipation', threshold }, tenSkills, firstN(tenSkills, validated));
        expect(result.met).toBe(result.progress === 100);
        expect(result.progress).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
