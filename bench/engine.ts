/**
 * Engine benchmark (spec §8.1): runs smart random and Jalon's selector on the same synthetic
 * learners and checks the targets of §8.2.
 *
 *   npm run bench:engine                 200 learners per scenario, human table
 *   npm run bench:engine -- --json       the same, as the JSON report of §8.1
 *   npm run bench:engine -- --full       2,000 learners per scenario
 *   npm run bench:engine -- --only=S1,S4 --learners=50   a quick look while developing
 *
 * Scenarios are spread over worker threads (one per core, at most 4); each entry is computed
 * from its own seeds, so the report does not depend on how they are spread. The process exits
 * with status 1 when a target is missed, so CI fails.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { jalonSelector } from '../packages/engine/src/selection/jalon/jalon-selector';
import { smartRandom } from '../packages/engine/src/selection/smart-random';
import { generateSyntheticBank, type Bank } from '../packages/engine/src/simulation/bank';
import {
  planBenchmark,
  runScenario,
  summarise,
  type BenchmarkPlanOptions,
  type EngineMetrics,
  type ScenarioReport,
} from '../packages/engine/src/simulation/benchmark';
import { measureLatency } from '../packages/engine/src/simulation/latency';
import { bankFromRelease, type ReleaseLike } from '../packages/engine/src/simulation/release-bank';

interface Settings {
  readonly json: boolean;
  readonly learners: number;
  readonly only: readonly string[] | undefined;
  readonly threads: number;
}

interface WorkerInput {
  readonly settings: Settings;
  readonly indexes: readonly number[];
}

type WorkerMessage = { readonly index: number; readonly report: ScenarioReport };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clock = (): number => performance.now();

/**
 * The reference pack B1, once `packages/content` can compile a release; until then the
 * benchmark runs on the generated banks only and says so.
 */
async function loadReferenceBank(quiet: boolean): Promise<Bank | undefined> {
  const entry = join(root, 'packages/content/src/index.ts');
  if (!existsSync(entry)) return undefined;
  try {
    const content = (await import(pathToFileURL(entry).href)) as { loadRelease?: () => { release: ReleaseLike } };
    if (typeof content.loadRelease !== 'function') return undefined;
    const bank = bankFromRelease(content.loadRelease().release);
    return bank.tubes.length > 0 ? bank : undefined;
  } catch (error) {
    if (!quiet) console.warn(`B1 skipped: the content release could not be loaded (${String(error)})`);
    return undefined;
  }
}

async function plan(settings: Settings, quiet: boolean): Promise<ReturnType<typeof planBenchmark>> {
  const referenceBank = await loadReferenceBank(quiet);
  const options: BenchmarkPlanOptions = {
    robustness: true,
    ...(referenceBank ? { referenceBank } : {}),
    ...(settings.only ? { onlyScenario: (name: string) => settings.only?.includes(name) ?? true } : {}),
  };
  return planBenchmark(options);
}

function runEntry(planned: ReturnType<typeof planBenchmark>[number], learners: number): ScenarioReport {
  return runScenario({ ...planned, learners, baseline: smartRandom, jalon: jalonSelector, clock });
}

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

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined =>
    args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const settings: Settings = {
    json: args.includes('--json'),
    learners: Number(option('learners') ?? (args.includes('--full') ? 2000 : 200)),
    only: option('only')?.split(','),
    threads: Number(option('threads') ?? Math.min(4, availableParallelism())),
  };
  const started = performance.now();
  const planned = await plan(settings, settings.json);
  if (!settings.json && !planned.some(({ bank }) => bank.name === 'B1')) {
    console.log('B1 (reference content pack) not available yet: generated banks only.\n');
  }

  // Largest scenarios first, round-robin over threads, so the threads finish together.
  const order = planned
    .map((entry, index) => ({ index, size: entry.scenario.tubes.reduce((sum, { cap }) => sum + cap, 0) }))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map(({ index }) => index);
  const threads = Math.max(1, Math.min(settings.threads, planned.length));
  const reports = new Array<ScenarioReport | undefined>(planned.length);
  await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const input: WorkerInput = { settings, indexes: order.filter((_, k) => k % threads === t) };
      // Worker threads do not inherit `--import tsx` on Node 20: register it before loading this file.
      const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      const worker = new Worker(bootstrap, { eval: true, workerData: input });
      worker.on('message', ({ index, report }: WorkerMessage) => {
        reports[index] = report;
        if (!settings.json) console.log(row(report));
      });
      return new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`benchmark worker exited with ${code}`))));
      });
    }),
  );
  const report = summarise(reports.filter((entry): entry is ScenarioReport => entry !== undefined));
  const elapsedS = (performance.now() - started) / 1000;

  // The latency target is set on a 500-skill parcours, larger than any scenario.
  const latencyBank = generateSyntheticBank(1, { competences: 16, tubesPerCompetence: 7, challengesPerSkill: 3 });
  const latency = measureLatency(latencyBank, jalonSelector, clock);

  if (settings.json) {
    console.log(JSON.stringify(report));
    console.warn(`next() p95 on a ${latency.skills}-skill parcours: ${latency.p95Ms.toFixed(3)} ms; ${elapsedS.toFixed(1)} s`);
  } else {
    console.log('\nIn report order:');
    for (const entry of report.scenarios) console.log(`  ${entry.pass ? 'pass' : 'FAIL'}  ${entry.bank.padEnd(5)} ${entry.name.padEnd(20)} ratio ${entry.ratioQuestions.toFixed(3)}`);
    console.log(
      `\n${report.pass ? 'PASS' : 'FAIL'}: ${report.scenarios.filter((s) => s.pass).length}/${report.scenarios.length} scenarios meet the §8.2 targets, ${settings.learners} learners each, ${elapsedS.toFixed(1)} s on ${threads} thread(s).`,
    );
    console.log(`Jalon next() p95 on a ${latency.skills}-skill parcours: ${latency.p95Ms.toFixed(3)} ms (target ≤ 2 ms).`);
  }
  process.exitCode = report.pass ? 0 : 1;
}

async function work(input: WorkerInput): Promise<void> {
  const planned = await plan(input.settings, true);
  for (const index of input.indexes) {
    const entry = planned[index];
    if (!entry) continue;
    const message: WorkerMessage = { index, report: runEntry(entry, input.settings.learners) };
    parentPort?.postMessage(message);
  }
}

if (isMainThread) await main();
else await work(workerData as WorkerInput);
