import type { TFunction } from 'i18next';

/** Names starting with a vowel take « d’ » rather than « de » in French (« le compte d’Inès »). */
const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüÿ]/i;

/** « de Louis Bernard » / « d’Inès Moreau » (« of … » in English), for the labels that name the pupil. */
export function ofName(t: TFunction, name: string): string {
  return VOWEL_START.test(name) ? t('orga.pupilAccounts.ofElided', { name }) : t('orga.pupilAccounts.of', { name });
}
