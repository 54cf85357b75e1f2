import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../../src/answer-checking';
import type { CompetenceId } from '../../src/brand';
import { competenceId, epochMs, level, pix } from '../../src/brand';
import type { KnowledgeElementDraft, StoredKnowledgeElement } from '../../src/knowledge';
import { currentKnowledgeElements, knowledgeElementsForAnswer, skillsAssessedHere } from '../../src/knowledge';
import { competenceScore, competenceScores, masteryRate, PIX_PER_LEVEL } from '../../src/scoring';
import { tubeSkills } from '../knowledge/fixtures';

// Seeded so that a run is reproducible; a failure prints its own seed and path.
fc.configureGlobal({ seed: 20260901 });

const c11: CompetenceId = competenceId('c1.1');
// Three tubes of one competence; 3 skills at levels 1–3, 2 at 4, 1 at 5: values 8/3, 4 and 4.
const skills = [
  ...tubeSkills('a', [1, 2, 3]).map((s) => ({ ...s, pixValue: pix(s.level <= 3 ? 8 / 3 : 4) })),
  ...tubeSkills('b', [1, 2, 3, 4]).map((s) => ({ ...s, pixValue: pix(s.level <= 3 ? 8 / 3 : 4) })),
  ...tubeSkills('c', [1, 2, 3, 4, 5]).map((s) => ({ ...s, pixValue: pix(s.level <= 3 ? 8 / 3 : 4) })),
];
const anySkill = fc.constantFrom(...skills.map((s) => s.id));
const answers = fc.array(fc.record({ skillId: anySkill, result: fc.constantFrom<AnswerResult>('ok', 'ko', 'aband') }), { maxLength: 10 });

describe('scoring: properties', () => {
  it('capped pix and level stay in range and agree with each other', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.integer({ min: 1, max: 8 }), (exact, max) => {
        const score = competenceScore(pix(exact), level(max));
        expect(score.level).toBeGreaterThanOrEqual(0);
        expect(score.level).toBeLessThanOrEqual(max);
        expect(score.pix).toBeLessThanOrEqual(max * PIX_PER_LEVEL);
        expect(Math.floor(score.pix / PIX_PER_LEVEL)).toBe(score.level);
        expect(score.progressToNextLevel).toBeGreaterThanOrEqual(0);
        expect(score.progressToNextLevel).toBeLessThan(1);
      }),
    );
  });

  it('a mastery rate is a probability', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), (a, b) => {
        const [validated, total] = a <= b ? [a, b] : [b, a];
        const rate = masteryRate(validated, total);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a right answer never lowers the competence level nor its pix, whatever came before', () => {
    fc.assert(
      fc.property(answers, answers, anySkill, (earlier, here, answered) => {
        let clock = 0;
        const log: StoredKnowledgeElement[] = [];
        const append = (drafts: KnowledgeElementDraft[]) =>
          log.push(...drafts.map((d) => ({ ...d, createdAt: epochMs(++clock), id: log.length + 1 })));
        // An earlier assessment, then this one.
        const earlierElements: KnowledgeElementDraft[] = [];
        for (const a of earlier) {
          const drafts = knowledgeElementsForAnswer(a, skills, skillsAssessedHere(skills, earlierElements), epochMs(++clock));
          earlierElements.push(...drafts);
          append(drafts);
        }
        const hereElements: KnowledgeElementDraft[] = [];
        for (const a of here) {
          const drafts = knowledgeElementsForAnswer(a, skills, skillsAssessedHere(skills, hereElements), epochMs(++clock));
          hereElements.push(...drafts);
          append(drafts);
        }
        const before = competenceScores(currentKnowledgeElements(log), [c11]).get(c11);
        append(knowledgeElementsForAnswer({ skillId: answered, result: 'ok' }, skills, skillsAssessedHere(skills, hereElements), epochMs(++clock)));
        const after = competenceScores(currentKnowledgeElements(log), [c11]).get(c11);
        expect(after?.level).toBeGreaterThanOrEqual(before?.level ?? 0);
        expect(after?.pix).toBeGreaterThanOrEqual(before?.pix ?? 0);
        // Float sums in another order may differ in the last bit.
        expect(after?.exactPix).toBeGreaterThanOrEqual((before?.exactPix ?? 0) - 1e-9);
      }),
    );
  });
});
