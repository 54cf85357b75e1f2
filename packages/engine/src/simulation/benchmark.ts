import type { ChallengeId } from '../brand';
import { mix } from '../random';
import type { Selector } from '../selection/types';
import { generateSyntheticBank, type Bank } from './bank';
import type { PriorElement } from './knowledge-log';
import { drawLearner, hashString } from './learner';
import { runAssessment } from './run-assessment';
import { robustnessScenarios, scenarioSkills, standardScenarios, type Scenario } from './scenarios';
import { mean, median, pairedBootstrapRateDiff, percentile } from './statistics';

/** One engine's figures on one scenario (spec §8.1 metrics). */
export interface EngineMetrics {
  readonly meanQuestions: number;
  readonly medianQuestions: number;
  readonly p90Questions: number;
  /** Classification accuracy, in percent. */
  readonly accuracy: number;
  /** RMSE of the tube level, in levels. */
  readonly levelRmse: number;
  readonly maxExposure: number;
  readonly neverUsedShare: number;
  readonly nextP95Ms: number;
}

/** One entry of the report. */
export interface ScenarioReport {
  readonly name: string;
  readonly bank: string;
  readonly baseline: EngineMetrics;
  readonly jalon: EngineMetrics;
  readonly ratioQuestions: number;
  readonly accuracyDiffCI: [number, number];
  readonly pass: boolean;
}

/** The benchmark report of spec §8.1. */
export interface BenchmarkReport {
  readonly scenarios: readonly ScenarioReport[];
  readonly pass: boolean;
}

/** Targets of spec §8.2. */
export const TARGETS = {
  /** Jalon's mean questions may be at most this share of the baseline's. */
  maxQuestionRatio: 0.7,
  /** Lowest accepted lower bound of the accuracy difference interval, in points. */
  minAccuracyDiffLowerBound: -0.5,
  /** Exposure always allowed, whatever the baseline's. */
  exposureFloor: 0.25,
} as const;

/** Inputs of one scenario run. */
export interface ScenarioRun {
  readonly bank: Bank;
  /** Bank seed (0 for the reference pack); with the learner seed it seeds each assessment. */
  readonly bankSeed: number;
  readonly scenario: Scenario;
  /** Learners, seeded 1 … learners. */
  readonly learners: number;
  readonly baseline: Selector;
  readonly jalon: Selector;
  /** A monotonic clock in ms for latency; omit it to report 0. */
  readonly clock?: () => number;
}

interface EngineRun {
  readonly questions: number[];
  readonly right: number[];
  readonly squaredLevelErrors: number[];
  readonly exposure: Map<ChallengeId, number>;
  readonly latencies: number[];
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Runs both engines on the same learners (common random numbers) and compares them against
 * the targets of spec §8.2.
 */
export function runScenario(run: ScenarioRun): ScenarioReport {
  const { bank, scenario } = run;
  const skills = scenarioSkills(scenario);
  const challenges = skills.flatMap((skill) => skill.challenges);
  const pairsPerLearner = skills.length;
  const engines = [run.baseline, run.jalon].map(() => emptyRun(challenges.map((c) => c.id)));

  for (let seed = 1; seed <= run.learners; seed++) {
    const learner = drawLearner(seed, bank, scenario.learners);
    const prior = priorElements(scenario, learner.tubeLevel);
    const assessmentSeed = mix(seed, run.bankSeed);
    [run.baseline, run.jalon].forEach((selector, e) => {
      const outcome = runAssessment({
        selector,
        skills,
        challenges,
        learner,
        prior,
        assessmentSeed,
        ...(run.clock ? { clock: run.clock } : {}),
      });
      const engine = engines[e];
      if (!engine) return;
      engine.questions.push(outcome.questions);
      let right = 0;
      for (const skill of skills) if (outcome.validated.has(skill.id) === learner.mastered.has(skill.id)) right++;
      engine.right.push(right);
      for (const { tube, cap } of scenario.tubes) {
        let measured = 0;
        for (const skill of tube.skills) if (skill.level <= cap && outcome.validated.has(skill.id)) measured = Math.max(measured, skill.level);
        const truth = Math.min(learner.tubeLevel.get(tube.id) ?? 0, cap);
        engine.squaredLevelErrors.push((measured - truth) ** 2);
      }
      for (const id of new Set(outcome.seen)) engine.exposure.set(id, (engine.exposure.get(id) ?? 0) + 1);
      engine.latencies.push(...outcome.latenciesMs);
    });
  }

  const [base, mine] = engines as [EngineRun, EngineRun];
  const baseline = metrics(base, pairsPerLearner, run.learners);
  const jalon = metrics(mine, pairsPerLearner, run.learners);
  const ratioQuestions = baseline.meanQuestions === 0 ? 0 : round4(jalon.meanQuestions / baseline.meanQuestions);
  const ci = pairedBootstrapRateDiff(
    base.right,
    mine.right,
    base.right.map(() => pairsPerLearner),
    mix(hashString(scenario.name), hashString(bank.name)),
  );
  const accuracyDiffCI: [number, number] = [round4(ci[0]), round4(ci[1])];
  const pass =
    ratioQuestions <= TARGETS.maxQuestionRatio &&
    accuracyDiffCI[0] >= TARGETS.minAccuracyDiffLowerBound &&
    jalon.levelRmse <= baseline.levelRmse &&
    jalon.maxExposure <= Math.max(baseline.maxExposure, TARGETS.exposureFloor) &&
    jalon.neverUsedShare <= baseline.neverUsedShare;
  return { name: scenario.name, bank: bank.name, baseline, jalon, ratioQuestions, accuracyDiffCI, pass };
}

function emptyRun(challengeIds: readonly ChallengeId[]): EngineRun {
  return {
    questions: [],
    right: [],
    squaredLevelErrors: [],
    exposure: new Map(challengeIds.map((id) => [id, 0])),
    latencies: [],
  };
}

function metrics(run: EngineRun, pairsPerLearner: number, learners: number): EngineMetrics {
  const counts = [...run.exposure.values()];
  const total = pairsPerLearner * learners;
  return {
    meanQuestions: round4(mean(run.questions)),
    medianQuestions: median(run.questions),
    p90Questions: percentile(run.questions, 0.9),
    accuracy: round4(total === 0 ? 0 : (100 * run.right.reduce((a, b) => a + b, 0)) / total),
    levelRmse: round4(Math.sqrt(mean(run.squaredLevelErrors))),
    maxExposure: round4(Math.max(0, ...counts) / learners),
    neverUsedShare: round4(counts.length === 0 ? 0 : counts.filter((count) => count === 0).length / counts.length),
    nextP95Ms: round4(percentile(run.latencies, 0.95)),
  };
}

/**
 * Earlier KEs of a learner, consistent with their level `gain` levels ago: on each chosen
 * tube, the highest validated and the lowest invalidated skills are direct, the others
 * inferred, as an earlier adaptive test would have left them.
 */
export function priorElements(scenario: Scenario, tubeLevel: ReadonlyMap<string, number>): PriorElement[] {
  const prior = scenario.prior;
  if (!prior) return [];
  const elements: PriorElement[] = [];
  scenario.tubes.forEach(({ tube, cap }, index) => {
    if (prior.tubes === 'even' && index % 2 !== 0) return;
    const level = Math.max(0, Math.min(tubeLevel.get(tube.id) ?? 0, cap) - prior.levelGain);
    for (const skill of tube.skills) {
      if (skill.level > cap) continue;
      const validated = skill.level <= level;
      const boundary = validated ? skill.level === level : skill.level === level + 1;
      elements.push({
        skillId: skill.id,
        status: validated ? 'validated' : 'invalidated',
        source: boundary ? 'direct' : 'inferred',
        ageDays: prior.ageDays,
      });
    }
  });
  return elements;
}

/** Bank seeds of the generated bank B2 (spec §8.1). */
export const B2_BANK_SEEDS: readonly number[] = [1, 2, 3];

/** What defines the scenario entries of a benchmark run. */
export interface BenchmarkPlanOptions {
  /** The reference content pack, when it exists. */
  readonly referenceBank?: Bank;
  /** Also run the robustness scenarios (on the first B2 draw). */
  readonly robustness: boolean;
  /** Keeps only scenarios whose name passes; all by default. */
  readonly onlyScenario?: (name: string) => boolean;
}

/** One entry to run: a scenario on a bank. */
export interface PlannedScenario {
  readonly bank: Bank;
  readonly bankSeed: number;
  readonly scenario: Scenario;
}

/**
 * The report's entries in order: every scenario of spec §8.1 on B1 (when given) and on the
 * three B2 draws, then the robustness scenarios on the first draw.
 */
export function planBenchmark(options: BenchmarkPlanOptions): PlannedScenario[] {
  const plan: PlannedScenario[] = [];
  if (options.referenceBank) {
    for (const scenario of standardScenarios(options.referenceBank, false)) {
      plan.push({ bank: options.referenceBank, bankSeed: 0, scenario });
    }
  }
  for (const bankSeed of B2_BANK_SEEDS) {
    const bank = generateSyntheticBank(bankSeed);
    for (const scenario of standardScenarios(bank, true)) plan.push({ bank, bankSeed, scenario });
    if (options.robustness && bankSeed === B2_BANK_SEEDS[0]) {
      for (const scenario of robustnessScenarios(bank)) plan.push({ bank, bankSeed, scenario });
    }
  }
  return options.onlyScenario ? plan.filter(({ scenario }) => options.onlyScenario?.(scenario.name)) : plan;
}

/** Options of a whole benchmark run. */
export interface BenchmarkOptions extends BenchmarkPlanOptions {
  /** Learners per scenario: 200 in continuous integration, 2,000 for the full run. */
  readonly learners: number;
  readonly baseline: Selector;
  readonly jalon: Selector;
  readonly clock?: () => number;
  /** Called after each scenario, e.g. to show progress. */
  readonly onScenario?: (report: ScenarioReport) => void;
}

/** Runs every planned scenario in one thread (see `planBenchmark`). */
export function runBenchmark(options: BenchmarkOptions): BenchmarkReport {
  const scenarios: ScenarioReport[] = [];
  for (const planned of planBenchmark(options)) {
    const report = runScenario({
      ...planned,
      learners: options.learners,
      baseline: options.baseline,
      jalon: options.jalon,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    options.onScenario?.(report);
    scenarios.push(report);
  }
  return summarise(scenarios);
}

/** The report of spec §8.1 from its entries: it passes iff every entry passes. */
export function summarise(scenarios: readonly ScenarioReport[]): BenchmarkReport {
  return { scenarios, pass: scenarios.every((entry) => entry.pass) };
}
