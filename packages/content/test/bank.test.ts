import { checkAnswer, correctionFor, epochMs } from '@jalon/engine';
import type { AnswerPayload } from '@jalon/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  contentStats,
  coreContentDir,
  lintContent,
  loadContent,
  loadRelease,
  toCheckableChallenge,
  toCorrectionSkill,
} from '../src/index';
import type { Release, ReleaseChallenge } from '../src/index';
import { parseProposals } from '../src/proposals';
import { parseQrocmSolution, parseQrocSolution } from '../src/solution';

const asked = { askedAt: epochMs(0), receivedAt: epochMs(1000) };

/** The answers a learner gives when typing or ticking exactly a stated solution (every QROC line). */
function statedSolutions(challenge: ReleaseChallenge): AnswerPayload[] {
  if (challenge.type === 'QCU' || challenge.type === 'QCM') return [{ value: challenge.solution }];
  if (challenge.type === 'QROC') return parseQrocSolution(challenge.solution).map((value) => ({ value }));
  const parsed = parseProposals(challenge.type, challenge.proposals);
  const solution = parseQrocmSolution(challenge.solution);
  if (!parsed.ok || parsed.value.kind !== 'blocks' || !solution.ok) throw new Error(challenge.id);
  const groups = [...solution.value.values()];
  const value = Object.fromEntries(
    parsed.value.blocks.map((block, index) => [
      block.key,
      (challenge.type === 'QROCM-ind' ? solution.value.get(block.key) : groups[index])?.[0] ?? '',
    ]),
  );
  return [{ value }];
}

/** A wrong choice: another option for a QCU; for a QCM, one wrong option ticked too, or a right one left out. */
function wrongChoice(challenge: ReleaseChallenge, optionCount: number): string {
  const right = challenge.solution.split(',').map(Number);
  const wrong = Array.from({ length: optionCount }, (_, i) => i + 1).filter((n) => !right.includes(n));
  if (challenge.type === 'QCU') return String(wrong[0]);
  return wrong.length > 0 ? [...right, wrong[0]].join(',') : right.slice(1).join(',');
}

describe('the content bank', () => {
  let release: Release;
  beforeAll(() => {
    release = loadRelease({ dirs: [coreContentDir] }).release;
  });

  it('passes the linter with no error', () => {
    const content = loadContent([coreContentDir]);
    expect(lintContent(content).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('accepts every stated solution with the engine answer checker', () => {
    const refused = release.challenges
      .filter((challenge) => challenge.status === 'validated')
      .filter((challenge) => {
        const checkable = toCheckableChallenge(challenge);
        return statedSolutions(challenge).some((answer) => {
          const checked = checkAnswer(checkable, answer, asked);
          return !(checked.accepted && checked.result === 'ok');
        });
      })
      .map((challenge) => challenge.id);
    expect(refused).toEqual([]);
  });

  it('corrects a previewed challenge answered with its own solution: ok, hint and « pour en savoir plus » tutorials', () => {
    const challenge = release.challenges.find((c) => c.id === '@motsCles1-03');
    const skill = release.skills.find((s) => s.id === '@motsCles1');
    if (!challenge || !skill) throw new Error('missing content');
    const checkable = toCheckableChallenge(challenge);
    const checked = checkAnswer(checkable, { value: challenge.solution }, asked);
    if (!checked.accepted) throw new Error(checked.rejection);
    const correction = correctionFor(checkable, checked, toCorrectionSkill(skill, 'en'));
    expect(correction).toMatchObject({ result: 'ok', hint: 'Keep only the important words of your question.', tutorialIds: skill.learningMoreTutorials });
  });

  it('rejects a wrong option of every QCU and QCM', () => {
    const accepted = release.challenges
      .filter((challenge) => challenge.type === 'QCU' || challenge.type === 'QCM')
      .filter((challenge) => {
        const checkable = toCheckableChallenge(challenge);
        if (checkable.type !== 'QCU' && checkable.type !== 'QCM') return true;
        const checked = checkAnswer(checkable, { value: wrongChoice(challenge, checkable.optionCount) }, asked);
        return !(checked.accepted && checked.result === 'ko');
      })
      .map((challenge) => challenge.id);
    expect(accepted).toEqual([]);
  });

  it('meets the figures of the content issue', () => {
    const content = loadContent([coreContentDir]);
    const stats = contentStats(content, lintContent(content));
    const total = Object.values(stats.challenges).reduce((a, b) => a + b, 0);
    expect(stats.competences).toBe(16);
    expect(stats.tubes).toBeGreaterThanOrEqual(48);
    expect(stats.skills).toBeGreaterThanOrEqual(200);
    expect(total).toBeGreaterThanOrEqual(400);
    expect(stats.timed * 10).toBeGreaterThanOrEqual(total);
    expect(stats.withIllustration).toBeGreaterThanOrEqual(20);
    expect(stats.withAttachment).toBeGreaterThanOrEqual(10);
    expect(release.challenges.filter((c) => c.focused).length).toBeGreaterThanOrEqual(5);
    expect(stats.targetProfiles).toBeGreaterThanOrEqual(22);
  });

  it('has at least three tubes per competence, with consecutive levels from 1 and two French challenges per skill up to level 4', () => {
    const problems: string[] = [];
    for (const competence of release.competences) {
      const tubes = release.tubes.filter((tube) => tube.competenceId === competence.id);
      if (tubes.length < 3) problems.push(`${competence.id}: ${tubes.length} tubes`);
      for (const tube of tubes) {
        const skills = release.skills.filter((skill) => skill.tubeId === tube.id && skill.status === 'active');
        if (skills.map((s) => s.level).join() !== Array.from({ length: tube.maxLevel }, (_, i) => i + 1).join()) problems.push(`${tube.id}: levels`);
        if (tube.maxLevel < 4) problems.push(`${tube.id}: max level ${tube.maxLevel}`);
        for (const skill of skills) {
          const french = release.challenges.filter((c) => c.skillId === skill.id && c.status === 'validated' && c.locales.includes('fr'));
          if (french.length < (skill.level <= 4 ? 2 : 1)) problems.push(`${skill.id}: ${french.length} French challenges`);
        }
      }
    }
    const reachingFive = release.tubes.filter((tube) => tube.maxLevel >= 5).length;
    expect(problems).toEqual([]);
    expect(reachingFive * 2).toBeGreaterThanOrEqual(release.tubes.length);
    expect(release.tubes.some((tube) => tube.maxLevel >= 6)).toBe(true);
  });

  it('spreads the right answers of QCU over the option positions and shuffles every QCU and QCM', () => {
    const choices = release.challenges.filter((c) => c.type === 'QCU' || c.type === 'QCM');
    const qcu = choices.filter((c) => c.type === 'QCU');
    const atFirst = qcu.filter((c) => c.solution === '1').length;
    expect(atFirst * 2).toBeLessThan(qcu.length);
    expect(choices.filter((c) => !c.shuffled).map((c) => c.id)).toEqual([]);
  });

  it('offers every challenge type in every area', () => {
    const missing = release.areas.flatMap((area) => {
      const types = new Set(release.challenges.filter((c) => area.competenceIds.includes(c.competenceId)).map((c) => c.type));
      return ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'].filter((type) => !types.has(type as ReleaseChallenge['type'])).map((type) => `${area.id} ${type}`);
    });
    expect(missing).toEqual([]);
  });

  it('gives every tube two tutorials and every skill a « pour réussir » tutorial', () => {
    const problems = release.tubes.flatMap((tube) => {
      const skills = release.skills.filter((skill) => skill.tubeId === tube.id);
      const tutorials = new Set(skills.flatMap((skill) => [...skill.tutorials, ...skill.learningMoreTutorials]));
      return [
        ...(tutorials.size < 2 ? [`${tube.id}: ${tutorials.size} tutorials`] : []),
        ...skills.filter((skill) => skill.tutorials.length === 0).map((skill) => `${skill.id}: no tutorial`),
      ];
    });
    expect(problems).toEqual([]);
  });
});
