/** Locales a challenge, a tutorial or a parcours may declare (content-model §4). */
export const supportedLocales = ['fr', 'fr-FR', 'fr-BE', 'en', 'nl-BE'] as const;

const acceptedChallengeLocales: Record<string, readonly string[]> = {
  'fr-FR': ['fr-FR', 'fr'],
  'fr-BE': ['fr-BE', 'fr'],
  fr: ['fr', 'fr-FR'],
  en: ['en'],
  'nl-BE': ['nl-BE'],
};

/** Whether a challenge declared in `challengeLocales` can be served to a learner in `locale`. */
export function servesLocale(challengeLocales: readonly string[], locale: string): boolean {
  const accepted = acceptedChallengeLocales[locale] ?? [locale];
  return challengeLocales.some((candidate) => accepted.includes(candidate));
}
