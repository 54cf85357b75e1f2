import type { AnswerResult } from '../answer-checking';
import type { CalibrationResponse } from './calibration';

const RESULTS: ReadonlySet<string> = new Set<AnswerResult>(['ok', 'ko', 'aband', 'timedout', 'focusedOut']);

/** A line of the answers file that could not be read. */
export class CalibrationInputError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CalibrationInputError';
  }
}

/**
 * Reads recorded answers, one JSON object a line: `{"learnerId", "challengeId", "result"}` with
 * the stored result (`ok` is the only success, as in the scoring) and an optional
 * `"neutralized": true`, which leaves the line out as the scoring does. Blank lines are skipped.
 * @throws CalibrationInputError on the first malformed line.
 */
export function parseCalibrationAnswers(text: string): { responses: CalibrationResponse[]; neutralized: number } {
  const responses: CalibrationResponse[] = [];
  let neutralized = 0;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new CalibrationInputError(line, 'not valid JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CalibrationInputError(line, 'not a JSON object');
    const { learnerId, challengeId, result, neutralized: isNeutralized } = value as Record<string, unknown>;
    if (typeof learnerId !== 'string' || learnerId === '') throw new CalibrationInputError(line, 'learnerId must be a non-empty string');
    if (typeof challengeId !== 'string' || challengeId === '') throw new CalibrationInputError(line, 'challengeId must be a non-empty string');
    if (typeof result !== 'string' || !RESULTS.has(result)) throw new CalibrationInputError(line, `unknown result ${JSON.stringify(result)}`);
    if (isNeutralized !== undefined && typeof isNeutralized !== 'boolean') throw new CalibrationInputError(line, 'neutralized must be a boolean');
    if (isNeutralized === true) {
      neutralized++;
      return;
    }
    responses.push({ learnerId, challengeId, ok: result === 'ok' });
  });
  return { responses, neutralized };
}
