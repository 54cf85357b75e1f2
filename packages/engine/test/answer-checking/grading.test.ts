import { describe, expect, it } from 'vitest';
import { canonicalDecimal, checkAnswer, correctionFor, levenshtein, treat } from '../../src/answer-checking';
import { after, browsers, qcm, qcu, qroc, qrocmDep, quickly } from './fixtures';

const value = (v: string | Record<string, string>) => ({ value: v });
const skill = { hint: 'Pensez aux opérateurs', hintStatus: 'validated' as const, tutorials: ['tuto-a'], learningMoreTutorials: ['tuto-b'] };

describe('normalisation details', () => {
  it('t1 folds uppercase ligatures and the sharp s', () => {
    expect(treat('Œuvre ÆSOP Straße', ['t1'])).toBe('oeuvreaesopstrasse');
  });
  it('t1 folds an accented ligature too, so treating its output again changes nothing', () => {
    expect(treat('Ǣ', ['t1'])).toBe('ae');
  });
  it('t2 keeps letters of every script and decimal digits of every script', () => {
    expect(treat('Москва, 東京 — ٣!', ['t2'])).toBe('Москва 東京 ٣');
  });
  it('t1 then t2 removes both spaces and punctuation', () => {
    expect(treat(' L’Élysée-Palace ', ['t1', 't2'])).toBe('lelyseepalace');
  });
  it('edit distance counts code points, so one emoji is one edit', () => {
    expect(levenshtein('a😀', 'a🙂')).toBe(1);
  });
});

describe('numbers', () => {
  it('canonical decimals ignore leading zeros, trailing fractional zeros and a + sign', () => {
    expect(canonicalDecimal('+007,500')).toBe('7.5');
    expect(canonicalDecimal('-0.0')).toBe('0');
    expect(canonicalDecimal('- 2')).toBe('-2');
  });
  it('text with an exponent, two separators or letters is not numeric', () => {
    expect(canonicalDecimal('1e3')).toBeUndefined();
    expect(canonicalDecimal('1,000.5')).toBeUndefined();
    expect(canonicalDecimal('.5')).toBeUndefined();
  });
  it('a number field compares decimals exactly, beyond floating-point precision', () => {
    const challenge = qroc('0.30000000000000001', [], { format: 'number' });
    expect(checkAnswer(challenge, value('0.3'), quickly)).toMatchObject({ result: 'ko' });
    expect(checkAnswer(challenge, value('0,300000000000000010'), quickly)).toMatchObject({ result: 'ok' });
  });
  it('a number field with a non-numeric accepted answer compares strings with the tolerances', () => {
    const challenge = qroc('3\ntrois', ['t1'], { format: 'number' });
    expect(checkAnswer(challenge, value('Trois'), quickly)).toMatchObject({ result: 'ok' });
    expect(checkAnswer(challenge, value('3,0'), quickly)).toMatchObject({ result: 'ko' });
  });
});

describe('select blocks', () => {
  it('a select block compares exactly and ignores the tolerances', () => {
    const challenge = qroc('Oui', ['t1', 't3'], { block: { key: 'choice', options: ['Oui', 'Ouï', 'Non'] } });
    expect(checkAnswer(challenge, value('Ouï'), quickly)).toMatchObject({ result: 'ko' });
    expect(checkAnswer(challenge, value('Oui'), quickly)).toMatchObject({ result: 'ok' });
  });
});

describe('post-rules', () => {
  it('a right answer exactly at timer + 2 s is still ok', () => {
    expect(checkAnswer(qcu('2', { timer: 60 }), value('2'), after(62))).toMatchObject({ result: 'ok' });
  });
  it('time spent is rounded up to whole seconds', () => {
    const outcome = checkAnswer(qcu('2'), value('2'), after(4.001));
    expect(outcome).toMatchObject({ timeSpent: 5 });
  });
  it('a skip of a timed challenge is aband, however late', () => {
    expect(checkAnswer(qcu('2', { timer: 10 }), { skipped: true }, after(500))).toMatchObject({ result: 'aband' });
  });
  it('losing focus on a challenge that is not focused changes nothing, even in certification', () => {
    const outcome = checkAnswer(qcu('2'), value('2'), after(5, { focusedOut: true, certification: true }));
    expect(outcome).toMatchObject({ result: 'ok' });
  });
  it('a right answer both late and unfocused in certification is timedout, the timer rule coming first', () => {
    const outcome = checkAnswer(qcu('2', { timer: 10, focused: true }), value('2'), after(30, { focusedOut: true, certification: true }));
    expect(outcome).toMatchObject({ result: 'timedout' });
  });
});

describe('corrections', () => {
  it('after a QCM failure the correction shows the right options, the validated hint and the remedial tutorials', () => {
    const challenge = qcm('3,1');
    const outcome = checkAnswer(challenge, value('1'), quickly);
    if (!outcome.accepted) throw new Error('refused');
    expect(correctionFor(challenge, outcome, skill)).toEqual({
      result: 'ko',
      rightOptions: [1, 3],
      hint: 'Pensez aux opérateurs',
      tutorialIds: ['tuto-a'],
    });
  });
  it('after a success the correction suggests the learning-more tutorials and hides a hint that is not validated', () => {
    const challenge = { ...qroc('paris', ['t1']), solutionToDisplay: 'Paris' };
    const outcome = checkAnswer(challenge, value('Paris'), quickly);
    if (!outcome.accepted) throw new Error('refused');
    expect(correctionFor(challenge, outcome, { ...skill, hintStatus: 'proposed' })).toEqual({
      result: 'ok',
      solutionToDisplay: 'Paris',
      tutorialIds: ['tuto-b'],
    });
  });
  it('a QROCM-dep correction shows which fields fitted and the first variant of each unmatched group', () => {
    const challenge = qrocmDep(browsers, ['p1', 'p2'], ['t1']);
    const outcome = checkAnswer(challenge, value({ p1: 'Opera', p2: 'Google Chrome' }), quickly);
    if (!outcome.accepted) throw new Error('refused');
    expect(correctionFor(challenge, outcome, skill).fields).toEqual({
      fields: { p1: false, p2: true },
      unmatchedGroups: ['firefox', 'safari', 'edge'],
    });
  });
});
