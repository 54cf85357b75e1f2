import type { CompetenceScore } from './competence-score';

/** A competence counts towards certification from this level. */
export const CERTIFIABLE_COMPETENCE_LEVEL = 1;

/** Certifiable competences a learner needs to sit the certification. */
export const CERTIFIABLE_COMPETENCE_COUNT = 5;

/** Number of certifiable competences (level ≥ 1) among core-competence scores. */
export function certifiableCompetenceCount(scores: Iterable<Pick<CompetenceScore, 'level'>>): number {
  let count = 0;
  for (const score of scores) if (score.level >= CERTIFIABLE_COMPETENCE_LEVEL) count++;
  return count;
}

/** Whether a learner is certifiable: at least 5 core competences at level ≥ 1. */
export function isCertifiable(scores: Iterable<Pick<CompetenceScore, 'level'>>): boolean {
  return certifiableCompetenceCount(scores) >= CERTIFIABLE_COMPETENCE_COUNT;
}
