import { applyT1, preTreat } from '@jalon/engine';

/**
 * The stored name-order key of `analytics-and-exports.md` §1: t1-standardised last name,
 * then first name, joined by U+0001 (below every printable character) and compared
 * byte-wise, so PGlite and PostgreSQL sort alike without locale collations.
 */
export function learnerSortKey(lastName: string, firstName: string): string {
  return `${applyT1(preTreat(lastName))}\u0001${applyT1(preTreat(firstName))}`;
}
