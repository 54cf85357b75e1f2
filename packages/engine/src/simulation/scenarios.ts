import type { Bank, BankSkill, BankTube } from './bank';
import { STANDARD_LEARNERS, type LearnerModel } from './learner-model';

/** A tube of a scenario's target profile with its cap. */
export interface ScenarioTube {
  readonly tube: BankTube;
  readonly cap: number;
}

/** Knowledge a learner brings from an earlier test (scenario S3 and returning users). */
export interface PriorKnowledge {
  /** Which tubes of the scenario's list carry earlier KEs. */
  readonly tubes: 'even' | 'all';
  /** Age of those KEs at the start of the assessment, in days. */
  readonly ageDays: number;
  /** Levels the learner gained since: the earlier KEs reflect level T − gain (not below 0). */
  readonly levelGain: number;
}

/** One simulated situation: a target profile, a population and what learners already know. */
export interface Scenario {
  readonly name: string;
  readonly tubes: readonly ScenarioTube[];
  readonly learners: LearnerModel;
  readonly prior?: PriorKnowledge;
}

/** The target skills of a scenario: every skill of each tube up to its cap. */
export function scenarioSkills(scenario: Scenario): BankSkill[] {
  return scenario.tubes.flatMap(({ tube, cap }) => tube.skills.filter((skill) => skill.level <= cap));
}

function byFrameworkOrder(tubes: readonly ScenarioTube[]): ScenarioTube[] {
  return [...tubes].sort(
    (a, b) => a.tube.competenceIndex - b.tube.competenceIndex || a.tube.tubeIndex - b.tube.tubeIndex,
  );
}

/**
 * S1 « back to school »: 12 tubes from the first 12 competences, tube (c mod its tube count)
 * of competence c, capped alternately at 3 and 4 (never above the tube's max level).
 */
function backToSchool(bank: Bank): ScenarioTube[] {
  const competences = [...new Set(bank.tubes.map((tube) => tube.competenceIndex))].sort((a, b) => a - b).slice(0, 12);
  return byFrameworkOrder(
    competences.flatMap((c) => {
      const tubes = bank.tubes.filter((tube) => tube.competenceIndex === c);
      const tube = tubes[c % tubes.length];
      return tube ? [{ tube, cap: Math.min(tube.maxLevel, 3 + (c % 2)) }] : [];
    }),
  );
}

/** S2: every tube of one competence at its max level; the competence with most skills, first on ties. */
function oneCompetence(bank: Bank): ScenarioTube[] {
  const skillsByCompetence = new Map<number, number>();
  for (const tube of bank.tubes) {
    skillsByCompetence.set(tube.competenceIndex, (skillsByCompetence.get(tube.competenceIndex) ?? 0) + tube.skills.length);
  }
  let chosen = 0;
  let most = -1;
  for (const [competence, count] of [...skillsByCompetence].sort((a, b) => a[0] - b[0])) {
    if (count > most) {
      most = count;
      chosen = competence;
    }
  }
  return byFrameworkOrder(
    bank.tubes.filter((tube) => tube.competenceIndex === chosen).map((tube) => ({ tube, cap: tube.maxLevel })),
  );
}

const atMax = (bank: Bank): ScenarioTube[] => byFrameworkOrder(bank.tubes.map((tube) => ({ tube, cap: tube.maxLevel })));

/**
 * The scenarios of spec §8.1 for a bank: S1–S3 for every bank, S4 (all tubes) for generated
 * banks only.
 */
export function standardScenarios(bank: Bank, generated: boolean): Scenario[] {
  const s1 = backToSchool(bank);
  const scenarios: Scenario[] = [
    { name: 'S1', tubes: s1, learners: STANDARD_LEARNERS },
    { name: 'S2', tubes: oneCompetence(bank), learners: STANDARD_LEARNERS },
    { name: 'S3', tubes: s1, learners: STANDARD_LEARNERS, prior: { tubes: 'even', ageDays: 5, levelGain: 0 } },
  ];
  if (generated) scenarios.push({ name: 'S4', tubes: atMax(bank), learners: STANDARD_LEARNERS });
  return scenarios;
}

/**
 * Robustness scenarios: the engine's assumptions are deliberately wrong in one respect each.
 * QCU guessing with three options; tubes whose levels are not strictly ordered; careless
 * learners who fail a quarter of what they master; returning users who improved by one level
 * since their last test; abilities spread twice as wide.
 */
export function robustnessScenarios(bank: Bank): Scenario[] {
  const s1 = backToSchool(bank);
  const s2 = oneCompetence(bank);
  return [
    { name: 'R-qcu-guessing', tubes: s1, learners: { ...STANDARD_LEARNERS, guessQcu: 1 / 3 } },
    { name: 'R-unordered-tubes', tubes: s2, learners: { ...STANDARD_LEARNERS, disorder: 0.2 } },
    { name: 'R-careless', tubes: s1, learners: { ...STANDARD_LEARNERS, okIfMastered: 0.75 } },
    { name: 'R-returning', tubes: s1, learners: STANDARD_LEARNERS, prior: { tubes: 'all', ageDays: 5, levelGain: 1 } },
    { name: 'R-extreme-abilities', tubes: s2, learners: { ...STANDARD_LEARNERS, abilitySd: 3 } },
  ];
}
