import type { SkillId } from '../brand';
import type { StoredKnowledgeElement } from './knowledge-element';
import { newestFirst } from './knowledge-element';

/**
 * The learner's current state, which "the profile" always means: EXAM rows (with a
 * `participationId`) ignored, the newest element kept per skill, and skills whose newest
 * element is a reset dropped. Elements are never updated, so this is recomputed from the log.
 *
 * @returns one element per skill still known, newest first.
 */
export function currentKnowledgeElements<T extends StoredKnowledgeElement>(elements: readonly T[]): T[] {
  const newest = new Map<SkillId, T>();
  for (const element of elements.filter((e) => e.participationId == null).sort(newestFirst)) {
    if (!newest.has(element.skillId)) newest.set(element.skillId, element);
  }
  return [...newest.values()].filter((element) => element.status !== 'reset');
}
