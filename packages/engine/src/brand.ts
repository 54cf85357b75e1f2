/**
 * Branded primitives shared across the engine, so that a skill id cannot be passed where
 * a tube id is expected and a level cannot be added to a probability by accident.
 * The brand exists only at compile time; at run time every value is its plain primitive.
 */

declare const brand: unique symbol;

/** A `T` tagged with the compile-time marker `B`. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Identifier of a skill (acquis), e.g. `@motsCles3`'s record id. */
export type SkillId = Brand<string, 'SkillId'>;
/** Identifier of a tube (sujet). */
export type TubeId = Brand<string, 'TubeId'>;
/** Identifier of a competence, e.g. `1.1`'s record id. */
export type CompetenceId = Brand<string, 'CompetenceId'>;
/** Identifier of a challenge (épreuve). */
export type ChallengeId = Brand<string, 'ChallengeId'>;

/** A skill level (1–8) or a competence level (0–8): a whole number of levels. */
export type Level = Brand<number, 'Level'>;
/** A probability in [0, 1]. */
export type Probability = Brand<number, 'Probability'>;
/** An amount of pix, the score unit; fractional while summing skill values. */
export type Pix = Brand<number, 'Pix'>;
/** An instant as milliseconds since the Unix epoch (UTC). */
export type EpochMs = Brand<number, 'EpochMs'>;
/** A duration in milliseconds. */
export type DurationMs = Brand<number, 'DurationMs'>;

/** Tags a string as a {@link SkillId}. */
export const skillId = (id: string): SkillId => id as SkillId;
/** Tags a string as a {@link TubeId}. */
export const tubeId = (id: string): TubeId => id as TubeId;
/** Tags a string as a {@link CompetenceId}. */
export const competenceId = (id: string): CompetenceId => id as CompetenceId;
/** Tags a string as a {@link ChallengeId}. */
export const challengeId = (id: string): ChallengeId => id as ChallengeId;

/**
 * Checks and tags a level.
 * @throws RangeError when `n` is not an integer in [0, 8].
 */
export function level(n: number): Level {
  if (!Number.isInteger(n) || n < 0 || n > 8) throw new RangeError(`level must be an integer in [0, 8], got ${n}`);
  return n as Level;
}

/**
 * Checks and tags a probability.
 * @throws RangeError when `p` is not a number in [0, 1].
 */
export function probability(p: number): Probability {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  return p as Probability;
}

/**
 * Checks and tags an amount of pix.
 * @throws RangeError when `n` is negative or not finite.
 */
export function pix(n: number): Pix {
  if (!(Number.isFinite(n) && n >= 0)) throw new RangeError(`pix must be a finite number ≥ 0, got ${n}`);
  return n as Pix;
}

/** Tags epoch milliseconds as an {@link EpochMs}. */
export const epochMs = (ms: number): EpochMs => ms as EpochMs;
/** Tags milliseconds as a {@link DurationMs}. */
export const durationMs = (ms: number): DurationMs => ms as DurationMs;
