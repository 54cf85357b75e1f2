import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_LENGTH, validateAnswer } from '../../src/answer-checking';
import { qcm, qcu, qroc, qrocmInd } from './fixtures';

const value = (v: string | Record<string, string>) => ({ value: v });

describe('answer guards', () => {
  it('a skip is always accepted', () => {
    expect(validateAnswer(qcu('2'), { skipped: true })).toBeUndefined();
  });

  it('a value of spaces only is refused as ANSWER_EMPTY, no-break spaces included', () => {
    expect(validateAnswer(qroc('x', []), value(' \u00A0\t'))).toBe('ANSWER_EMPTY');
  });

  it('one empty QROCM field is refused as ANSWER_EMPTY before the keys are checked', () => {
    expect(validateAnswer(qrocmInd({ a: ['1'], b: ['2'] }, []), value({ a: ' ' }))).toBe('ANSWER_EMPTY');
  });

  it('a QCU answer with two options or a non-number is refused as ANSWER_MALFORMED', () => {
    expect(validateAnswer(qcu('2'), value('1,2'))).toBe('ANSWER_MALFORMED');
    expect(validateAnswer(qcu('2'), value('two'))).toBe('ANSWER_MALFORMED');
    expect(validateAnswer(qcu('2'), value('0'))).toBe('ANSWER_MALFORMED');
  });

  it('a QCM answer repeating an option, even written differently, is refused as ANSWER_MALFORMED', () => {
    expect(validateAnswer(qcm('1,3'), value('1,01'))).toBe('ANSWER_MALFORMED');
  });

  it('a QCM answer with an out-of-range option is refused as ANSWER_MALFORMED', () => {
    expect(validateAnswer(qcm('1,3', { optionCount: 4 }), value('1,5'))).toBe('ANSWER_MALFORMED');
  });

  it('a QROCM answer with a missing or an unknown key is refused as ANSWER_MALFORMED', () => {
    const challenge = qrocmInd({ a: ['1'], b: ['2'] }, []);
    expect(validateAnswer(challenge, value({ a: '1' }))).toBe('ANSWER_MALFORMED');
    expect(validateAnswer(challenge, value({ a: '1', b: '2', c: '3' }))).toBe('ANSWER_MALFORMED');
    expect(validateAnswer(challenge, value({ a: '1', c: '3' }))).toBe('ANSWER_MALFORMED');
  });

  it('an object sent to a QROC, or a string sent to a QROCM, is refused as ANSWER_MALFORMED', () => {
    expect(validateAnswer(qroc('x', []), value({ answer: 'x' }))).toBe('ANSWER_MALFORMED');
    expect(validateAnswer(qrocmInd({ a: ['1'], b: ['2'] }, []), value('1'))).toBe('ANSWER_MALFORMED');
  });

  it('a null, an array or a number as value is refused as ANSWER_MALFORMED', () => {
    const challenge = qrocmInd({ a: ['1'], b: ['2'] }, []);
    for (const bad of [null, ['1', '2'], 42]) {
      expect(validateAnswer(challenge, JSON.parse(JSON.stringify({ value: bad })))).toBe('ANSWER_MALFORMED');
    }
  });

  it('a QROCM select field outside its options is refused as ANSWER_MALFORMED', () => {
    const challenge = qrocmInd({ a: ['Oui'], b: ['2'] }, [], [{ key: 'a', options: ['Oui', 'Non'] }, { key: 'b' }]);
    expect(validateAnswer(challenge, value({ a: 'Peut-être', b: '2' }))).toBe('ANSWER_MALFORMED');
    expect(validateAnswer(challenge, value({ a: 'Non', b: '2' }))).toBeUndefined();
  });

  it('a field longer than 5,000 code points is refused as ANSWER_TOO_LONG, and one of exactly 5,000 is accepted', () => {
    expect(validateAnswer(qroc('x', []), value('é'.repeat(MAX_ANSWER_LENGTH)))).toBeUndefined();
    expect(validateAnswer(qroc('x', []), value('😀'.repeat(MAX_ANSWER_LENGTH)))).toBeUndefined();
    expect(validateAnswer(qroc('x', []), value('x'.repeat(MAX_ANSWER_LENGTH + 1)))).toBe('ANSWER_TOO_LONG');
  });
});
