import type { ReleaseChallenge } from './release';

/** A challenge as it may be sent to a learner before the answer is recorded: no solution. */
export type LearnerChallenge = Omit<ReleaseChallenge, 'solution' | 'solutionToDisplay' | 'irt'>;

/**
 * Strips what must not reach the client before the answer is recorded (answer-checking: "no
 * solution reaches the client"): the solution, the displayed solution and the calibration.
 */
export function toLearnerChallenge(challenge: ReleaseChallenge): LearnerChallenge {
  const { solution: _solution, solutionToDisplay: _solutionToDisplay, irt: _irt, ...shown } = challenge;
  return shown;
}
