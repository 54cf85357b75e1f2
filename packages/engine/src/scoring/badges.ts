import type { SkillId, TubeId } from '../brand';
import { countValidated } from './mastery';
import { roundHalfUp } from './rounding';

/** A tube of a badge criterion, capped at a level. */
export interface CappedTube {
  readonly tubeId: TubeId;
  readonly level: number;
}

/**
 * One criterion of a badge, with a threshold in whole percent (1–100): on all campaign
 * skills, or on the campaign skills of some tubes up to their caps.
 */
export type BadgeCriterion =
  | { readonly scope: 'CampaignParticipation'; readonly threshold: number }
  | { readonly scope: 'CappedTubes'; readonly threshold: number; readonly cappedTubes: readonly CappedTube[] };

/** A badge (résultat thématique): obtained when every criterion is met. */
export interface Badge {
  readonly key: string;
  readonly criteria: readonly BadgeCriterion[];
}

/** The campaign skills a badge is evaluated on. */
export interface BadgeSkill {
  readonly id: SkillId;
  readonly tubeId: TubeId;
  readonly level: number;
}

/** Outcome of one criterion. */
export interface CriterionResult {
  readonly met: boolean;
  /** `min(100, floor(100 × 100 × validated / (threshold × skills)))`; 100 exactly when met. */
  readonly progress: number;
  readonly validated: number;
  readonly skills: number;
}

/** Outcome of one badge. */
export interface BadgeResult {
  readonly key: string;
  readonly obtained: boolean;
  /** `round` of the mean progress of its criteria, in whole percent. */
  readonly progress: number;
  readonly criteria: readonly CriterionResult[];
}

function skillsOf(criterion: BadgeCriterion, campaignSkills: readonly BadgeSkill[]): readonly BadgeSkill[] {
  if (criterion.scope === 'CampaignParticipation') return campaignSkills;
  return campaignSkills.filter((skill) =>
    criterion.cappedTubes.some((tube) => tube.tubeId === skill.tubeId && skill.level <= tube.level),
  );
}

/**
 * Evaluates a criterion in integer arithmetic: met iff `100 × validated ≥ threshold × skills`.
 * A criterion over no skill is vacuously met (the content linter prevents it).
 */
export function evaluateCriterion(
  criterion: BadgeCriterion,
  campaignSkills: readonly BadgeSkill[],
  validated: ReadonlySet<SkillId>,
): CriterionResult {
  const skills = skillsOf(criterion, campaignSkills);
  const validatedCount = countValidated(skills, validated);
  const needed = criterion.threshold * skills.length;
  const met = 100 * validatedCount >= needed;
  const progress = needed === 0 ? 100 : Math.min(100, Math.floor((100 * 100 * validatedCount) / needed));
  return { met, progress, validated: validatedCount, skills: skills.length };
}

/** Evaluates a badge on a campaign's skills: obtained iff every criterion is met. */
export function evaluateBadge(badge: Badge, campaignSkills: readonly BadgeSkill[], validated: ReadonlySet<SkillId>): BadgeResult {
  const criteria = badge.criteria.map((criterion) => evaluateCriterion(criterion, campaignSkills, validated));
  const progressSum = criteria.reduce((sum, criterion) => sum + criterion.progress, 0);
  return {
    key: badge.key,
    obtained: criteria.every((criterion) => criterion.met),
    progress: criteria.length === 0 ? 100 : roundHalfUp(progressSum, criteria.length),
    criteria,
  };
}
