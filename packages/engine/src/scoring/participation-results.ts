import type { SkillId } from '../brand';
import type { KnowledgeElementStatus } from '../knowledge';
import type { Badge, BadgeResult, BadgeSkill } from './badges';
import { evaluateBadge } from './badges';
import { countValidated, masteryRate, validatedSkills } from './mastery';
import type { Stage, StageResult } from './stages';
import { reachedStage } from './stages';

/** What an assessment or exam participation shows: computed at completion and again at share. */
export interface ParticipationResults {
  readonly validatedSkillsCount: number;
  /** Full precision, in [0, 1]; displays round it to whole percents. */
  readonly masteryRate: number;
  /** `undefined` when the target profile has no stages. */
  readonly stage: StageResult | undefined;
  readonly badges: readonly BadgeResult[];
}

/**
 * The results of an ASSESSMENT or EXAM participation on its campaign skills, from a set of
 * knowledge elements: the share snapshot (stored with the participation, read by Orga) or,
 * at completion, the live current state (EXAM: the participation's elements).
 */
export function participationResults(
  campaignSkills: readonly BadgeSkill[],
  elements: readonly { readonly skillId: SkillId; readonly status: KnowledgeElementStatus }[],
  stages: readonly Stage[],
  badges: readonly Badge[],
): ParticipationResults {
  const validated = validatedSkills(elements);
  const validatedSkillsCount = countValidated(campaignSkills, validated);
  return {
    validatedSkillsCount,
    masteryRate: masteryRate(validatedSkillsCount, campaignSkills.length),
    stage: reachedStage(stages, campaignSkills, validated),
    badges: badges.map((badge) => evaluateBadge(badge, campaignSkills, validated)),
  };
}
