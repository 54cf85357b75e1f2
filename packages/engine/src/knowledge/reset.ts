import type { EpochMs, SkillId } from '../brand';
import { pix } from '../brand';
import type { KnowledgeElementDraft, StoredKnowledgeElement } from './knowledge-element';
import { currentKnowledgeElements } from './current-state';

/** A current element to be reset keeps its provenance; only status, pix and time change. */
export interface ResetDraft extends KnowledgeElementDraft {
  /** The element this reset copies. */
  readonly resetOf: StoredKnowledgeElement['id'];
}

/**
 * The `reset` elements that wipe skills from the profile: one copy of each current element
 * on the given skills (a competence's skills, or a campaign's), with status `reset`,
 * `earnedPix = 0` and `createdAt = now`. Appending them never rewrites history.
 */
export function resetElements(
  elements: readonly StoredKnowledgeElement[],
  skills: ReadonlySet<SkillId>,
  now: EpochMs,
): ResetDraft[] {
  return currentKnowledgeElements(elements)
    .filter((element) => skills.has(element.skillId))
    .map((element) => ({
      createdAt: now,
      skillId: element.skillId,
      competenceId: element.competenceId,
      source: element.source,
      ...(element.inference == null ? {} : { inference: element.inference }),
      status: 'reset',
      earnedPix: pix(0),
      resetOf: element.id,
    }));
}
