import type { ReleaseStage } from '@jalon/content';
import type { Stage } from '@jalon/engine';

/** `target_profiles.stages` as the sync wrote it: the release's stages, texts included. */
export function storedStages(column: unknown): ReleaseStage[] {
  return (column ?? []) as ReleaseStage[];
}

/** What the engine needs of a stored stage to resolve and reach it (spec's threshold, level and first-skill stages). */
export function engineStage(stage: Pick<ReleaseStage, 'id' | 'threshold' | 'level' | 'isFirstSkill'>): Stage {
  if (stage.isFirstSkill) return { id: stage.id, isFirstSkill: true };
  if (stage.level !== undefined) return { id: stage.id, level: stage.level };
  return { id: stage.id, threshold: stage.threshold ?? 0 };
}
