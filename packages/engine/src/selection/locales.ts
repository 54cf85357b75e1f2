/**
 * Locales whose challenges a learner may receive, per learner locale (content-model §4).
 * The first entry is the learner's exact locale.
 */
const ACCEPTED_LOCALES: Readonly<Record<string, readonly string[]>> = {
  'fr-FR': ['fr-FR', 'fr'],
  'fr-BE': ['fr-BE', 'fr'],
  fr: ['fr', 'fr-FR'],
  en: ['en'],
  'nl-BE': ['nl-BE'],
};

/** The locales accepted for a learner locale; an unknown locale accepts only itself. */
export function acceptedLocales(locale: string): readonly string[] {
  return ACCEPTED_LOCALES[locale] ?? [locale];
}
