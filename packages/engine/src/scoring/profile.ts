import type { CompetenceId, Level, Pix } from '../brand';
import type { StoredKnowledgeElement } from '../knowledge';
import { currentKnowledgeElements } from '../knowledge';
import { certifiableCompetenceCount, isCertifiable } from './certifiability';
import type { CompetenceScore } from './competence-score';
import { competenceScores, DEFAULT_MAX_REACHABLE_LEVEL, totalScore } from './competence-score';

/** A learner's profile: the 16 competence scores, the total and certifiability. */
export interface ProfileScore {
  readonly competences: ReadonlyMap<CompetenceId, CompetenceScore>;
  /** Σ capped competence pix. */
  readonly totalPix: Pix;
  readonly certifiableCompetenceCount: number;
  readonly isCertifiable: boolean;
}

/**
 * Scores a profile from a learner's knowledge elements (the whole log, or a snapshot):
 * the current state is taken first, so EXAM rows and reset skills never count.
 *
 * @param coreCompetenceIds - the 16 core competences; others (other frameworks) do not count.
 */
export function profileScore(
  elements: readonly StoredKnowledgeElement[],
  coreCompetenceIds: readonly CompetenceId[],
  maxLevel: Level = DEFAULT_MAX_REACHABLE_LEVEL,
): ProfileScore {
  const competences = competenceScores(currentKnowledgeElements(elements), coreCompetenceIds, maxLevel);
  return {
    competences,
    totalPix: totalScore(competences.values()),
    certifiableCompetenceCount: certifiableCompetenceCount(competences.values()),
    isCertifiable: isCertifiable(competences.values()),
  };
}
