import { randomInt } from 'node:crypto';

/** Letters without I, L, O and digits without 0, 1: read aloud or copied from a board without doubt. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A sitting's access code (`certification.md` §1): 6 characters drawn with the operating
 * system's CSPRNG, so one code says nothing of the next. Uniqueness is the database's job
 * (`one_sitting_per_access_code`); the caller redraws on collision.
 */
export function drawAccessCode(pick: (max: number) => number = randomInt): string {
  return Array.from({ length: 6 }, () => ALPHABET[pick(ALPHABET.length)]).join('');
}
