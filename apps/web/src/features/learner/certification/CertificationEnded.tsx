import type { CertificationEndReason } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/ui/Page';

/** The end of the test: no score yet, since results wait for the sitting's publication. */
export function CertificationEnded({ reason }: { reason: CertificationEndReason | null }) {
  const { t } = useTranslation();
  return (
    <Page title={t('learner.certificationTest.ended.title')} testId="certification-ended">
      <p className="alert alert--success" role="status">
        <strong>{t('learner.certificationTest.ended.message')}</strong>
        {reason ? ` ${t(`learner.certificationTest.ended.reasons.${reason}`)}` : null}
      </p>
      <p data-testid="certification-results-later">{t('learner.certificationTest.ended.results')}</p>
      <p>
        <Link to="/">{t('learner.certificationTest.ended.home')}</Link>
      </p>
    </Page>
  );
}
