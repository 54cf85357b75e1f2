/**
 * « Analyse », « Résultats collectifs » and the participant pages of Orga (issue 6, items
 * 3–5), spread into `orga` and `errors` of `fr.ts`; kept apart so the shared file only gains
 * three lines.
 */
export const analysisFr = {};

export const analysisErrorsFr = {
  LEARNER_NOT_FOUND: 'Cet élève est introuvable dans votre organisation.',
};
