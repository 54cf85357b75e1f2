import type { SkillId } from '../brand';
import type { StoredKnowledgeElement } from './knowledge-element';
import { newestFirst } from './knowledge-element';

/**
 * The learner's current state, which "the profile" always means: EXAM rows (with a
 * `participationId`) ignored, the newest element kept per skill, and skills whose newest
 * element is a reset dropped. Elements are never updated, so this is recomputed from the log.
 *
 * An EXAM participation's own knowledge is the same rule over its rows only: pass
 * `'participation'` with that participation's elements.
 *
 * @returns one element per skill still known, newest first.
 */
export function currentKnowledgeElements<T extends StoredKnowledgeElement>(elements: readonly T[], scope: 'profile' | 'participation' = 'profile'): T[] {
  const newest = new Map<SkillId, T>();
  const inScope = scope === 'profile' ? elements.filter((e) => e.participationId == null) : elements;
  for (const element of [...inScope].sort(newestFirst)) {
    if (!newest.has(element.skillId)) newest.set(element.skillId, element);
  }
  return [...newest.values()].filter((element) => element.status !== 'reset');
}
