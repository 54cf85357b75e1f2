/**
 * Engine benchmark (spec §8.1): runs smart random and Jalon's selector on the same synthetic
 * learners and checks the targets of §8.2.
 *
 *   npm run bench:engine                 200 learners per scenario, human table
 *   npm run bench:engine -- --json       the same, as the JSON report of §8.1
 *   npm run bench:engine -- --full       2,000 learners per scenario
 *   npm run bench:engine -- --only=S1,S4 --learners=50   a quick look while developing
 *
 * The process exits with status 1 when a target is missed, so CI fails.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jalonSelector } from '../packages/engine/src/selection/jalon/jalon-selector';
import { smartRandom } from '../packages/engine/src/selection/smart-random';
import { generateSyntheticBank, type Bank } from '../packages/engine/src/simulation/bank';
import {
  runBenchmark,
  type BenchmarkReport,
  type EngineMetrics,
  type ScenarioReport,
} from '../packages/engine/src/simulation/benchmark';
import { bankFromRelease, type ReleaseLike } from '../packages/engine/src/simulation/release-bank';
import { measureLatency } from '../packages/engine/src/simulation/latency';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string): string | undefined =>
  args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

const json = flag('json');
const learners = Number(option('learners') ?? (flag('full') ? 2000 : 200));
const only = option('only')?.split(',');
const clock = (): number => performance.now();

/**
 * The reference pack B1, once `packages/content` can compile a release; until then the
 * benchmark runs on the generated banks only and says so.
 */
async function loadReferenceBank(): Promise<Bank | undefined> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const entry = join(root, 'packages/content/src/index.ts');
  if (!existsSync(entry)) return undefined;
  try {
    const content = (await import(pathToFileURL(entry).href)) as {
      loadRelease?: () => { release: ReleaseLike };
    };
    if (typeof content.loadRelease !== 'function') return undefined;
    const bank = bankFromRelease(content.loadRelease().release);
    return bank.tubes.length > 0 ? bank : undefined;
  } catch (error) {
    console.warn(`B1 skipped: the content release could not be loaded (${String(error)})`);
    return undefined;
  }
}

const referenceBank = await loadReferenceBank();
if (!referenceBank && !json) console.log('B1 (reference content pack) not available yet: generated banks only.\n');

const started = performance.now();
const report: BenchmarkReport = runBenchmark({
  learners,
  baseline: smartRandom,
  jalon: jalonSelector,
  robustness: true,
  clock,
  ...(referenceBank ? { referenceBank } : {}),
  ...(only ? { onlyScenario: (name: string) => only.includes(name) } : {}),
  ...(json ? {} : { onScenario: (entry: ScenarioReport) => console.log(row(entry)) }),
});
const elapsedS = (performance.now() - started) / 1000;

// Latency on a 500-skill parcours, the size the API must serve within 2 ms at p95.
const latency = measureLatency(generateSyntheticBank(1, { competences: 16, tubesPerCompetence: 7, challengesPerSkill: 3 }), jalonSelector, clock);

if (json) {
  console.log(JSON.stringify(report));
  console.warn(`next() p95 on a ${latency.skills}-skill parcours: ${latency.p95Ms.toFixed(3)} ms; ${elapsedS.toFixed(1)} s`);
} else {
  console.log(
    `\n${report.pass ? 'PASS' : 'FAIL'}: ${report.scenarios.filter((s) => s.pass).length}/${report.scenarios.length} scenarios meet the §8.2 targets, ${learners} learners each, ${elapsedS.toFixed(1)} s.`,
  );
  console.log(`Jalon next() p95 on a ${latency.skills}-skill parcours: ${latency.p95Ms.toFixed(3)} ms (target ≤ 2 ms).`);
}
process.exitCode = report.pass ? 0 : 1;

function row(entry: ScenarioReport): string {
  const engine = (m: EngineMetrics): string =>
    `q ${m.meanQuestions.toFixed(1).padStart(5)} (med ${String(m.medianQuestions).padStart(5)}, p90 ${String(m.p90Questions).padStart(3)})  acc ${m.accuracy.toFixed(2)}%  rmse ${m.levelRmse.toFixed(3)}  exp ${m.maxExposure.toFixed(3)}  unused ${m.neverUsedShare.toFixed(3)}  p95 ${m.nextP95Ms.toFixed(2)} ms`;
  const [lo, hi] = entry.accuracyDiffCI;
  return [
    `${entry.pass ? 'pass' : 'FAIL'}  ${entry.bank.padEnd(5)} ${entry.name.padEnd(20)} ratio ${entry.ratioQuestions.toFixed(3)}  Δacc CI [${lo.toFixed(2)}, ${hi.toFixed(2)}]`,
    `        baseline ${engine(entry.baseline)}`,
    `        jalon    ${engine(entry.jalon)}`,
  ].join('\n');
}
