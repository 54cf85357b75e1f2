import type { AnalysisTube, CampaignAnalysis, CollectiveResults, LevelGauge } from '@jalon/contracts';
import { levelBand, RECOMMENDATION_SCALE, recommendationBubbles, roundHalfUp, scaledTubeScore } from '@jalon/engine';
import type { Executor } from '../../platform/db/database';
import type { ContentIndex } from '../assessment';
import { campaignStructure, competenceRef, tubeTexts, tubeTutorials, type CampaignStructure, type CampaignTube } from './campaign-tubes';
import { classesOfSenders, countedParticipations, countOf, learnerHalves, standingCounts, type ClassFilter, type StandingCount } from './counted';

/** Per tube, exact sums over the counted learners: scores (in 840ths), reached levels, validated skills. */
export interface TubeSums {
  tube: CampaignTube;
  scaledScores: number;
  reached: number;
  validated: number;
}

/**
 * Sums each tube's figures over `learners`, from the standings of those who validated
 * something in it; every other learner scores only the 30-point term there.
 */
export function tubeSums(structure: CampaignStructure, standings: readonly StandingCount[], learners: number): TubeSums[] {
  return structure.tubes.map((tube) => {
    const rows = standings.filter((s) => s.tubeId === tube.id);
    const withNothing = learners - rows.reduce((n, r) => n + r.learners, 0);
    let scaledScores = withNothing * scaledTubeScore(tube, structure.maxAll, { reached: 0, validatedInTube: 0 });
    let reached = 0;
    let validated = 0;
    for (const row of rows) {
      scaledScores += row.learners * scaledTubeScore(tube, structure.maxAll, { reached: row.reached, validatedInTube: row.validated });
      reached += row.learners * row.reached;
      validated += row.learners * row.validated;
    }
    return { tube, scaledScores, reached, validated };
  });
}

/** Ascending average score, ties by tube id: every average shares one denominator, so sums compare exactly. */
export function byRecommendation(a: TubeSums, b: TubeSums): number {
  return a.scaledScores - b.scaledScores || (a.tube.id < b.tube.id ? -1 : a.tube.id > b.tube.id ? 1 : 0);
}

export function analysisTube(content: ContentIndex, sums: TubeSums, learners: number, shownTutorials: ReadonlySet<string>): AnalysisTube {
  const { tube } = sums;
  return {
    id: tube.id,
    ...tubeTexts(content, tube.id),
    competence: competenceRef(content, tube.competenceId),
    averageScore: roundHalfUp(sums.scaledScores, RECOMMENDATION_SCALE * learners, 2),
    bubbles: recommendationBubbles(sums.scaledScores, learners),
    meanReached: roundHalfUp(sums.reached, learners, 2),
    maxLevel: tube.maxLevel,
    percent: roundHalfUp(100 * sums.reached, learners * tube.maxLevel),
    tutorials: tubeTutorials(content, tube, shownTutorials),
  };
}

/**
 * §5.2: the mean over tubes of each tube's mean reached level, against the mean of their
 * maxima; in integers, `Σ reached / (learners × tubes)` and `Σ max / tubes`.
 */
function gauge(sums: readonly TubeSums[], learners: number): LevelGauge {
  const reached = sums.reduce((n, s) => n + s.reached, 0);
  const max = sums.reduce((n, s) => n + s.tube.maxLevel, 0);
  return {
    meanLevel: roundHalfUp(reached, learners * sums.length, 2),
    meanMaxLevel: roundHalfUp(max, sums.length, 2),
    percent: roundHalfUp(100 * reached, learners * max),
    band: levelBand(reached, learners * sums.length),
  };
}

async function countedSums(executor: Executor, content: ContentIndex, campaignId: string, filter: ClassFilter) {
  const structure = await campaignStructure(executor, content, campaignId);
  const counted = countedParticipations(campaignId, filter);
  const [learners, standings, classes] = await Promise.all([
    countOf(executor, counted),
    structure.tubes.length > 0
      ? standingCounts(
          executor,
          structure.tubes,
          learnerHalves.map((half) => countedParticipations(campaignId, filter, half)),
        )
      : Promise.resolve([]),
    classesOfSenders(executor, campaignId),
  ]);
  return { structure, learners, classes, sums: learners > 0 ? tubeSums(structure, standings, learners) : [] };
}

/** « Analyse » of a campaign (`analytics-and-exports.md` §5): tubes by recommendation, competences as gauges. */
export async function campaignAnalysis(executor: Executor, content: ContentIndex, campaignId: string, filter: ClassFilter): Promise<CampaignAnalysis> {
  const { structure, learners, classes, sums } = await countedSums(executor, content, campaignId, filter);
  const none = new Set<string>();
  return {
    participantCount: learners,
    ...classes,
    tubes: [...sums].sort(byRecommendation).map((s) => analysisTube(content, s, learners, none)),
    competences: structure.competenceIds
      .map((competenceId) => ({ competenceId, ofCompetence: sums.filter((s) => s.tube.competenceId === competenceId) }))
      .filter(({ ofCompetence }) => ofCompetence.length > 0)
      .map(({ competenceId, ofCompetence }) => ({ ...competenceRef(content, competenceId), gauge: gauge(ofCompetence, learners) })),
    global: sums.length > 0 ? gauge(sums, learners) : null,
  };
}

/**
 * « Résultats collectifs » (§6): per competence, the validated targeted skills averaged over
 * the counted learners, and each tube's mean reached level against its maximum.
 */
export async function collectiveResults(executor: Executor, content: ContentIndex, campaignId: string, filter: ClassFilter): Promise<CollectiveResults> {
  const { structure, learners, classes, sums } = await countedSums(executor, content, campaignId, filter);
  return {
    participantCount: learners,
    ...classes,
    competences:
      learners === 0
        ? []
        : structure.competenceIds.map((competenceId) => {
            const ofCompetence = sums.filter((s) => s.tube.competenceId === competenceId);
            const targetedSkills = ofCompetence.reduce((n, s) => n + s.tube.levels.length, 0);
            const validated = ofCompetence.reduce((n, s) => n + s.validated, 0);
            return {
              ...competenceRef(content, competenceId),
              targetedSkills,
              averageValidatedSkills: roundHalfUp(validated, learners, 2),
              percent: roundHalfUp(100 * validated, learners * targetedSkills),
              tubes: ofCompetence.map((s) => ({
                id: s.tube.id,
                practicalTitle: tubeTexts(content, s.tube.id).practicalTitle,
                meanReached: roundHalfUp(s.reached, learners, 2),
                maxLevel: s.tube.maxLevel,
                percent: roundHalfUp(100 * s.reached, learners * s.tube.maxLevel),
              })),
            };
          }),
  };
}
