import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/ui/Page';

export type Unavailability = 'unknown' | 'deleted' | 'archived' | 'invalid';

/** Each reason a code leads nowhere gets its own page, so the learner knows whether to check the code or ask the teacher. */
export function CampaignUnavailablePage({ reason, resultsPath }: { reason: Unavailability; resultsPath?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`learner.unavailable.${reason}.title`)} testId={`campaign-${reason}`}>
      <p>{t(`learner.unavailable.${reason}.text`)}</p>
      <ul className="link-list">
        {resultsPath ? (
          <li>
            <Link to={resultsPath}>{t('learner.unavailable.seeResults')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/campagnes">{t('learner.unavailable.otherCode')}</Link>
        </li>
      </ul>
    </Page>
  );
}
