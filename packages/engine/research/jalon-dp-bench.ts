/* eslint-disable no-console -- a command-line experiment that prints its table */
/**
 * Part B measurement: `jalon-dp.ts` against smart random with the benchmark's own
 * `runScenario` (same banks, learners, seeds, metrics and pass rule as `npm run bench:engine`).
 *
 *   node --import tsx packages/engine/research/jalon-dp-bench.ts --learners=300 \
 *     --banks=B2-1 --only=S1 --weights=1.5 --costs=0.4,0.8 [--challenge=least|weighted]
 */
import { join, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { smartRandom } from '../src/selection/smart-random';
import { generateSyntheticBank, type Bank } from '../src/simulation/bank';
import { runScenario } from '../src/simulation/benchmark';
import { bankFromRelease, type ReleaseLike } from '../src/simulation/release-bank';
import { standardScenarios } from '../src/simulation/scenarios';
import { createJalonDpSelector, type ChallengeChoice } from './jalon-dp';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string =>
  args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const learners = Number(option('learners', '300'));
const only = option('only', 'S1,S2,S3').split(',');
const costs = option('costs', '0.8').split(',').map(Number);
const weights = option('weights', '1.5').split(',').map(Number);
const choice = option('challenge', 'least') as ChallengeChoice;

async function bankOf(name: string): Promise<{ bank: Bank; bankSeed: number }> {
  if (name !== 'B1') return { bank: generateSyntheticBank(Number(name.replace('B2-', ''))), bankSeed: Number(name.replace('B2-', '')) };
  const entry = join(dirname(fileURLToPath(import.meta.url)), '../../content/src/index.ts');
  const content = (await import(pathToFileURL(entry).href)) as { loadRelease: () => { release: ReleaseLike } };
  return { bank: bankFromRelease(content.loadRelease().release), bankSeed: 0 };
}

console.log('| Bank | Scenario | w | c | Questions base → jalon-dp (ratio) | Accuracy % base / jalon-dp, Δ CI | Level RMSE base / jalon-dp | Max exposure | Pass |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const name of option('banks', 'B2-1').split(',')) {
  const { bank, bankSeed } = await bankOf(name);
  for (const scenario of standardScenarios(bank, name !== 'B1').filter((s) => only.includes(s.name))) {
    for (const weight of weights) {
      for (const cost of costs) {
        const started = performance.now();
        const r = runScenario({ bank, bankSeed, scenario, learners, baseline: smartRandom, jalon: createJalonDpSelector(cost, weight, choice) });
        const seconds = ((performance.now() - started) / 1000).toFixed(0);
        console.log(
          `| ${name} | ${scenario.name} | ${weight} | ${cost} | ${r.baseline.meanQuestions.toFixed(2)} → ${r.jalon.meanQuestions.toFixed(2)} (${r.ratioQuestions.toFixed(3)}) | ${r.baseline.accuracy.toFixed(2)} / ${r.jalon.accuracy.toFixed(2)}, [${r.accuracyDiffCI[0].toFixed(2)}, ${r.accuracyDiffCI[1].toFixed(2)}] | ${r.baseline.levelRmse.toFixed(3)} / ${r.jalon.levelRmse.toFixed(3)} | ${r.baseline.maxExposure.toFixed(3)} / ${r.jalon.maxExposure.toFixed(3)} | ${r.pass ? 'yes' : 'no'} | <!-- ${seconds} s -->`,
        );
      }
    }
  }
}
