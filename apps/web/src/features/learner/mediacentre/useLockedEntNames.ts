import type { CampaignLanding } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { useCampaignSsoEntry } from './mediacentreQueries';

/** Read-only fields must not look like fields to fill in. */
export const LOCKED_FIELD_STYLE = { background: 'var(--paper-alt)' };

/**
 * Props for the reconciliation form's name fields: a pupil who came through the school's
 * ENT reconciles with the names it gave, shown locked (`learners-and-accounts.md` §3).
 */
export function useLockedEntNames(landing: CampaignLanding) {
  const { t } = useTranslation();
  const entry = useCampaignSsoEntry(landing);
  if (!entry.data?.signedInThroughProvider) return {};
  return { readOnly: true, style: LOCKED_FIELD_STYLE, hint: t('learner.mediacentre.namesHint') };
}
