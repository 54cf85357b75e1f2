import type { SkillId } from '../brand';
import { countValidated } from './mastery';
import { percentHalfUp } from './rounding';

/**
 * A stage (palier) of a target profile: threshold-based (0–100 %), level-based (0…highest
 * cap), or the first-skill stage reached by any validated skill. Exactly one zero stage
 * (threshold 0 or level 0) exists; all stages of a profile are of one kind besides first-skill.
 */
export type Stage =
  | { readonly id: string; readonly threshold: number }
  | { readonly id: string; readonly level: number }
  | { readonly id: string; readonly isFirstSkill: true };

/** The campaign skills a stage is measured on (the whole campaign, or one competence's). */
export interface StagedSkill {
  readonly id: SkillId;
  readonly level: number;
}

/** A stage with its threshold on a given skill set. */
export interface ResolvedStage {
  readonly id: string;
  /** Whole percent; `undefined` for the first-skill stage. */
  readonly threshold: number | undefined;
  readonly isFirstSkill: boolean;
}

/** The stage reached by a learner. */
export interface StageResult {
  readonly stageId: string;
  /** 1-based position of the reached stage. */
  readonly reachedStage: number;
  readonly totalStages: number;
  /** Stars shown: `reachedStage − 1` out of `totalStages − 1`. */
  readonly stars: number;
  readonly totalStars: number;
  /** `round(100 × validated / skills)`, the mastery the thresholds are compared with. */
  readonly masteryPercent: number;
}

function isZeroStage(stage: Stage): boolean {
  return ('threshold' in stage && stage.threshold === 0) || ('level' in stage && stage.level === 0);
}

/**
 * Gives every stage its threshold on `skills` and puts them in display order. A level
 * stage L becomes `round(100 × #skills of level ≤ L / #skills)`; the zero stage comes first,
 * the first-skill stage right after it, then the others by threshold.
 */
export function resolveStages(stages: readonly Stage[], skills: readonly StagedSkill[]): ResolvedStage[] {
  const thresholdOfLevel = (levelCap: number) =>
    skills.length === 0 ? 0 : percentHalfUp(skills.filter((skill) => skill.level <= levelCap).length, skills.length);
  const rank = (stage: Stage): [number, number, number] => {
    if (isZeroStage(stage)) return [0, 0, 0];
    if ('isFirstSkill' in stage) return [0, 1, 0];
    if ('threshold' in stage) return [stage.threshold, 2, 0];
    return [thresholdOfLevel(stage.level), 2, stage.level];
  };
  return stages
    .map((stage) => ({ stage, key: rank(stage) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
    .map(({ stage, key }) => ({
      id: stage.id,
      threshold: 'isFirstSkill' in stage ? undefined : key[0],
      isFirstSkill: 'isFirstSkill' in stage,
    }));
}

/**
 * The stage reached on `skills` (campaign skills, or one competence's skills for its
 * stars): the zero stage when nothing is validated, else the last stage that is the
 * first-skill stage or whose threshold is ≤ `round(100 × validated / skills)`.
 *
 * @returns `undefined` when the profile has no stages.
 */
export function reachedStage(
  stages: readonly Stage[],
  skills: readonly StagedSkill[],
  validated: ReadonlySet<SkillId>,
): StageResult | undefined {
  const ordered = resolveStages(stages, skills);
  const validatedCount = countValidated(skills, validated);
  const masteryPercent = skills.length === 0 ? 0 : percentHalfUp(validatedCount, skills.length);
  let index = 0;
  if (validatedCount > 0) {
    ordered.forEach((stage, i) => {
      if (stage.isFirstSkill || (stage.threshold ?? 0) <= masteryPercent) index = i;
    });
  }
  const stage = ordered[index];
  if (stage === undefined) return undefined;
  return {
    stageId: stage.id,
    reachedStage: index + 1,
    totalStages: ordered.length,
    stars: index,
    totalStars: ordered.length - 1,
    masteryPercent,
  };
}
