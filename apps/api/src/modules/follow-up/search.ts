import { applyT1, preTreat } from '@jalon/engine';

/** How close a name must be to the query, as PostgreSQL's `pg_trgm` would say (`analytics-and-exports.md` §1). */
export const SIMILARITY_THRESHOLD = 0.2;

/** Lower case without accents or ligatures, cut into words of letters and digits, as `pg_trgm` cuts them. */
function words(text: string): string[] {
  return preTreat(text)
    .split(/[^\p{L}\p{Nd}]+/u)
    .map((word) => applyT1(word))
    .filter((word) => word !== '');
}

/** `pg_trgm`'s trigrams: each word padded with two spaces before and one after. */
function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of words(text)) {
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= padded.length; i++) result.add(padded.slice(i, i + 3).join(''));
  }
  return result;
}

/** Shared trigrams over all trigrams of both, `pg_trgm`'s `similarity()`. */
export function trigramSimilarity(a: string, b: string): number {
  return similarityOf(trigrams(a), trigrams(b));
}

function similarityOf(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared++;
  return shared / (left.size + right.size - shared);
}

/**
 * The name search of the follow-up lists: the t1-standardised query is contained in the
 * standardised first or last name, or its trigram similarity with « first last » is ≥ 0.2.
 * PGlite ships without `pg_trgm` unless loaded as an extension and a PostgreSQL server may
 * lack the contrib package, so the similarity is computed here, identically on both engines.
 */
export function nameMatches(query: string, firstName: string, lastName: string): boolean {
  return nameMatcher(query)(firstName, lastName);
}

/**
 * `nameMatches` for one query over many names: the query is standardised and cut into
 * trigrams once, not once per participant of the campaign.
 */
export function nameMatcher(query: string): (firstName: string, lastName: string) => boolean {
  const standardised = applyT1(preTreat(query));
  if (standardised === '') return () => true;
  const queryTrigrams = trigrams(query);
  return (firstName, lastName) =>
    applyT1(preTreat(firstName)).includes(standardised) ||
    applyT1(preTreat(lastName)).includes(standardised) ||
    similarityOf(queryTrigrams, trigrams(`${firstName} ${lastName}`)) >= SIMILARITY_THRESHOLD;
}
