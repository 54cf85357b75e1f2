import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skillId } from '../../src/brand';
import type { AnswerResult } from '../../src/answer-checking';
import type { KnowledgeElementDraft } from '../../src/knowledge';
import {
  currentKnowledgeElements,
  knowledgeElementsForAnswer,
  knowledgeElementsFromModel,
  skillsAssessedHere,
  tubeBounds,
} from '../../src/knowledge';
import { at, stored, tubeSkills } from './fixtures';

// Seeded so that a run is reproducible; a failure prints its own seed and path.
fc.configureGlobal({ seed: 20260901 });

const tube = tubeSkills('motsCles', [1, 2, 3, 4, 5]);
const otherTube = tubeSkills('droitImage', [1, 2, 3]);
const targets = [...tube, ...otherTube];
const now = at(10);
const summary = (drafts: KnowledgeElementDraft[]) => drafts.map((d) => `${d.skillId}:${d.status}:${d.source}:${d.earnedPix}`);

describe('knowledge elements created by an answer', () => {
  it('a success writes a validated direct element and validates every strictly lower level of the tube by rule', () => {
    const drafts = knowledgeElementsForAnswer({ skillId: skillId('@motsCles3'), result: 'ok' }, targets, new Set(), now);
    expect(summary(drafts)).toEqual([
      '@motsCles3:validated:direct:4',
      '@motsCles1:validated:inferred:4',
      '@motsCles2:validated:inferred:4',
    ]);
    expect(drafts.every((d) => d.createdAt === now)).toBe(true);
    expect(drafts.slice(1).every((d) => d.inference === 'rule')).toBe(true);
    expect(drafts[0]).not.toHaveProperty('inference');
  });

  it('a failure writes an invalidated direct element and invalidates every strictly higher level, with no pix', () => {
    const drafts = knowledgeElementsForAnswer({ skillId: skillId('@motsCles3'), result: 'ko' }, targets, new Set(), now);
    expect(summary(drafts)).toEqual([
      '@motsCles3:invalidated:direct:0',
      '@motsCles4:invalidated:inferred:0',
      '@motsCles5:invalidated:inferred:0',
    ]);
  });

  it('a right answer received late (timedout) is a failure and invalidates', () => {
    const drafts = knowledgeElementsForAnswer({ skillId: skillId('@motsCles5'), result: 'timedout' }, targets, new Set(), now);
    expect(summary(drafts)).toEqual(['@motsCles5:invalidated:direct:0']);
  });

  it('writes nothing at all when the answered skill was already assessed here', () => {
    const assessed = skillsAssessedHere(targets, [{ skillId: skillId('@motsCles3'), status: 'invalidated' }]);
    expect(knowledgeElementsForAnswer({ skillId: skillId('@motsCles3'), result: 'ok' }, targets, assessed, now)).toEqual([]);
  });

  it('writes nothing at all when the answered skill is not a target skill', () => {
    const capped = tube.slice(0, 2);
    expect(knowledgeElementsForAnswer({ skillId: skillId('@motsCles3'), result: 'ok' }, capped, new Set(), now)).toEqual([]);
  });

  it('does not infer on skills assessed here, nor outside the target skills or the tube', () => {
    const capped = tube.filter((s) => s.level !== 2);
    const assessed = skillsAssessedHere(capped, [{ skillId: skillId('@motsCles1'), status: 'invalidated' }]);
    const drafts = knowledgeElementsForAnswer({ skillId: skillId('@motsCles4'), result: 'ok' }, [...capped, ...otherTube], assessed, now);
    expect(summary(drafts)).toEqual(['@motsCles4:validated:direct:4', '@motsCles3:validated:inferred:4']);
  });

  it('counts only validated and invalidated elements of this assessment on target skills as assessed here', () => {
    const assessed = skillsAssessedHere(tube, [
      { skillId: skillId('@motsCles1'), status: 'validated' },
      { skillId: skillId('@motsCles2'), status: 'reset' },
      { skillId: skillId('@droitImage1'), status: 'validated' },
    ]);
    expect([...assessed]).toEqual([skillId('@motsCles1')]);
  });

  it('a new inference overrides an element from another assessment: the newest evidence wins', () => {
    const [first] = tube;
    if (!first) throw new Error('fixture');
    const earlier = stored(first, 'invalidated', at(1));
    const drafts = knowledgeElementsForAnswer({ skillId: skillId('@motsCles2'), result: 'ok' }, tube, new Set(), now);
    const written = drafts.map((d, i) => ({ ...d, id: 100 + i }));
    const profile = currentKnowledgeElements([earlier, ...written]);
    expect(profile.find((e) => e.skillId === first.id)?.status).toBe('validated');
  });

  it('within one assessment, answers in any order keep every tube consistent: floor below ceiling', () => {
    const answer = fc.record({
      skill: fc.constantFrom(...targets.map((s) => s.id)),
      result: fc.constantFrom<AnswerResult>('ok', 'ko', 'aband', 'timedout', 'focusedOut'),
    });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 12 }), (answers) => {
        const written: KnowledgeElementDraft[] = [];
        for (const a of answers) {
          written.push(...knowledgeElementsForAnswer({ skillId: a.skill, result: a.result }, targets, skillsAssessedHere(targets, written), now));
        }
        expect(new Set(written.map((d) => d.skillId)).size).toBe(written.length);
        for (const bounds of tubeBounds(targets, written).values()) {
          expect(bounds.floor).toBeLessThan(bounds.ceiling ?? 9);
        }
      }),
    );
  });
});

describe('knowledge elements from an engine model', () => {
  it('writes one model-inferred element per concluded target skill not assessed here', () => {
    const assessed = new Set([skillId('@motsCles1')]);
    const drafts = knowledgeElementsFromModel(
      [
        { skillId: skillId('@motsCles1'), status: 'validated' },
        { skillId: skillId('@motsCles4'), status: 'invalidated' },
        { skillId: skillId('@motsCles4'), status: 'invalidated' },
        { skillId: skillId('@unknown1'), status: 'validated' },
        { skillId: skillId('@droitImage2'), status: 'validated' },
      ],
      targets,
      assessed,
      now,
    );
    expect(drafts.map((d) => [d.skillId, d.status, d.source, d.inference, d.earnedPix])).toEqual([
      ['@motsCles4', 'invalidated', 'inferred', 'model', 0],
      ['@droitImage2', 'validated', 'inferred', 'model', 4],
    ]);
  });
});

describe('tube bounds, the compact equivalent', () => {
  it('gives the highest validated level as floor and the lowest invalidated level as ceiling', () => {
    const [m1, m2, m3, m4, m5] = tube;
    if (!m1 || !m2 || !m3 || !m4 || !m5) throw new Error('fixture');
    const elements = [stored(m1, 'validated', at(0)), stored(m2, 'validated', at(0)), stored(m4, 'invalidated', at(0)), stored(m5, 'invalidated', at(0))];
    const bounds = tubeBounds(targets, elements);
    expect(bounds.get(m1.tubeId)).toEqual({ floor: 2, ceiling: 4 });
    expect(bounds.get(otherTube[0]?.tubeId ?? m1.tubeId)).toEqual({ floor: 0, ceiling: undefined });
  });
});
