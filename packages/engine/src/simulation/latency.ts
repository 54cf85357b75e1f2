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
 * Timings per call; the fastest is kept. `next` is pure, so repeating it changes nothing but
 * filters out the pauses other processes of a shared machine impose on one timing.
 */
const TIMINGS_PER_CALL = 3;

/**
 * p95 duration of one `next` call over whole assessments on every tube of a bank at its max
 * level, the largest parcours a campaign can have.
 */
export function measureLatency(bank: Bank, selector: Selector, clock: () => number): { skills: number; p95Ms: number } {
  const skills = bank.tubes.flatMap((tube) => tube.skills);
  const challenges = skills.flatMap((skill) => skill.challenges);
  const latencies: number[] = [];
  const timed: Selector = {
    name: selector.name,
    next(state) {
      let fastest = Infinity;
      let step = selector.next(state);
      for (let i = 0; i < TIMINGS_PER_CALL; i++) {
        const started = clock();
        step = selector.next(state);
        fastest = Math.min(fastest, clock() - started);
      }
      latencies.push(fastest);
      return step;
    },
  };
  for (let seed = 1; seed <= LATENCY_LEARNERS; seed++) {
    runAssessment({
      selector: timed,
      skills,
      challenges,
      learner: drawLearner(seed, bank, STANDARD_LEARNERS),
      prior: [],
      assessmentSeed: mix(seed, 0x1a7),
    });
  }
  return { skills: skills.length, p95Ms: percentile(latencies, 0.95) };
}
