import type { Level, Pix, SkillId } from '../brand';
import type { KnowledgeElementStatus } from '../knowledge';
import { CORE_COMPETENCE_COUNT, PIX_PER_LEVEL } from './competence-score';

/** The skills a set of elements (a snapshot, a current state) holds as validated. */
export function validatedSkills(
  elements: readonly { readonly skillId: SkillId; readonly status: KnowledgeElementStatus }[],
): Set<SkillId> {
  return new Set(elements.filter((element) => element.status === 'validated').map((element) => element.skillId));
}

/** How many of `skills` are in `validated`. */
export function countValidated(skills: readonly { readonly id: SkillId }[], validated: ReadonlySet<SkillId>): number {
  return skills.filter((skill) => validated.has(skill.id)).length;
}

/**
 * Mastery rate of an assessment or exam, at full precision: validated campaign skills /
 * campaign skills, in [0, 1]. A campaign always has skills; with none, nothing is mastered.
 */
export function masteryRate(validatedCount: number, skillCount: number): number {
  return skillCount === 0 ? 0 : validatedCount / skillCount;
}

/**
 * Mastery rate of a profile collection: total pix / the reachable maximum
 * (`maxReachableLevel × 8 × 16`), in [0, 1].
 */
export function profileCollectionMasteryRate(totalPix: Pix, maxLevel: Level): number {
  return totalPix / (maxLevel * PIX_PER_LEVEL * CORE_COMPETENCE_COUNT);
}

/**
 * Progression during a test: the share of target skills holding a kept knowledge element
 * (after the 4-day rule), in [0, 1]; 1 once the assessment is completed.
 */
export function progression(
  targetSkills: readonly { readonly id: SkillId }[],
  keptElements: readonly { readonly skillId: SkillId }[],
  completed: boolean,
): number {
  if (completed) return 1;
  const known = new Set(keptElements.map((element) => element.skillId));
  const assessed = targetSkills.filter((skill) => known.has(skill.id)).length;
  return targetSkills.length === 0 ? 1 : assessed / targetSkills.length;
}
