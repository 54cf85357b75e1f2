import type { Level, SkillId, TubeId } from '../brand';
import { level } from '../brand';
import type { KnowledgeElementStatus, MeasuredSkill } from './knowledge-element';

/**
 * The compact form of what is known of a tube: levels ≤ `floor` validated, levels ≥
 * `ceiling` invalidated, others untested. A cache at most: knowledge elements stay the truth.
 */
export interface TubeBounds {
  /** Highest validated level, 0 when none. */
  readonly floor: Level;
  /** Lowest invalidated level, `undefined` when none. */
  readonly ceiling: Level | undefined;
}

/**
 * Computes {@link TubeBounds} for every tube of `skills` from a set of knowledge elements
 * (typically the current state, or the elements kept by the 4-day rule).
 */
export function tubeBounds(
  skills: readonly MeasuredSkill[],
  elements: readonly { readonly skillId: SkillId; readonly status: KnowledgeElementStatus }[],
): Map<TubeId, TubeBounds> {
  const bySkill = new Map(skills.map((skill) => [skill.id, skill]));
  const floors = new Map<TubeId, number>();
  const ceilings = new Map<TubeId, number>();
  for (const skill of skills) floors.set(skill.tubeId, 0);
  for (const element of elements) {
    const skill = bySkill.get(element.skillId);
    if (skill === undefined) continue;
    if (element.status === 'validated') floors.set(skill.tubeId, Math.max(floors.get(skill.tubeId) ?? 0, skill.level));
    if (element.status === 'invalidated') {
      ceilings.set(skill.tubeId, Math.min(ceilings.get(skill.tubeId) ?? Number.POSITIVE_INFINITY, skill.level));
    }
  }
  const bounds = new Map<TubeId, TubeBounds>();
  for (const [tube, floor] of floors) {
    const ceiling = ceilings.get(tube);
    bounds.set(tube, { floor: level(floor), ceiling: ceiling === undefined ? undefined : level(ceiling) });
  }
  return bounds;
}
