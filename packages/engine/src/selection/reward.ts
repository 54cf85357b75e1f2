import { sigmoid } from './logistic';

/**
 * Expected number of skills of a tube settled by one answer (spec §6.3): a success at level d
 * validates every untested skill at or below d, a failure invalidates those at or above d.
 *
 * @param level level d of the candidate skill
 * @param predictedLevel the §6.1 estimate
 * @param untestedLevels levels of the tube's untested skills, the candidate's included
 */
export function reward(level: number, predictedLevel: number, untestedLevels: readonly number[]): number {
  const pSuccess = sigmoid(predictedLevel - level);
  let gainIfOk = 0;
  let gainIfKo = 0;
  for (const untested of untestedLevels) {
    if (untested <= level) gainIfOk++;
    if (untested >= level) gainIfKo++;
  }
  return pSuccess * gainIfOk + (1 - pSuccess) * gainIfKo;
}
