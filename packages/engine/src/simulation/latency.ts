import { mix } from '../random';
import type { Selector } from '../selection/types';
import type { Bank } from './bank';
import { drawLearner } from './learner';
import { STANDARD_LEARNERS } from './learner-model';
import { runAssessment } from './run-assessment';
import { percentile } from './statistics';

/** Learners whose whole assessments are timed for the latency figure. */
const LATENCY_LEARNERS = 20;

/**
 * p95 duration of one `next` call over whole assessments on every tube of a bank at its max
 * level, the largest parcours a campaign can have.
 */
export function measureLatency(bank: Bank, selector: Selector, clock: () => number): { skills: number; p95Ms: number } {
  const skills = bank.tubes.flatMap((tube) => tube.skills);
  const challenges = skills.flatMap((skill) => skill.challenges);
  const latencies: number[] = [];
  for (let seed = 1; seed <= LATENCY_LEARNERS; seed++) {
    const outcome = runAssessment({
      selector,
      skills,
      challenges,
      learner: drawLearner(seed, bank, STANDARD_LEARNERS),
      prior: [],
      assessmentSeed: mix(seed, 0x1a7),
      clock,
    });
    latencies.push(...outcome.latenciesMs);
  }
  return { skills: skills.length, p95Ms: percentile(latencies, 0.95) };
}
