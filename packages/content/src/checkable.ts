import type { CheckableChallenge, CorrectionSkill, Tolerance } from '@jalon/engine';
import { parseProposals } from './proposals';
import type { ReleaseChallenge, ReleaseSkill } from './release';
import { parseQrocmSolution } from './solution';

const tolerances: readonly string[] = ['t1', 't2', 't3'] satisfies Tolerance[];

/**
 * The shape the engine's answer checker grades (`checkAnswer`, `gradeValue`): options counted,
 * blocks parsed from the proposals, QROCM solutions read from their YAML. Only for challenges
 * of a release, which passed the linter; throws if the proposals or solution do not parse.
 */
export function toCheckableChallenge(challenge: ReleaseChallenge): CheckableChallenge {
  const parsed = parseProposals(challenge.type, challenge.proposals);
  if (!parsed.ok) throw new Error(`${challenge.id}: ${parsed.error}`);
  const common = {
    ...(challenge.timer !== undefined ? { timer: challenge.timer } : {}),
    focused: challenge.focused,
    ...(challenge.solutionToDisplay !== undefined ? { solutionToDisplay: challenge.solutionToDisplay } : {}),
  };
  if (parsed.value.kind === 'options') {
    if (challenge.type !== 'QCU' && challenge.type !== 'QCM') throw new Error(`${challenge.id}: options for ${challenge.type}`);
    return { ...common, type: challenge.type, optionCount: parsed.value.options.length, solution: challenge.solution };
  }
  const blocks = parsed.value.blocks.map((block) => ({ key: block.key, ...(block.options ? { options: block.options } : {}) }));
  const freeText = {
    ...common,
    tolerances: challenge.tolerances.filter((t): t is Tolerance => tolerances.includes(t)),
    format: challenge.format,
  };
  if (challenge.type === 'QROC') {
    const [block] = blocks;
    if (!block) throw new Error(`${challenge.id}: QROC without a block`);
    return { ...freeText, type: 'QROC', block, solution: challenge.solution };
  }
  const solution = parseQrocmSolution(challenge.solution);
  if (!solution.ok) throw new Error(`${challenge.id}: ${solution.error}`);
  if (challenge.type === 'QROCM-ind') {
    return { ...freeText, type: 'QROCM-ind', blocks, solution: Object.fromEntries(solution.value) };
  }
  if (challenge.type === 'QROCM-dep') {
    const groups = [...solution.value].map(([name, variants]) => ({ name, variants }));
    return { ...freeText, type: 'QROCM-dep', blocks, solution: groups };
  }
  throw new Error(`${challenge.id}: blocks for ${challenge.type}`);
}

/**
 * What the engine's `correctionFor` needs from a skill: its hint in the learner's language
 * (English when asked for and written, French otherwise) and its tutorial ids.
 */
export function toCorrectionSkill(skill: ReleaseSkill, locale: string): CorrectionSkill {
  const hint = skill.hint ? (locale === 'en' ? (skill.hint.en ?? skill.hint.fr) : skill.hint.fr) : undefined;
  return {
    ...(hint !== undefined ? { hint } : {}),
    hintStatus: skill.hintStatus,
    tutorials: skill.tutorials,
    learningMoreTutorials: skill.learningMoreTutorials,
  };
}

/**
 * The answer a challenge's own solution gives — what a learner who knows it would type:
 * the right options, the first accepted line, the first accepted value of each field.
 * For tests, benchmarks and previews; never sent to a learner.
 */
export function statedAnswer(challenge: ReleaseChallenge): string | Record<string, string> {
  const checkable = toCheckableChallenge(challenge);
  switch (checkable.type) {
    case 'QCU':
    case 'QCM':
      return checkable.solution;
    case 'QROC':
      return checkable.solution.split('\n')[0]!.trim();
    case 'QROCM-ind':
      return Object.fromEntries(Object.entries(checkable.solution).map(([key, accepted]) => [key, accepted[0]!]));
    case 'QROCM-dep':
      return Object.fromEntries(checkable.blocks.map((block, i) => [block.key, checkable.solution[i]!.variants[0]!]));
  }
}
