import type { CampaignLanding } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../shared/ui/Notice';
import { useCampaignSsoEntry } from './mediacentreQueries';

/**
 * On the landing of a Médiacentre school's campaign: a hint, with the ENT sign-in link, for
 * a pupil signed out or signed in another way (`learners-and-accounts.md` §4). Never a block,
 * and nothing for a pupil who came through the ENT already.
 */
export function MediacentreHint({ landing }: { landing: CampaignLanding }) {
  const { t } = useTranslation();
  const isMediacentreSchool = landing.organization.identityProvider === 'MEDIACENTRE';
  const entry = useCampaignSsoEntry(landing);
  // Waiting for the answer rather than flashing a hint the pupil who came through the ENT must not see.
  if (!isMediacentreSchool || entry.isPending || entry.data?.signedInThroughProvider) return null;
  return (
    <Notice testId="mediacentre-hint">
      <p>{t('learner.landing.mediacentreHint')}</p>
      {entry.data && entry.data.providers.length > 0 ? (
        <ul>
          {entry.data.providers.map((provider) => (
            <li key={provider.loginUrl}>
              {/* The API's sign-in route sends the browser to the ENT: a full navigation. */}
              <a href={provider.loginUrl}>{t('learner.mediacentre.signInWith', { provider: provider.label })}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
