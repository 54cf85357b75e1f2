import { describe, expect, it } from 'vitest';
import { CalibrationInputError, parseCalibrationAnswers } from '../../src/irt/calibration-input';

describe('parseCalibrationAnswers', () => {
  it('reads one answer a line, only ok as a success, neutralised answers left out', () => {
    const text = [
      '{"learnerId":"u1","challengeId":"recA","result":"ok"}',
      '',
      '{"learnerId":"u1","challengeId":"recB","result":"timedout"}',
      '{"learnerId":"u2","challengeId":"recA","result":"focusedOut","neutralized":false}',
      '{"learnerId":"u2","challengeId":"recB","result":"ok","neutralized":true}',
      '{"learnerId":"u3","challengeId":"recC","result":"aband","position":4}',
    ].join('\n');
    expect(parseCalibrationAnswers(text)).toEqual({
      responses: [
        { learnerId: 'u1', challengeId: 'recA', ok: true },
        { learnerId: 'u1', challengeId: 'recB', ok: false },
        { learnerId: 'u2', challengeId: 'recA', ok: false },
        { learnerId: 'u3', challengeId: 'recC', ok: false },
      ],
      neutralized: 1,
    });
  });

  it.each([
    ['{"learnerId":"u1","challengeId":"recA"', 'line 2: not valid JSON'],
    ['[1, 2]', 'line 2: not a JSON object'],
    ['{"learnerId":"","challengeId":"recA","result":"ok"}', 'line 2: learnerId must be a non-empty string'],
    ['{"learnerId":"u1","challengeId":7,"result":"ok"}', 'line 2: challengeId must be a non-empty string'],
    ['{"learnerId":"u1","challengeId":"recA","result":"OK"}', 'line 2: unknown result "OK"'],
    ['{"learnerId":"u1","challengeId":"recA","result":"ok","neutralized":"yes"}', 'line 2: neutralized must be a boolean'],
  ])('names the first bad line: %s', (bad, message) => {
    const text = `{"learnerId":"u0","challengeId":"recA","result":"ko"}\n${bad}\n`;
    expect(() => parseCalibrationAnswers(text)).toThrow(CalibrationInputError);
    expect(() => parseCalibrationAnswers(text)).toThrow(message);
  });
});
