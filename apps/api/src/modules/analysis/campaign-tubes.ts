import type { AnalysisTutorial } from '@jalon/contracts';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import type { ContentIndex } from '../assessment';
import { campaignSkills } from '../campaigns';

export interface CompetenceRef {
  id: string;
  index: string;
  name: { fr: string; en?: string };
  areaCode: string;
  areaColor: string;
}

export interface CampaignTube {
  id: string;
  competenceId: string;
  /** Levels of its campaign skills, ascending. */
  levels: number[];
  skillIds: string[];
  maxLevel: number;
}

/** A campaign's frozen skills grouped by tube and competence, in framework order. */
export interface CampaignStructure {
  tubes: CampaignTube[];
  /** The hardest level over all campaign skills (`maxAll`); 0 for a campaign without skills. */
  maxAll: number;
  competenceIds: string[];
  skillCount: number;
}

export async function campaignStructure(executor: Executor, content: ContentIndex, campaignId: string): Promise<CampaignStructure> {
  const rows = await executor.select().from(campaignSkills).where(eq(campaignSkills.campaignId, campaignId));
  const byTube = new Map<string, CampaignTube>();
  for (const row of [...rows].sort((a, b) => a.level - b.level)) {
    const tube = byTube.get(row.tubeId) ?? { id: row.tubeId, competenceId: row.competenceId, levels: [], skillIds: [], maxLevel: 0 };
    tube.levels.push(row.level);
    tube.skillIds.push(row.skillId);
    tube.maxLevel = Math.max(tube.maxLevel, row.level);
    byTube.set(row.tubeId, tube);
  }
  const order = new Map(content.release.competences.map((c, i) => [c.id, i]));
  const rank = (competenceId: string) => order.get(competenceId) ?? Number.MAX_SAFE_INTEGER;
  const tubes = [...byTube.values()].sort((a, b) => rank(a.competenceId) - rank(b.competenceId) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    tubes,
    maxAll: Math.max(0, ...rows.map((r) => r.level)),
    competenceIds: [...new Set(tubes.map((t) => t.competenceId))],
    skillCount: rows.length,
  };
}

export function competenceRef(content: ContentIndex, competenceId: string): CompetenceRef {
  const competence = content.competence(competenceId);
  const area = competence ? content.area(competence.areaId) : undefined;
  return {
    id: competenceId,
    index: competence?.index ?? '',
    name: competence ? { ...competence.name } : { fr: competenceId },
    areaCode: area?.code ?? '',
    areaColor: area?.color ?? '',
  };
}

export function tubeTexts(content: ContentIndex, tubeId: string) {
  const tube = content.tube(tubeId);
  return {
    practicalTitle: tube ? { ...tube.practicalTitle } : { fr: tubeId },
    practicalDescription: tube ? { ...tube.practicalDescription } : { fr: '' },
  };
}

/**
 * The tutorials of a tube (`analytics-and-exports.md` §5.1): the union of its campaign
 * skills' `tutorials`, by skill level, each once at the lowest level that brings it.
 */
export function tubeTutorials(content: ContentIndex, tube: CampaignTube, shown: ReadonlySet<string>): AnalysisTutorial[] {
  const seen = new Set<string>();
  const tutorials: AnalysisTutorial[] = [];
  tube.skillIds.forEach((skillId, i) => {
    for (const tutorialId of content.skill(skillId)?.tutorials ?? []) {
      const tutorial = content.tutorial(tutorialId);
      if (!tutorial || seen.has(tutorialId)) continue;
      seen.add(tutorialId);
      tutorials.push({
        id: tutorial.id,
        title: tutorial.title,
        link: tutorial.link,
        source: tutorial.source,
        format: tutorial.format,
        duration: tutorial.duration,
        skillLevel: tube.levels[i]!,
        shownDuringTest: shown.has(tutorial.id),
      });
    }
  });
  return tutorials;
}
