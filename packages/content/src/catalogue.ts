import type {
  Devices,
  Release,
  ReleaseArea,
  ReleaseCompetence,
  ReleaseSkill,
  ReleaseStage,
  ReleaseTargetProfile,
  ReleaseTube,
} from './release';
import type { BadgeFile, LocalizedText, TargetProfileCategory } from './schema';
import { targetProfileCategories } from './schema';

/** Category labels, in the display order of content-model §6. */
export const targetProfileCategoryLabels: Readonly<Record<TargetProfileCategory, LocalizedText>> = {
  BACK_TO_SCHOOL: { fr: 'Parcours de rentrée', en: 'Back to school' },
  COMPETENCES: { fr: 'Compétences Jalon', en: 'Jalon competences' },
  DISCIPLINE: { fr: 'Disciplinaires', en: 'Subjects taught' },
  PREDEFINED: { fr: 'Prêts à l\u2019emploi', en: 'Ready to use' },
  SUBJECT: { fr: 'Thématiques', en: 'Themes' },
  TARGETED: { fr: 'Ciblés', en: 'Targeted' },
  CUSTOM: { fr: 'Créés pour vous', en: 'Made for you' },
  PLUS: { fr: 'Jalon+', en: 'Jalon+' },
  OTHER: { fr: 'Autres', en: 'Others' },
};

/** What a parcours card or list row shows. */
export interface TargetProfileSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: TargetProfileCategory;
  readonly imageUrl?: string;
  readonly isPublic: boolean;
  readonly ownerOrganizationId: string | null;
  readonly outdated: boolean;
  readonly locales: readonly string[];
  readonly competenceIds: readonly string[];
  readonly tubeCount: number;
  readonly skillCount: number;
  readonly stageCount: number;
  readonly badgeCount: number;
  /** Usable on tablet / mobile only when every tube is. */
  readonly devices: Devices;
  readonly estimatedMinutes: number;
}

/** One row of a parcours' documentation: a tube and its cap (« Niveau max »). */
export interface TargetProfileTubeRow {
  readonly tube: ReleaseTube;
  readonly level: number;
  readonly skillCount: number;
}

/** Everything a parcours documentation page (and its PDF) shows. */
export interface TargetProfileDetail extends TargetProfileSummary {
  readonly areas: readonly {
    readonly area: ReleaseArea;
    readonly competences: readonly { readonly competence: ReleaseCompetence; readonly tubes: readonly TargetProfileTubeRow[] }[];
  }[];
  readonly stages: readonly ReleaseStage[];
  readonly badges: readonly Readonly<BadgeFile>[];
}

/**
 * Every active skill of each capped tube at or below its cap: what a campaign on this
 * parcours copies at creation (content-model §6), in tube then level order.
 */
export function campaignSkills(release: Release, profile: ReleaseTargetProfile): ReleaseSkill[] {
  const skillsByTube = new Map<string, ReleaseSkill[]>();
  for (const skill of release.skills) {
    const list = skillsByTube.get(skill.tubeId) ?? [];
    list.push(skill);
    skillsByTube.set(skill.tubeId, list);
  }
  return profile.tubes.flatMap(({ tubeId, level }) =>
    (skillsByTube.get(tubeId) ?? []).filter((skill) => skill.status === 'active' && skill.level <= level),
  );
}

// An adaptive test asks at most one question per campaign skill and a question takes about a
// minute; we round that upper bound up to 5 minutes, as a teacher plans a lesson.
const minutesPerSkill = 1;
const roundingMinutes = 5;

function summarize(release: Release, profile: ReleaseTargetProfile): TargetProfileSummary {
  const tubes = new Map(release.tubes.map((tube) => [tube.id, tube]));
  const profileTubes = profile.tubes.map(({ tubeId }) => tubes.get(tubeId)).filter((tube) => tube !== undefined);
  const competenceIds = release.competences.map((c) => c.id).filter((id) => profileTubes.some((tube) => tube.competenceId === id));
  const skillCount = campaignSkills(release, profile).length;
  return {
    id: profile.id,
    name: profile.name,
    description: profile.description,
    category: profile.category,
    ...(profile.imageUrl !== undefined ? { imageUrl: profile.imageUrl } : {}),
    isPublic: profile.isPublic,
    ownerOrganizationId: profile.ownerOrganizationId,
    outdated: profile.outdated,
    locales: profile.locales,
    competenceIds,
    tubeCount: profile.tubes.length,
    skillCount,
    stageCount: profile.stages.length,
    badgeCount: profile.badges.length,
    devices: {
      tablet: profileTubes.every((tube) => tube.devices.tablet),
      mobile: profileTubes.every((tube) => tube.devices.mobile),
    },
    estimatedMinutes: Math.ceil((skillCount * minutesPerSkill) / roundingMinutes) * roundingMinutes,
  };
}

/**
 * The release's parcours as cards, by category (display order) then name. Outdated ones are
 * left out unless asked for; availability to an organization is the caller's business.
 */
export function listTargetProfiles(release: Release, options: { includeOutdated?: boolean } = {}): TargetProfileSummary[] {
  const order = (category: TargetProfileCategory): number => targetProfileCategories.indexOf(category);
  return release.targetProfiles
    .filter((profile) => options.includeOutdated || !profile.outdated)
    .map((profile) => summarize(release, profile))
    .sort((a, b) => order(a.category) - order(b.category) || a.name.localeCompare(b.name, 'fr', { numeric: true }));
}

/** A parcours' documentation: its tubes grouped by area and competence, stages and badges. */
export function describeTargetProfile(release: Release, id: string): TargetProfileDetail | undefined {
  const profile = release.targetProfiles.find((candidate) => candidate.id === id);
  if (!profile) return undefined;
  const tubes = new Map(release.tubes.map((tube) => [tube.id, tube]));
  const skills = campaignSkills(release, profile);
  const rows = profile.tubes.flatMap(({ tubeId, level }): TargetProfileTubeRow[] => {
    const tube = tubes.get(tubeId);
    return tube ? [{ tube, level, skillCount: skills.filter((skill) => skill.tubeId === tubeId).length }] : [];
  });
  const areas = release.areas
    .map((area) => ({
      area,
      competences: release.competences
        .filter((competence) => competence.areaId === area.id)
        .map((competence) => ({ competence, tubes: rows.filter((row) => row.tube.competenceId === competence.id) }))
        .filter((entry) => entry.tubes.length > 0),
    }))
    .filter((entry) => entry.competences.length > 0);
  return { ...summarize(release, profile), areas, stages: profile.stages, badges: profile.badges };
}
