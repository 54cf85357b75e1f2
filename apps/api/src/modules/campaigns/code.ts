import { randomInt } from 'node:crypto';

/** No I, L or O: they read as 1 and 0 when a teacher writes the code on a board. */
const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
/** No 0 or 1, for the same reason. */
const DIGITS = '23456789';

export const CAMPAIGN_CODE_PATTERN = /^[A-HJKMNP-Z]{6}[2-9]{3}$/;

/**
 * A campaign code (`campaigns-and-participation.md` §4.3): six letters then three digits,
 * drawn with the operating system's CSPRNG so a code cannot be guessed from another one.
 * Uniqueness is the database's job (`one_campaign_per_code`); the caller redraws on collision.
 */
export function drawCampaignCode(pick: (max: number) => number = randomInt): string {
  const letters = Array.from({ length: 6 }, () => LETTERS[pick(LETTERS.length)]).join('');
  const digits = Array.from({ length: 3 }, () => DIGITS[pick(DIGITS.length)]).join('');
  return letters + digits;
}
