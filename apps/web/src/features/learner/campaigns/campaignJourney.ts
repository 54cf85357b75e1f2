import type { CampaignLanding, MyParticipation } from '@jalon/contracts';

/** The learner-space paths of one campaign (`campaigns-and-participation.md` §6). */
export const campaignPaths = (code: string) => ({
  landing: `/campagnes/${code}/presentation`,
  reconciliation: `/campagnes/${code}/rejoindre`,
  externalId: `/campagnes/${code}/identifiant`,
  tutorial: `/campagnes/${code}/didacticiel`,
  results: `/campagnes/${code}/resultats`,
  profileCollection: `/campagnes/${code}/collecte`,
});

export const assessmentPath = (assessmentId: string) => `/assessments/${assessmentId}`;

/** What « Je commence » must ask before the participation can start. */
export type MissingStep = 'reconciliation' | 'externalId' | null;

export function missingStep(landing: CampaignLanding): MissingStep {
  const me = landing.me;
  if (me === null) return null;
  if (landing.organization.isRestricted && !me.isReconciled) return 'reconciliation';
  // A resumed or retried participation keeps the id given the first time.
  if (landing.externalIdLabel !== null && me.participation === null) return 'externalId';
  return null;
}

/**
 * Where a started (or resumed) participation continues: profile collections and finished
 * tests go to their own page, a test goes to its next step, after the intro screens the first time.
 */
export function destinationAfterStart(landing: CampaignLanding, participation: MyParticipation, isFirstStart: boolean): string {
  const paths = campaignPaths(landing.code);
  if (landing.type === 'PROFILES_COLLECTION') return paths.profileCollection;
  if (participation.status !== 'STARTED' || participation.assessmentId === null) return paths.results;
  if (isFirstStart) return paths.tutorial;
  return assessmentPath(participation.assessmentId);
}
