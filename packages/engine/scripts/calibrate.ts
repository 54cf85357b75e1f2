// Offline 2PL calibration: `npm run calibrate -- --input answers.jsonl --output params.json`
// [--anchors params.json] [--population-mean -0.5] [--population-sd 1.5] [--min-answers 100]
// [--max-iterations 500] [--tolerance 1e-4].
// Reads and writes files only; the estimation is `calibrate` of the engine (README « IRT »).
// Exit code 1 on bad input, 2 when EM stopped before converging (the output is still written).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CalibrationInputError,
  DEFAULT_CALIBRATION_POPULATION,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_MIN_ANSWERS,
  DEFAULT_TOLERANCE,
  calibrate,
  parseCalibrationAnswers,
  type IrtParameters,
} from '../src/index';

function fail(message: string): never {
  process.stderr.write(`calibrate: ${message}\n`);
  process.exit(1);
}

function numberOption(name: string, text: string | undefined, fallback: number, whole = false): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    fail(`--${name} must be a positive ${whole ? 'whole ' : ''}number, got ${text}`);
  }
  return value;
}

/** Anchors: a previous output (`{items: {id: {difficulty, discrimination, …}}}`) or a plain `{id: {difficulty, discrimination}}`. */
function readAnchors(file: string): Record<string, IrtParameters> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(file));
  } catch {
    fail(`${file} is not valid JSON`);
  }
  const table = (typeof parsed === 'object' && parsed !== null && 'items' in parsed ? parsed.items : parsed) as Record<string, unknown>;
  const anchors: Record<string, IrtParameters> = {};
  for (const [id, value] of Object.entries(table)) {
    const { difficulty, discrimination } = (value ?? {}) as Record<string, unknown>;
    if (typeof difficulty !== 'number' || typeof discrimination !== 'number') fail(`anchor ${id} needs numeric difficulty and discrimination`);
    anchors[id] = { difficulty, discrimination };
  }
  return anchors;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
}

const round = (value: number): number => (Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : value);

const { values: args } = parseArgs({
  options: {
    input: { type: 'string' },
    output: { type: 'string' },
    anchors: { type: 'string' },
    'population-mean': { type: 'string' },
    'population-sd': { type: 'string' },
    'min-answers': { type: 'string' },
    'max-iterations': { type: 'string' },
    tolerance: { type: 'string' },
  },
});
if (!args.input || !args.output) fail('usage: npm run calibrate -- --input answers.jsonl --output params.json [--anchors params.json]');

let parsed: ReturnType<typeof parseCalibrationAnswers>;
try {
  parsed = parseCalibrationAnswers(readText(args.input));
} catch (error) {
  if (error instanceof CalibrationInputError) fail(`${args.input} ${error.message}`);
  throw error;
}
const anchors = args.anchors ? readAnchors(args.anchors) : undefined;
const populationMean = args['population-mean'] === undefined ? DEFAULT_CALIBRATION_POPULATION.mean : Number(args['population-mean']);
if (!Number.isFinite(populationMean)) fail(`--population-mean must be a number, got ${args['population-mean']}`);
const options = {
  population: { mean: populationMean, sd: numberOption('population-sd', args['population-sd'], DEFAULT_CALIBRATION_POPULATION.sd) },
  minAnswers: numberOption('min-answers', args['min-answers'], DEFAULT_MIN_ANSWERS, true),
  maxIterations: numberOption('max-iterations', args['max-iterations'], DEFAULT_MAX_ITERATIONS, true),
  tolerance: numberOption('tolerance', args.tolerance, DEFAULT_TOLERANCE),
  ...(anchors ? { anchors } : {}),
};
let result: ReturnType<typeof calibrate>;
try {
  result = calibrate(parsed.responses, options);
} catch (error) {
  // Invalid anchors or options: a message, not a stack trace.
  if (error instanceof RangeError) fail(error.message);
  throw error;
}

const items = Object.fromEntries(
  Object.entries(result.items).map(([id, item]) => [
    id,
    {
      difficulty: round(item.difficulty),
      discrimination: round(item.discrimination),
      answers: item.answers,
      successRate: round(item.successRate),
      standardErrors: { difficulty: round(item.standardErrors.difficulty), discrimination: round(item.standardErrors.discrimination) },
      anchored: item.anchored,
    },
  ]),
);
writeFileSync(
  args.output,
  `${JSON.stringify(
    {
      model: '2PL',
      converged: result.converged,
      iterations: result.iterations,
      learners: result.learners,
      answers: parsed.responses.length,
      neutralized: parsed.neutralized,
      duplicates: result.duplicates,
      logLikelihood: round(result.logLikelihood),
      population: { mean: round(result.population.mean), sd: round(result.population.sd) },
      items,
      skipped: result.skipped,
    },
    null,
    2,
  )}\n`,
);

const calibrated = Object.values(result.items).filter((item) => !item.anchored);
const widest = [...calibrated].sort((a, b) => b.standardErrors.difficulty - a.standardErrors.difficulty)[0];
process.stdout.write(
  [
    `${parsed.responses.length} answers of ${result.learners} learners (${parsed.neutralized} neutralised, ${result.duplicates} repeated answers ignored)`,
    `${calibrated.length} items calibrated, ${Object.keys(result.items).length - calibrated.length} anchors, ${result.skipped.length} skipped (fewer answers than the minimum)`,
    `EM: ${result.converged ? 'converged' : 'NOT converged'} after ${result.iterations} iterations, log-likelihood ${result.logLikelihood.toFixed(2)}`,
    `population: mean ${result.population.mean.toFixed(3)}, sd ${result.population.sd.toFixed(3)} (${anchors ? 'estimated on the anchors’ scale' : 'fixed'})`,
    widest ? `widest standard error of δ: ${widest.standardErrors.difficulty.toFixed(3)}` : 'no item calibrated',
    `written to ${args.output}`,
    '',
  ].join('\n'),
);
if (!result.converged) process.exitCode = 2;
