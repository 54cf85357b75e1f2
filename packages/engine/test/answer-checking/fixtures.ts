import { epochMs } from '../../src/brand';
import type {
  AnswerBlock,
  AnswerContext,
  AnswerFormat,
  ChoiceChallenge,
  QrocChallenge,
  QrocmDepChallenge,
  QrocmIndChallenge,
  Tolerance,
} from '../../src/answer-checking';

export const quickly: AnswerContext = { askedAt: epochMs(0), receivedAt: epochMs(10_000) };

export const after = (seconds: number, extra: Partial<AnswerContext> = {}): AnswerContext => ({
  askedAt: epochMs(1_000_000),
  receivedAt: epochMs(1_000_000 + seconds * 1000),
  ...extra,
});

export const qcu = (solution: string, extra: Partial<ChoiceChallenge> = {}): ChoiceChallenge => ({
  type: 'QCU',
  optionCount: 4,
  solution,
  ...extra,
});

export const qcm = (solution: string, extra: Partial<ChoiceChallenge> = {}): ChoiceChallenge => ({
  type: 'QCM',
  optionCount: 4,
  solution,
  ...extra,
});

export const qroc = (
  solution: string,
  tolerances: Tolerance[],
  extra: { format?: AnswerFormat; block?: AnswerBlock; timer?: number } = {},
): QrocChallenge => ({
  type: 'QROC',
  block: extra.block ?? { key: 'answer' },
  solution,
  tolerances,
  ...(extra.format ? { format: extra.format } : {}),
  ...(extra.timer ? { timer: extra.timer } : {}),
});

export const qrocmInd = (
  solution: Record<string, string[]>,
  tolerances: Tolerance[],
  blocks: AnswerBlock[] = Object.keys(solution).map((key) => ({ key })),
): QrocmIndChallenge => ({ type: 'QROCM-ind', blocks, solution, tolerances });

export const qrocmDep = (
  groups: Record<string, string[]>,
  keys: string[],
  tolerances: Tolerance[],
): QrocmDepChallenge => ({
  type: 'QROCM-dep',
  blocks: keys.map((key) => ({ key })),
  solution: Object.entries(groups).map(([name, variants]) => ({ name, variants })),
  tolerances,
});

export const browsers = { g1: ['firefox'], g2: ['chrome', 'google chrome'], g3: ['safari'], g4: ['edge'] };
