import type { IrtParameters } from './two-pl';

/** Discrimination given to a challenge not calibrated yet: the middle of the synthetic bank's 0.8–2.0 range. */
export const UNCALIBRATED_DISCRIMINATION = 1.4;
/**
 * δ = skill level − 3.5 for a challenge not calibrated yet. The default meshes put mesh k at
 * [k − 4, k − 3) for k = 1…6, so δ of a level-ℓ skill sits in the middle of mesh ℓ: a candidate
 * with even odds on level-ℓ challenges is certified at level ℓ, about 128 ℓ + 64 pix.
 */
export const UNCALIBRATED_DIFFICULTY_OFFSET = 3.5;

/** 2PL parameters of a challenge and where they come from. */
export interface ChallengeIrt extends IrtParameters {
  /** `calibrated`: written in the content (from `npm run calibrate`); `derived`: from the skill level. */
  readonly source: 'calibrated' | 'derived';
}

/**
 * The one rule giving a challenge its 2PL parameters, used by the content release (hence the
 * API) and the benchmark: the calibrated values when the content has them, else a = 1.4 and
 * δ = skill level − 3.5.
 * @throws RangeError when calibrated values are not finite or the discrimination is not positive.
 */
export function irtParametersOf(challenge: { readonly irt?: IrtParameters | undefined }, skillLevel: number): ChallengeIrt {
  const { irt } = challenge;
  if (irt === undefined) {
    return { difficulty: skillLevel - UNCALIBRATED_DIFFICULTY_OFFSET, discrimination: UNCALIBRATED_DISCRIMINATION, source: 'derived' };
  }
  if (!Number.isFinite(irt.difficulty) || !Number.isFinite(irt.discrimination) || irt.discrimination <= 0) {
    throw new RangeError(`invalid 2PL parameters: difficulty ${irt.difficulty}, discrimination ${irt.discrimination}`);
  }
  return { difficulty: irt.difficulty, discrimination: irt.discrimination, source: 'calibrated' };
}
