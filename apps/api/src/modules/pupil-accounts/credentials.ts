import { randomInt } from 'node:crypto';

/**
 * A source of uniform integers in [0, max). Injected so tests choose the digits; in
 * production it is `crypto.randomInt`, since a predictable temporary password is a
 * password anyone in the class could guess.
 */
export type RandomInt = (max: number) => number;

const cryptoRandomInt: RandomInt = (max) => randomInt(max);

/** Letters a pupil cannot misread on a handout: no i, l, o (confused with 1, I, 0). */
const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '0123456789';

function pick(alphabet: string, random: RandomInt): string {
  return alphabet[random(alphabet.length)]!;
}

/**
 * A temporary password (`learners-and-accounts.md` §5): one uppercase, five lowercase, two
 * digits. It meets the password policy (8 characters, each class present) and is never a
 * common password, so the sign-in's own rules accept it.
 */
export function temporaryPassword(random: RandomInt = cryptoRandomInt): string {
  let password = pick(LETTERS, random).toUpperCase();
  for (let i = 0; i < 5; i++) password += pick(LETTERS, random);
  for (let i = 0; i < 2; i++) password += pick(DIGITS, random);
  return password;
}

/** Lowercase a–z only: accents dropped (é → e), ligatures spelt out (œ → oe), anything else removed. */
export function usernamePart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z]/g, '');
}

/** A name with no latin letter at all still needs a readable part. */
const EMPTY_PART = 'eleve';

/** The four digits of a birthdate `YYYY-MM-DD`: day then month. */
function birthDigits(birthdate: string): string {
  return `${birthdate.slice(8, 10)}${birthdate.slice(5, 7)}`;
}

function randomDigits(random: RandomInt): string {
  return String(random(10_000)).padStart(4, '0');
}

/** How many random four-digit endings are tried before giving up on a name. */
export const MAX_USERNAME_ATTEMPTS = 50;

/**
 * `prénom.nom` + birth DDMM (`learners-and-accounts.md` §4), e.g. Inès Moreau born on
 * 9 January → `ines.moreau0901`. When it is taken, the four digits are replaced by random
 * ones until a free one is found; null after `MAX_USERNAME_ATTEMPTS` tries.
 */
/** The username tried first: with the birth day and month, or null when there is no birthdate (random digits from the start). */
export function firstUsernameCandidate(learner: { firstName: string; lastName: string; birthdate: string | null }): string | null {
  return learner.birthdate ? `${usernameStem(learner)}${birthDigits(learner.birthdate)}` : null;
}

function usernameStem(learner: { firstName: string; lastName: string }): string {
  return `${usernamePart(learner.firstName) || EMPTY_PART}.${usernamePart(learner.lastName) || EMPTY_PART}`;
}

export async function generateUsername(
  learner: { firstName: string; lastName: string; birthdate: string | null },
  isTaken: (username: string) => Promise<boolean>,
  random: RandomInt = cryptoRandomInt,
): Promise<string | null> {
  const stem = usernameStem(learner);
  let candidate = firstUsernameCandidate(learner) ?? `${stem}${randomDigits(random)}`;
  for (let attempt = 0; attempt < MAX_USERNAME_ATTEMPTS; attempt++) {
    if (!(await isTaken(candidate))) return candidate;
    candidate = `${stem}${randomDigits(random)}`;
  }
  return null;
}
