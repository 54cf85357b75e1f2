import type { LocalizedText } from '../../../api/types';

/** Content text in the interface language: English when the authors wrote it, French otherwise. */
export function localized(text: LocalizedText, language: string): string {
  return language.startsWith('en') ? (text.en ?? text.fr) : text.fr;
}
