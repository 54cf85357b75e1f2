import { parse } from 'yaml';
import type { ChallengeFile } from './schema';
import type { ParseResult } from './proposals';

/**
 * The solution as the spec writes it (content-model §4.2), whatever form the file used:
 * QCU `2`, QCM `1,3`, QROC one accepted answer per line, QROCM YAML text.
 */
export function solutionText(solution: ChallengeFile['solution']): string {
  if (typeof solution === 'number') return String(solution);
  if (typeof solution === 'string') return solution.trimEnd();
  // One `key: ["…", "…"]` line per block or group, as the spec writes them; JSON is valid YAML.
  const key = (name: string): string => (/^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name));
  return Object.entries(solution)
    .map(([name, answers]) => `${key(name)}: ${JSON.stringify(answers)}`)
    .join('\n');
}

/** QCU/QCM solution → option numbers, in the order written. */
export function parseChoiceSolution(text: string): ParseResult<number[]> {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) return { ok: false, error: `"${text}" is not a list of option numbers` };
  return { ok: true, value: parts.map((part) => Number.parseInt(part, 10)) };
}

/** QROC solution → accepted answers: its non-empty lines, trimmed. */
export function parseQrocSolution(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** QROCM solution → block key (or group) → accepted answers. */
export function parseQrocmSolution(text: string): ParseResult<Map<string, string[]>> {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return { ok: false, error: `solution is not YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, error: 'solution must be a map of lists' };
  }
  const map = new Map<string, string[]>();
  for (const [key, value] of Object.entries(data)) {
    const list = Array.isArray(value) ? value : [value];
    const answers = list
      .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
      .map((item) => String(item).trim())
      .filter((item) => item !== '');
    if (answers.length === 0 || answers.length !== list.length) {
      return { ok: false, error: `solution of ${key} must be a non-empty list of non-empty answers` };
    }
    map.set(key, answers);
  }
  if (map.size === 0) return { ok: false, error: 'solution is empty' };
  return { ok: true, value: map };
}

/** Numeric in the sense of answer-checking §4: digits with an optional `.` or `,` decimal part. */
export function isNumericAnswer(answer: string): boolean {
  return /^[+-]?\d+(\.\d+)?$/.test(answer.replace(/\s/g, '').replace(',', '.'));
}

/**
 * Whether an accepted answer would be erased by the tolerances (answer-checking §3):
 * t1 removes whitespace and accents, t2 everything but letters, digits and whitespace.
 */
export function becomesEmpty(answer: string, tolerances: readonly string[]): boolean {
  let text = answer.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ');
  if (tolerances.includes('t1')) text = text.normalize('NFD').replace(/[\u0300-\u036f\s]/g, '');
  if (tolerances.includes('t2')) text = text.replace(/[^\p{L}\p{Nd}]/gu, '');
  return text.trim() === '';
}
