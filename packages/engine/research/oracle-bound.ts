/* eslint-disable no-console -- a command-line experiment that prints its table */
/**
 * Information bound for issue 4 (see README.md here): an ORACLE told each simulated learner's
 * true competence abilities θ_c plays, tube by tube, the exact Bayes-optimal policy of
 * `tube-planner.ts`, against the same banks, learners, seeds and common random numbers as
 * `npm run bench:engine`; the baseline (smart random) is run once per entry.
 *
 *   node --import tsx packages/engine/research/oracle-bound.ts --learners=300 \
 *     --banks=B1,B2-1 --only=S1,S2,S3 --weights=0,1.5 --costs=0.1,0.2,0.3
 *
 * Options: --knows=thetaC (the oracle) | theta (only the general ability θ) | noisy (one
 * measurement of θ with error SD --sigma, e.g. 0.5, combined with the population prior) | none (the
 * population prior: a real, if naive, selector); --earlier=exact (tubes carrying earlier KEs
 * are known exactly, as the scenario's construction implies) | floor (earlier validated KEs
 * only say T' ≥ their level); --classes=all (the DP also chooses the challenge's guess class)
 * | lowest (always the least guessable challenge of the skill); --closure=on | off (the spec §8
 * model closure at 0.95). Single-threaded.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChallengeId, SkillId } from '../src/brand';
import { createRandom, mix, mix32 } from '../src/random';
import { normalCdf } from '../src/selection/jalon/ability-grid';
import { smartRandom } from '../src/selection/smart-random';
import type { ChallengeCandidate, ModelInference, Selector } from '../src/selection/types';
import { generateSyntheticBank, type Bank, type BankChallenge } from '../src/simulation/bank';
import { drawLearner, hashString } from '../src/simulation/learner';
import { priorElements } from '../src/simulation/benchmark';
import { bankFromRelease, type ReleaseLike } from '../src/simulation/release-bank';
import { runAssessment } from '../src/simulation/run-assessment';
import { scenarioSkills, standardScenarios, type Scenario } from '../src/simulation/scenarios';
import { pairedBootstrapRateDiff } from '../src/simulation/statistics';
import { TubePlanner, type TubeDecision } from './tube-planner';

type Knows = 'thetaC' | 'theta' | 'noisy' | 'none';
type Earlier = 'exact' | 'floor';

interface Settings {
  readonly learners: number;
  readonly banks: readonly string[];
  readonly only: readonly string[];
  readonly costs: readonly number[];
  readonly weights: readonly number[];
  readonly knows: Knows;
  readonly earlier: Earlier;
  readonly classes: 'all' | 'lowest';
  readonly closure: boolean;
  /** --knows=noisy: SD of the error of the oracle's single measurement of θ. */
  readonly sigma: number;
}

/** What the oracle is told about one learner: its true abilities, as `drawLearner` drew them. */
interface Abilities {
  readonly theta: number;
  /** θ + N(0, 1), from a stream of its own: scaled by σ for --knows=noisy. */
  readonly thetaNoise: number;
  readonly thetaC: ReadonlyMap<string, number>;
  readonly tubeLevel: ReadonlyMap<string, number>;
}

/** P(T' = k | θ_c), k = 0 … cap, T = clamp(round(θ_c + N(0, sd²)), 0, maxLevel), T' = min(T, cap). */
function cappedLevelGivenAbility(thetaC: number, tubeSd: number, maxLevel: number, cap: number): number[] {
  const below = (k: number): number => (k <= 0 ? 0 : k > maxLevel ? 1 : normalCdf((k - 0.5 - thetaC) / tubeSd));
  const p: number[] = [];
  for (let k = 0; k <= cap; k++) p.push((k === cap ? 1 : below(k + 1)) - below(k));
  return p;
}

/** The same, with θ_c ~ N(mean, sd²) integrated out (401-point rule over ±6 SD). */
function cappedLevelGivenNormal(mean: number, sd: number, tubeSd: number, maxLevel: number, cap: number): number[] {
  const p = new Array<number>(cap + 1).fill(0);
  const n = 400;
  for (let j = 0; j <= n; j++) {
    const z = -6 + (12 * j) / n;
    const w = Math.exp(-0.5 * z * z);
    cappedLevelGivenAbility(mean + sd * z, tubeSd, maxLevel, cap).forEach((v, k) => (p[k] = (p[k] ?? 0) + w * v));
  }
  return p;
}

const carriesEarlierKes = (scenario: Scenario, index: number): boolean =>
  scenario.prior !== undefined && (scenario.prior.tubes === 'all' || index % 2 === 0);

interface Config {
  readonly cost: number;
  readonly weight: number;
  /** Receives the planners' expected objective for the learner, to check it against the simulation. */
  readonly onPlanned: (expected: number) => void;
}

/** The oracle for one learner: a per-tube planner each, built on the first call. */
function oracleSelector(
  scenario: Scenario,
  abilities: Abilities,
  config: Config,
  settings: Settings,
): Selector {
  const model = scenario.learners;
  const guessOf = (challenge: ChallengeCandidate): number => (challenge.type === 'QCU' ? model.guessQcu : model.guessOther);
  const tubes = scenario.tubes.map(({ tube, cap }, index) => {
    const skills = tube.skills.filter((skill) => skill.level <= cap);
    const classes = skills.map((skill) => {
      const rates = [...new Set(skill.challenges.map(guessOf))].sort((a, b) => a - b);
      return settings.classes === 'lowest' ? rates.slice(0, 1) : rates;
    });
    return { tube, cap, index, skills, classes };
  });
  const where = new Map<SkillId, { tube: number; skill: number }>();
  tubes.forEach(({ skills }, t) => skills.forEach((skill, i) => where.set(skill.id, { tube: t, skill: i })));
  const byId = new Map<ChallengeId, BankChallenge>();
  for (const { skills } of tubes) for (const skill of skills) for (const c of skill.challenges) byId.set(c.id, c);
  let planners: TubePlanner[] | undefined;
  let expected = 0;

  const build = (earlierValidated: ReadonlySet<SkillId>): TubePlanner[] =>
    tubes.map(({ tube, cap, index, skills, classes }) => {
      let prior: number[];
      const sd = model.tubeSd;
      if (settings.knows === 'thetaC') {
        prior = cappedLevelGivenAbility(abilities.thetaC.get(tube.competenceId) ?? 0, sd, tube.maxLevel, cap);
      } else if (settings.knows === 'theta') {
        prior = cappedLevelGivenNormal(abilities.theta, model.competenceSd, sd, tube.maxLevel, cap);
      } else if (settings.knows === 'noisy') {
        // One measurement θ + N(0, σ²), combined with the population prior of θ.
        const observed = abilities.theta + settings.sigma * abilities.thetaNoise;
        const precision = 1 / model.abilitySd ** 2 + 1 / settings.sigma ** 2;
        const centre = (model.abilityMean / model.abilitySd ** 2 + observed / settings.sigma ** 2) / precision;
        const spread = Math.sqrt(1 / precision + model.competenceSd ** 2);
        prior = cappedLevelGivenNormal(centre, spread, sd, tube.maxLevel, cap);
      } else {
        const spread = Math.hypot(model.abilitySd, model.competenceSd);
        prior = cappedLevelGivenNormal(model.abilityMean, spread, sd, tube.maxLevel, cap);
      }
      let initiallyValidated = 0;
      while (initiallyValidated < skills.length && earlierValidated.has(skills[initiallyValidated]?.id as SkillId)) {
        initiallyValidated++;
      }
      const floor = initiallyValidated > 0 ? (skills[initiallyValidated - 1]?.level ?? 0) : 0;
      if (carriesEarlierKes(scenario, index)) {
        if (settings.earlier === 'exact') {
          // The scenario's earlier KEs reflect T' − gain exactly, so T' is known.
          const truth = Math.min(abilities.tubeLevel.get(tube.id) ?? 0, cap);
          prior = prior.map((_, k) => (k === truth ? 1 : 0));
        } else {
          prior = prior.map((p, k) => (k >= floor ? p : 0));
        }
      }
      const planner = new TubePlanner({
        levels: skills.map((skill) => skill.level),
        guessRates: classes,
        prior,
        initiallyValidated,
        cost: config.cost,
        weight: config.weight,
        closure: settings.closure,
      });
      expected += planner.solve();
      return planner;
    });

  return {
    name: 'oracle',
    next(state) {
      if (!planners) {
        const earlier = new Set<SkillId>();
        for (const fact of state.knowledge) if (!fact.fromThisAssessment && fact.status === 'validated') earlier.add(fact.skillId);
        planners = build(earlier);
        config.onPlanned(expected);
      }
      const answered = tubes.map(() => [] as { skill: number; klass: number; ok: boolean }[]);
      for (const answer of state.answers) {
        const challenge = byId.get(answer.challengeId);
        const at = challenge && where.get(challenge.skillId);
        if (!challenge || !at) continue;
        const klass = tubes[at.tube]?.classes[at.skill]?.indexOf(guessOf(challenge)) ?? 0;
        answered[at.tube]?.push({ skill: at.skill, klass, ok: answer.result === 'ok' });
      }
      const inferred: ModelInference[] = [];
      for (let t = 0; t < tubes.length; t++) {
        const decision: TubeDecision = planners[t]?.decide(answered[t] ?? []) ?? { kind: 'stop', close: false, validate: 0 };
        const tube = tubes[t];
        if (!tube) continue;
        if (decision.kind === 'ask') {
          const skill = tube.skills[decision.skill];
          const rate = tube.classes[decision.skill]?.[decision.klass];
          const options = (skill?.challenges ?? []).filter((c) => guessOf(c) === rate);
          const pick = options[mix32((state.assessmentSeed + state.answers.length) >>> 0) % options.length];
          if (!skill || !pick) throw new Error('oracle: no challenge for its decision');
          return { kind: 'challenge', challengeId: pick.id, skillId: skill.id, inferred: [] };
        }
        if (decision.close) {
          const done = new Set(state.knowledge.filter((f) => f.fromThisAssessment).map((f) => f.skillId));
          for (let i = 0; i < decision.validate; i++) {
            const skill = tube.skills[i];
            if (skill && !done.has(skill.id)) inferred.push({ skillId: skill.id, status: 'validated' });
          }
        }
      }
      return { kind: 'end', inferred };
    },
  };
}

interface EngineFigures {
  readonly questions: number[];
  readonly right: number[];
  readonly squaredLevelErrors: number[];
}

function runEngine(
  bank: Bank,
  bankSeed: number,
  scenario: Scenario,
  learners: number,
  selectorFor: (abilities: Abilities) => Selector,
): EngineFigures {
  const skills = scenarioSkills(scenario);
  const challenges = skills.flatMap((skill) => skill.challenges);
  const figures: EngineFigures = { questions: [], right: [], squaredLevelErrors: [] };
  for (let seed = 1; seed <= learners; seed++) {
    const learner = drawLearner(seed, bank, scenario.learners);
    const abilities: Abilities = {
      theta: learner.ability,
      thetaNoise: createRandom(seed, 0x0b5e).normal(),
      thetaC: learner.competenceAbility,
      tubeLevel: learner.tubeLevel,
    };
    const outcome = runAssessment({
      selector: selectorFor(abilities),
      skills,
      challenges,
      learner,
      prior: priorElements(scenario, learner.tubeLevel),
      assessmentSeed: mix(seed, bankSeed),
    });
    figures.questions.push(outcome.questions);
    let right = 0;
    for (const skill of skills) if (outcome.validated.has(skill.id) === learner.mastered.has(skill.id)) right++;
    figures.right.push(right);
    for (const { tube, cap } of scenario.tubes) {
      let measured = 0;
      for (const skill of tube.skills) if (skill.level <= cap && outcome.validated.has(skill.id)) measured = Math.max(measured, skill.level);
      const truth = Math.min(learner.tubeLevel.get(tube.id) ?? 0, cap);
      figures.squaredLevelErrors.push((measured - truth) ** 2);
    }
  }
  return figures;
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

async function loadBanks(names: readonly string[]): Promise<{ bank: Bank; bankSeed: number }[]> {
  const banks: { bank: Bank; bankSeed: number }[] = [];
  for (const name of names) {
    if (name === 'B1') {
      const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
      const entry = join(root, 'packages/content/src/index.ts');
      if (!existsSync(entry)) throw new Error('B1 needs packages/content');
      const content = (await import(pathToFileURL(entry).href)) as { loadRelease: () => { release: ReleaseLike } };
      banks.push({ bank: bankFromRelease(content.loadRelease().release), bankSeed: 0 });
    } else {
      const seed = Number(name.replace('B2-', ''));
      banks.push({ bank: generateSyntheticBank(seed), bankSeed: seed });
    }
  }
  return banks;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string): string =>
    args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  const list = (name: string, fallback: string): string[] => option(name, fallback).split(',').filter(Boolean);
  const settings: Settings = {
    learners: Number(option('learners', '300')),
    banks: list('banks', 'B1,B2-1'),
    only: list('only', 'S1,S2,S3'),
    costs: list('costs', '0.2,0.4,0.6').map(Number),
    weights: list('weights', '0,1.5').map(Number),
    knows: option('knows', 'thetaC') as Knows,
    earlier: option('earlier', 'exact') as Earlier,
    classes: option('classes', 'all') as 'all' | 'lowest',
    closure: option('closure', 'on') === 'on',
    sigma: Number(option('sigma', '0.5')),
  };
  console.log(`# oracle bound: ${JSON.stringify(settings)}`);
  console.log('| Bank | Scenario | w | c | Questions base → oracle (ratio) | Accuracy % base / oracle, Δ [CI] | Level RMSE base / oracle | Targets |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { bank, bankSeed } of await loadBanks(settings.banks)) {
    for (const scenario of standardScenarios(bank, false).filter((s) => settings.only.includes(s.name))) {
      const pairs = scenarioSkills(scenario).length;
      const base = runEngine(bank, bankSeed, scenario, settings.learners, () => smartRandom);
      const baseAccuracy = (100 * mean(base.right)) / pairs;
      const baseRmse = Math.sqrt(mean(base.squaredLevelErrors));
      for (const weight of settings.weights) {
        for (const cost of settings.costs) {
          const started = performance.now();
          let predicted = 0;
          const onPlanned = (expected: number): void => {
            predicted += expected / settings.learners;
          };
          const mine = runEngine(bank, bankSeed, scenario, settings.learners, (abilities) =>
            oracleSelector(scenario, abilities, { cost, weight, onPlanned }, settings),
          );
          const realised =
            pairs - mean(mine.right) + weight * scenario.tubes.length * mean(mine.squaredLevelErrors) + cost * mean(mine.questions);
          const ratio = mean(mine.questions) / mean(base.questions);
          const accuracy = (100 * mean(mine.right)) / pairs;
          const rmse = Math.sqrt(mean(mine.squaredLevelErrors));
          const [lo, hi] = pairedBootstrapRateDiff(
            base.right,
            mine.right,
            base.right.map(() => pairs),
            mix(hashString(scenario.name), hashString(bank.name)),
          );
          const pass = ratio <= 0.7 && lo >= -0.5 && rmse <= baseRmse;
          const seconds = ((performance.now() - started) / 1000).toFixed(0);
          console.log(
            `| ${bank.name} | ${scenario.name} | ${weight} | ${cost} | ${mean(base.questions).toFixed(2)} → ${mean(mine.questions).toFixed(2)} (${ratio.toFixed(3)}) | ${baseAccuracy.toFixed(2)} / ${accuracy.toFixed(2)}, ${(accuracy - baseAccuracy).toFixed(2)} [${lo.toFixed(2)}, ${hi.toFixed(2)}] | ${baseRmse.toFixed(3)} / ${rmse.toFixed(3)} | ${pass ? 'all three' : 'no'} |` +
              ` <!-- objective predicted ${predicted.toFixed(3)}, realised ${realised.toFixed(3)}; ${seconds} s -->`,
          );
        }
      }
    }
  }
}

await main();
