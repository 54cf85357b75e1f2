import { describe, expect, it } from 'vitest';
import type { SkillId } from '../../src/brand';
import { assessmentSeedFromId } from '../../src/selection/assessment-seed';
import { smartRandom } from '../../src/selection/smart-random';
import type { AnswerResult } from '../../src/answer-checking';
import type { TargetSkill } from '../../src/selection/types';
import { generateSyntheticBank } from '../../src/simulation/bank';
import type { SyntheticLearner } from '../../src/simulation/learner';
import { runAssessment } from '../../src/simulation/run-assessment';
import { scenarioSkills, standardScenarios } from '../../src/simulation/scenarios';

/** Fixed answer patterns: each maps (answer index, skill level) to a result. */
const PATTERNS: Record<string, (index: number, level: number) => AnswerResult> = {
  'all-ok': () => 'ok',
  'all-ko': () => 'ko',
  alternating: (index) => (index % 2 === 0 ? 'ok' : 'ko'),
  'masters-up-to-2': (_, level) => (level <= 2 ? 'ok' : 'aband'),
};

function patternLearner(skills: readonly TargetSkill[], pattern: (index: number, level: number) => AnswerResult): SyntheticLearner {
  const levelOf = new Map<SkillId, number>(skills.map((s) => [s.id, s.level]));
  let index = 0;
  return {
    seed: 0,
    tubeLevel: new Map(),
    mastered: new Set(),
    answer: (challenge) => pattern(index++, levelOf.get(challenge.skillId) ?? 0),
  };
}

const bank = generateSyntheticBank(1);

describe('smart random golden masters', () => {
  for (const scenario of standardScenarios(bank, true).filter((s) => s.name === 'S1' || s.name === 'S2')) {
    it(`replays the recorded question sequences on ${bank.name} ${scenario.name}`, async () => {
      const skills = scenarioSkills(scenario);
      const challenges = skills.flatMap((s) => s.challenges);
      const lines: string[] = [];
      for (const [name, pattern] of Object.entries(PATTERNS)) {
        for (const assessmentId of ['golden-1', 'golden-2']) {
          const outcome = runAssessment({
            selector: smartRandom,
            skills,
            challenges,
            learner: patternLearner(skills, pattern),
            prior: [],
            assessmentSeed: assessmentSeedFromId(assessmentId),
          });
          const levelOf = new Map(skills.map((s) => [s.id as string, s.level]));
          const answers = outcome.seen.map((id, i) => `${id}:${pattern(i, levelOf.get(id.replace(/-\d+$/, '')) ?? 0)}`);
          lines.push(`${name} ${assessmentId} (${outcome.questions} questions)`, ...answers.map((a) => `  ${a}`));
          lines.push(`  validated: ${[...outcome.validated].sort().join(' ') || '-'}`);
        }
      }
      await expect(lines.join('\n') + '\n').toMatchFileSnapshot(`./__golden__/smart-random-${bank.name}-${scenario.name}.txt`);
    });
  }
});
