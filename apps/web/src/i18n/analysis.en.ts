import type { analysisErrorsFr, analysisFr } from './analysis.fr';

type Resource<T> = { [K in keyof T]: T[K] extends string ? string : Resource<T[K]> };

/** English for « Analyse », « Résultats collectifs » and the participant pages; same keys as `analysis.fr.ts`. */
export const analysisEn: Resource<typeof analysisFr> = {};

export const analysisErrorsEn: Record<keyof typeof analysisErrorsFr, string> = {
  LEARNER_NOT_FOUND: 'This pupil cannot be found in your organization.',
};
