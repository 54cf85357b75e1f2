import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/answer-checking';
import { after, browsers, qcm, qcu, qroc, qrocmDep, qrocmInd, quickly } from './fixtures';

const value = (v: string | Record<string, string>) => ({ value: v });
const skip = { skipped: true } as const;
const resultOf = (outcome: ReturnType<typeof checkAnswer>) => (outcome.accepted ? outcome.result : outcome.rejection);

describe('answer checking: the worked examples of the spec', () => {
  describe('QCU and QCM', () => {
    it('#1 QCU: the same option number is ok', () => {
      expect(resultOf(checkAnswer(qcu('2'), value('2'), quickly))).toBe('ok');
    });
    it('#2 QCU: another option is ko', () => {
      expect(resultOf(checkAnswer(qcu('2'), value('3'), quickly))).toBe('ko');
    });
    it('#3 QCU: a skip is aband', () => {
      expect(resultOf(checkAnswer(qcu('2'), skip, quickly))).toBe('aband');
    });
    it('#4 QCU: option 5 of 4 is refused as ANSWER_MALFORMED', () => {
      expect(checkAnswer(qcu('2', { optionCount: 4 }), value('5'), quickly)).toEqual({
        accepted: false,
        rejection: 'ANSWER_MALFORMED',
      });
    });
    it('#5 QCM: the order of ticking is ignored', () => {
      expect(resultOf(checkAnswer(qcm('1,3'), value('3,1'), quickly))).toBe('ok');
    });
    it('#6 QCM: a subset of the right options is ko (no partial credit)', () => {
      expect(resultOf(checkAnswer(qcm('1,3'), value('1'), quickly))).toBe('ko');
    });
    it('#7 QCM: an extra wrong option is ko', () => {
      expect(resultOf(checkAnswer(qcm('1,3'), value('1,2,3'), quickly))).toBe('ko');
    });
    it('#40 QCM: options are parsed as integers, so 01 equals 1', () => {
      expect(resultOf(checkAnswer(qcm('1,3'), value('3,01'), quickly))).toBe('ok');
    });
  });

  describe('QROC strings and tolerances', () => {
    const cases: [number, string, string, ('t1' | 't2' | 't3')[], 'ok' | 'ko', string][] = [
      [8, 'Paris', 'paris', ['t1'], 'ok', 't1 lowercases'],
      [9, '  Élysée ', 'elysee', ['t1'], 'ok', 't1 trims and removes accents'],
      [10, 'Élysée', 'elysee', [], 'ko', 'without tolerance accents count'],
      [11, 'mot de passe', 'motdepasse', ['t1'], 'ok', 't1 removes inner spaces'],
      [12, 'mot\u00A0de passe', 'mot de passe', [], 'ok', 'pre-treatment turns a no-break space into a space'],
      [13, 'coeur', 'cœur', ['t1'], 'ok', 't1 folds the œ ligature'],
      [14, 'www.jalon.fr!', 'www.jalon.fr', ['t1', 't2'], 'ok', 'both become wwwjalonfr'],
      [15, 'Bonjour, monde', 'bonjour monde', ['t1', 't2'], 'ok', 'both become bonjourmonde'],
      [16, 'Bonjour ,  monde', 'Bonjour monde', ['t2'], 'ok', 't2 removes the comma and collapses spaces'],
      [17, 'Élysée', 'Élysée!', ['t2'], 'ok', 't2 keeps accented letters'],
      [18, 'Photoshopp', 'photoshop', ['t1', 't3'], 'ok', 't3 accepts 1 edit in 10'],
      [19, 'abcd', 'abce', ['t3'], 'ok', 't3 includes the 1/4 boundary'],
      [20, 'abc', 'abd', ['t3'], 'ko', 't3 refuses 1 edit in 3'],
      [21, 'ab', 'abc', ['t3'], 'ko', 't3 divides by the answer length (1/2)'],
      [22, 'https://wikipedia.org', 'wikipedia.org', ['t1', 't2', 't3'], 'ko', 't3 refuses 5 edits in 17'],
      [23, 'mozilla firefox', 'Firefox\nMozilla Firefox', ['t1'], 'ok', 'the second accepted line matches'],
    ];
    for (const [number, answer, solution, tolerances, expected, why] of cases) {
      it(`#${number} ${JSON.stringify(answer)} against ${JSON.stringify(solution)} with [${tolerances.join(' ')}] is ${expected}: ${why}`, () => {
        expect(resultOf(checkAnswer(qroc(solution, tolerances), value(answer), quickly))).toBe(expected);
      });
    }

    it('#34 an empty answer is refused as ANSWER_EMPTY', () => {
      expect(resultOf(checkAnswer(qroc('x', ['t1']), value(''), quickly))).toBe('ANSWER_EMPTY');
    });
  });

  describe('QROC numbers and select blocks', () => {
    it('#24 a number field compares 3,5 and 3.5 numerically', () => {
      expect(resultOf(checkAnswer(qroc('3.5', [], { format: 'number' }), value('3,5'), quickly))).toBe('ok');
    });
    it('#25 a number field ignores the spaces of 1 000', () => {
      expect(resultOf(checkAnswer(qroc('1000', [], { format: 'number' }), value('1 000'), quickly))).toBe('ok');
    });
    it('#26 a number field tells 3.51 from 3.5', () => {
      expect(resultOf(checkAnswer(qroc('3.5', [], { format: 'number' }), value('3.51'), quickly))).toBe('ko');
    });
    it('#27 a non-numeric answer to a number field falls back to strings, and trois is not 3', () => {
      expect(resultOf(checkAnswer(qroc('3', ['t1'], { format: 'number' }), value('trois'), quickly))).toBe('ko');
    });
    it('#28 a select value that is not one of the options is refused as ANSWER_MALFORMED', () => {
      const select = qroc('Option A', ['t1'], { block: { key: 'choice', options: ['Option A', 'Option B'] } });
      expect(resultOf(checkAnswer(select, value('option a'), quickly))).toBe('ANSWER_MALFORMED');
    });
  });

  describe('QROCM', () => {
    const dijon = qrocmInd({ ville: ['Dijon'], dep: ["Côte-d'Or", '21'] }, ['t1', 't2']);
    it("#29 QROCM-ind: cote d'or and Côte-d'Or both become cotedor", () => {
      expect(checkAnswer(dijon, value({ ville: 'Dijon', dep: "cote d'or" }), quickly)).toEqual({
        accepted: true,
        result: 'ok',
        details: { fields: { ville: true, dep: true } },
        timeSpent: 10,
      });
    });
    it('#30 QROCM-ind: one wrong field makes the answer ko, with per-field details', () => {
      const outcome = checkAnswer(dijon, value({ ville: 'Dijon', dep: 'Isère' }), quickly);
      expect(outcome).toMatchObject({ result: 'ko', details: { fields: { ville: true, dep: false } } });
    });
    it('#31 QROCM-dep: two fields fitting two distinct groups are ok', () => {
      const outcome = checkAnswer(qrocmDep(browsers, ['p1', 'p2'], ['t1']), value({ p1: 'Safari', p2: 'Google Chrome' }), quickly);
      expect(outcome).toMatchObject({ result: 'ok', details: { fields: { p1: true, p2: true }, unmatchedGroups: ['firefox', 'edge'] } });
    });
    it('#32 QROCM-dep: two fields fitting the same group are ko, as the group is used once', () => {
      const outcome = checkAnswer(qrocmDep(browsers, ['p1', 'p2'], ['t1']), value({ p1: 'Safari', p2: 'safari' }), quickly);
      expect(outcome).toMatchObject({
        result: 'ko',
        details: { fields: { p1: true, p2: false }, unmatchedGroups: ['firefox', 'chrome', 'edge'] },
      });
    });
    it('#33 QROCM-dep: t3 lets Safary fit safari (1 edit in 6)', () => {
      const outcome = checkAnswer(qrocmDep(browsers, ['p1', 'p2'], ['t1', 't3']), value({ p1: 'Safary', p2: 'Edge' }), quickly);
      expect(resultOf(outcome)).toBe('ok');
    });
    it('#39 QROCM-dep: the maximum matching finds the assignment a greedy match misses', () => {
      const outcome = checkAnswer(qrocmDep({ g1: ['abcd'], g2: ['abce'] }, ['p1', 'p2'], ['t3']), value({ p1: 'abcf', p2: 'abcdd' }), quickly);
      expect(outcome).toMatchObject({ result: 'ok', details: { fields: { p1: true, p2: true }, unmatchedGroups: [] } });
    });
  });

  describe('post-rules', () => {
    it('#35 a right answer after 63 s on a 60 s timer is timedout', () => {
      expect(resultOf(checkAnswer(qcu('2', { timer: 60 }), value('2'), after(63)))).toBe('timedout');
    });
    it('#36 a wrong answer after 90 s on a 60 s timer stays ko', () => {
      expect(resultOf(checkAnswer(qcu('2', { timer: 60 }), value('3'), after(90)))).toBe('ko');
    });
    it('#37 a right answer to a focused challenge whose focus was lost stays ok in a campaign', () => {
      const outcome = checkAnswer(qcu('2', { focused: true }), value('2'), after(5, { focusedOut: true, certification: false }));
      expect(resultOf(outcome)).toBe('ok');
    });
    it('#38 a right answer to a focused challenge whose focus was lost is focusedOut in certification', () => {
      const outcome = checkAnswer(qcu('2', { focused: true }), value('2'), after(5, { focusedOut: true, certification: true }));
      expect(resultOf(outcome)).toBe('focusedOut');
    });
  });
});
