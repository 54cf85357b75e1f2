import { describe, expect, it } from 'vitest';
import { epochMs, level } from '../../src/brand';
import {
  campaignRetryDelay,
  canImproveCompetence,
  canResetCompetence,
  currentKnowledgeElements,
  keptByForgettingRule,
  lastMovedAt,
  resetElements,
} from '../../src/knowledge';
import { DAY, at, stored, tubeSkills } from './fixtures';

const [s1, s2, s3] = tubeSkills('motsCles', [1, 2, 3]);
if (!s1 || !s2 || !s3) throw new Error('fixture');

describe('the 4-day forgetting rule', () => {
  const start = at(10);
  it('keeps a validated element however old', () => {
    const old = stored(s1, 'validated', at(-300));
    expect(keptByForgettingRule([old], start)).toEqual([old]);
  });
  it('keeps a failure created less than 4 days before the assessment started', () => {
    const recent = stored(s1, 'invalidated', epochMs(start - 4 * DAY + 1));
    expect(keptByForgettingRule([recent], start)).toEqual([recent]);
  });
  it('drops a failure created exactly 4 days (345,600 s) before the assessment started', () => {
    expect(keptByForgettingRule([stored(s1, 'invalidated', epochMs(start - 345_600_000))], start)).toEqual([]);
  });
});

describe('waiting periods', () => {
  it('a campaign retry 1 day and 1 ms after sharing waits 3 days, rounded up from 2.99…', () => {
    const period = campaignRetryDelay(at(0), epochMs(at(1) + 1));
    expect(period).toEqual({ over: false, remaining: 3 * DAY - 1, remainingDays: 3 });
  });
  it('a campaign retry exactly 4 days after sharing is allowed', () => {
    expect(campaignRetryDelay(at(0), at(4))).toEqual({ over: true, remaining: 0, remainingDays: 0 });
  });
});

describe('improving and resetting a competence', () => {
  const elements = [stored(s1, 'validated', at(0)), stored(s2, 'invalidated', at(2)), stored(s3, 'invalidated', at(20), { participationId: 'exam' })];

  it('a competence last moved at its newest element outside EXAM rows', () => {
    expect(lastMovedAt(elements)).toBe(at(2));
    expect(lastMovedAt([])).toBeUndefined();
  });

  it('improving is allowed 4 days after the competence last moved, below the maximum level, once evaluated', () => {
    const check = { evaluationCompleted: true, level: level(2), maxReachableLevel: level(7), elements };
    expect(canImproveCompetence({ ...check, now: at(6) })).toBe(true);
    expect(canImproveCompetence({ ...check, now: epochMs(at(6) - 1) })).toBe(false);
    expect(canImproveCompetence({ ...check, now: at(6), level: level(7) })).toBe(false);
    expect(canImproveCompetence({ ...check, now: at(6), evaluationCompleted: false })).toBe(false);
  });

  it('resetting is allowed 7 days after the competence last moved, and only when it holds current elements', () => {
    expect(canResetCompetence(elements, at(9))).toBe(true);
    expect(canResetCompetence(elements, epochMs(at(9) - 1))).toBe(false);
    const alreadyReset = [...elements, stored(s1, 'reset', at(3)), stored(s2, 'reset', at(3))];
    expect(canResetCompetence(alreadyReset, at(30))).toBe(false);
  });

  it('a reset appends a reset copy of each current element on the skills, with no pix, which empties the profile', () => {
    const profile = [stored(s1, 'validated', at(0)), stored(s2, 'validated', at(0), { source: 'inferred', inference: 'rule' })];
    const drafts = resetElements(profile, new Set([s1.id, s2.id]), at(9));
    expect(drafts).toHaveLength(2);
    expect(drafts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ skillId: s1.id, status: 'reset', earnedPix: 0, createdAt: at(9), source: 'direct' }),
        expect.objectContaining({ skillId: s2.id, status: 'reset', earnedPix: 0, source: 'inferred', inference: 'rule' }),
      ]),
    );
    const written = drafts.map((d, i) => ({ ...d, id: 1000 + i }));
    expect(currentKnowledgeElements([...profile, ...written])).toEqual([]);
  });

  it('a campaign reset leaves skills outside the campaign untouched', () => {
    const profile = [stored(s1, 'validated', at(0)), stored(s3, 'validated', at(0))];
    expect(resetElements(profile, new Set([s3.id]), at(9)).map((d) => d.skillId)).toEqual([s3.id]);
  });
});
