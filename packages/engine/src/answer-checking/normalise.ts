import type { Tolerance } from './challenge';

const NO_BREAK_SPACES = /[\u00A0\u202F]/gu;
const COMBINING_DIACRITICS = /[\u0300-\u036F]/gu;
const WHITESPACE = /\s/gu;
const WHITESPACE_RUNS = /\s+/gu;
const NOT_LETTER_DIGIT_OR_SPACE = /[^\p{L}\p{Nd}\s]/gu;
const LIGATURES: ReadonlyArray<readonly [RegExp, string]> = [
  [/œ/gu, 'oe'],
  [/æ/gu, 'ae'],
  [/ß/gu, 'ss'],
];

/**
 * Pre-treatment applied to every answer and accepted solution before anything else:
 * Unicode NFC, and no-break spaces (U+00A0, U+202F) turned into plain spaces, because
 * French typing inserts them before « : ; ! ? » without the learner noticing.
 */
export function preTreat(value: string): string {
  return value.normalize('NFC').replace(NO_BREAK_SPACES, ' ');
}

/**
 * Tolerance t1: ignores surrounding and inner spaces, case, ligatures and accents.
 * Ligatures are folded after the NFD decomposition rather than before it, so that an
 * accented ligature such as « ǣ » also becomes « ae »; folding first would leave « æ » and
 * make t1 change its own output.
 */
export function applyT1(value: string): string {
  let folded = value.trim().toLowerCase().normalize('NFD');
  for (const [ligature, letters] of LIGATURES) folded = folded.replace(ligature, letters);
  return folded.replace(COMBINING_DIACRITICS, '').replace(WHITESPACE, '').normalize('NFC');
}

/**
 * Tolerance t2: keeps only letters of any script, decimal digits and single spaces.
 * Unlike an ASCII-only filter, accented letters survive when t1 is off.
 */
export function applyT2(value: string): string {
  return value.replace(NOT_LETTER_DIGIT_OR_SPACE, '').replace(WHITESPACE_RUNS, ' ').trim();
}

/**
 * Full treatment of one string: pre-treatment, then t1 before t2 when enabled. The same
 * treatment is applied to the answer and to every accepted solution. t3 is a comparison
 * rule, not a transformation, so it does not change the string.
 */
export function treat(value: string, tolerances: readonly Tolerance[]): string {
  let treated = preTreat(value);
  if (tolerances.includes('t1')) treated = applyT1(treated);
  if (tolerances.includes('t2')) treated = applyT2(treated);
  return treated;
}
