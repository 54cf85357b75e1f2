import {
  participationResults,
  reachedStage,
  skillId,
  tubeId,
  validatedSkills,
  type Badge,
  type BadgeResult,
  type KnowledgeElementStatus,
  type SkillId,
  type Stage,
  type StageResult,
} from '@jalon/engine';
import { engineStage, storedStages } from '../catalogue';
import type { targetProfiles } from '../catalogue/schema';

type ProfileRow = typeof targetProfiles.$inferSelect;

/** A campaign skill as frozen in `campaign_skills`. */
export interface CampaignSkill {
  skillId: string;
  tubeId: string;
  competenceId: string;
  level: number;
}

/** What the end page shows (completion time) and what the share stores (snapshot). */
export interface CampaignResultValues {
  validatedSkillsCount: number;
  masteryRate: number;
  stage: StageResult | null;
  badges: BadgeResult[];
  competences: { competenceId: string; validated: number; total: number; stars: number | null }[];
}

interface BadgeFile {
  key: string;
  criteria: ({ scope: 'CampaignParticipation'; threshold: number } | { scope: 'CappedTubes'; threshold: number; cappedTubes: { tubeId: string; level: number }[] })[];
}

export function stagesOf(profile: ProfileRow): Stage[] {
  return storedStages(profile.stages).map(engineStage);
}

export function badgesOf(profile: ProfileRow): Badge[] {
  return (profile.badges as BadgeFile[]).map((b) => ({
    key: b.key,
    criteria: b.criteria.map((c) =>
      c.scope === 'CampaignParticipation'
        ? c
        : { scope: 'CappedTubes' as const, threshold: c.threshold, cappedTubes: c.cappedTubes.map((t) => ({ tubeId: tubeId(t.tubeId), level: t.level })) },
    ),
  }));
}

/**
 * Mastery, stage, badges and per-competence mastery of a campaign from a set of knowledge
 * elements: the live current state at completion, or the snapshot at share.
 */
export function campaignResultValues(
  skills: readonly CampaignSkill[],
  profile: ProfileRow | null,
  elements: readonly { skillId: SkillId; status: KnowledgeElementStatus }[],
): CampaignResultValues {
  const badgeSkills = skills.map((s) => ({ id: skillId(s.skillId), tubeId: tubeId(s.tubeId), level: s.level }));
  const stages = profile ? stagesOf(profile) : [];
  const results = participationResults(badgeSkills, elements, stages, profile ? badgesOf(profile) : []);
  const validated = validatedSkills(elements);
  const byCompetence = new Map<string, typeof badgeSkills>();
  skills.forEach((s, i) => byCompetence.set(s.competenceId, [...(byCompetence.get(s.competenceId) ?? []), badgeSkills[i]!]));
  return {
    validatedSkillsCount: results.validatedSkillsCount,
    masteryRate: results.masteryRate,
    stage: results.stage ?? null,
    badges: [...results.badges],
    competences: [...byCompetence].map(([competenceId, competenceSkills]) => ({
      competenceId,
      validated: competenceSkills.filter((s) => validated.has(s.id)).length,
      total: competenceSkills.length,
      stars: stages.length > 0 ? (reachedStage(stages, competenceSkills, validated)?.stars ?? null) : null,
    })),
  };
}
