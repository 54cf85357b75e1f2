/** Simulation of spec §8.1: synthetic banks and learners, and the engine benchmark. */
export { generateSyntheticBank, withPixValues } from './bank';
export type { Bank, BankChallenge, BankSkill, BankTube, SyntheticBankShape } from './bank';
export { bankFromRelease } from './release-bank';
export type { ReleaseLike } from './release-bank';
export { STANDARD_LEARNERS } from './learner-model';
export type { LearnerModel } from './learner-model';
export { drawLearner } from './learner';
export type { DrawnLearner, SyntheticLearner } from './learner';
export { robustnessScenarios, scenarioSkills, standardScenarios } from './scenarios';
export type { PriorKnowledge, Scenario, ScenarioTube } from './scenarios';
export { runAssessment } from './run-assessment';
export type { AssessmentOutcome, AssessmentRun } from './run-assessment';
export { B2_BANK_SEEDS, TARGETS, planBenchmark, runBenchmark, runScenario, summarise } from './benchmark';
export type {
  BenchmarkOptions,
  BenchmarkPlanOptions,
  BenchmarkReport,
  EngineMetrics,
  PlannedScenario,
  ScenarioReport,
  ScenarioRun,
} from './benchmark';
export { measureLatency } from './latency';
