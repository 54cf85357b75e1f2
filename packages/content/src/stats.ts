import type { LoadedContent } from './loader';
import type { Problem } from './problems';
import { challengeTypes } from './schema';
import type { ChallengeType } from './schema';

/** The figures printed by `content:check --json`. */
export interface ContentStats {
  areas: number;
  competences: number;
  thematics: number;
  tubes: number;
  /** Active skills. */
  skills: number;
  /** Validated challenges by type; `timed`, `withIllustration`, `withAttachment` count among them. */
  challenges: Record<ChallengeType, number>;
  timed: number;
  withIllustration: number;
  withAttachment: number;
  tutorials: number;
  targetProfiles: number;
  errors: number;
  warnings: number;
}

/** Counts what the content holds, for `content:check --json` and the bank tests. */
export function contentStats(content: LoadedContent, problems: readonly Problem[]): ContentStats {
  const validated = content.challenges.filter((c) => c.data.status === 'validated').map((c) => c.data);
  const byType = Object.fromEntries(challengeTypes.map((type) => [type, validated.filter((c) => c.type === type).length])) as Record<ChallengeType, number>;
  return {
    areas: content.areas.length,
    competences: content.competences.length,
    thematics: content.thematics.length,
    tubes: content.tubes.length,
    skills: content.skills.filter((skill) => skill.data.status === 'active').length,
    challenges: byType,
    timed: validated.filter((c) => c.timer !== undefined).length,
    withIllustration: validated.filter((c) => c.illustration !== undefined).length,
    withAttachment: validated.filter((c) => c.attachments.length > 0).length,
    tutorials: content.tutorials.length,
    targetProfiles: content.targetProfiles.length,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}
