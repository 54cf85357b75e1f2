import {
  describeTargetProfile,
  listTargetProfiles,
  targetProfileCategoryLabels,
  type Release,
  type ReleaseTargetProfile,
  type TargetProfileSummary as CatalogueSummary,
} from '@jalon/content';
import type { TargetProfileCategory, TargetProfileDetail, TargetProfileSummary } from '@jalon/contracts';
import { searchKey } from './search-key';

/** The catalogue functions read profiles from a release: give them the stored ones instead. */
function withProfiles(release: Release, profiles: readonly ReleaseTargetProfile[]): Release {
  return { ...release, targetProfiles: profiles };
}

function toSummary(summary: CatalogueSummary): TargetProfileSummary {
  return {
    id: summary.id,
    name: summary.name,
    description: summary.description,
    category: summary.category,
    categoryLabel: targetProfileCategoryLabels[summary.category],
    locales: [...summary.locales],
    competenceCount: summary.competenceIds.length,
    tubeCount: summary.tubeCount,
    skillCount: summary.skillCount,
    stageCount: summary.stageCount,
    badgeCount: summary.badgeCount,
    devices: { ...summary.devices },
    estimatedMinutes: summary.estimatedMinutes,
  };
}

/**
 * The parcours cards of an organization's catalogue, by category display order then name;
 * `search` matches the name whatever its case and accents.
 */
export function parcoursCatalogue(
  release: Release,
  profiles: readonly ReleaseTargetProfile[],
  filter: { search: string; category?: TargetProfileCategory | undefined },
): TargetProfileSummary[] {
  const wanted = searchKey(filter.search.trim());
  return listTargetProfiles(withProfiles(release, profiles), { includeOutdated: true })
    .filter((profile) => (filter.category === undefined || profile.category === filter.category) && searchKey(profile.name).includes(wanted))
    .map(toSummary);
}

/** A parcours' documentation: competences and their tubes with « Niveau max », stages and badges. */
export function parcoursDocumentation(release: Release, profile: ReleaseTargetProfile): TargetProfileDetail {
  const detail = describeTargetProfile(withProfiles(release, [profile]), profile.id);
  if (!detail) throw new Error(`${profile.id} vanished while being described`);
  return {
    ...toSummary(detail),
    areas: detail.areas.map(({ area, competences }) => ({
      id: area.id,
      code: area.code,
      title: { ...area.title },
      competences: competences.map(({ competence, tubes }) => ({
        id: competence.id,
        index: competence.index,
        name: { ...competence.name },
        tubes: tubes.map(({ tube, level, skillCount }) => ({
          id: tube.id,
          practicalTitle: { ...tube.practicalTitle },
          practicalDescription: { ...tube.practicalDescription },
          level,
          skillCount,
          devices: { ...tube.devices },
        })),
      })),
    })),
    stages: detail.stages.map((stage) => ({
      id: stage.id,
      title: stage.title,
      message: stage.message,
      level: stage.level ?? null,
      threshold: stage.threshold ?? null,
      isFirstSkill: stage.isFirstSkill,
    })),
    badges: detail.badges.map((badge) => ({
      key: badge.key,
      title: badge.title,
      message: badge.message,
      altMessage: badge.altMessage,
      imageUrl: badge.imageUrl,
    })),
  };
}
