const UAI_CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** A UAI is 7 digits and a check letter: the letter at (the 7 digits mod 23) in `ABCDEFGHJKLMNPRSTUVWXYZ`. */
export function isValidUai(value: string): boolean {
  const match = /^(\d{7})([A-Z])$/.exec(value.toUpperCase());
  if (!match) return false;
  return UAI_CHECK_LETTERS[Number.parseInt(match[1]!, 10) % 23] === match[2];
}

/** Organization types whose external id is a UAI. */
export const SCHOOL_TYPES = new Set(['SCO', 'SCO-1D', 'SUP']);
