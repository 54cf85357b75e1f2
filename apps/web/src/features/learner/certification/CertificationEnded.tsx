import type { CertificationEndReason } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../shared/ui/Button';
import { Page } from '../../shared/ui/Page';

/**
 * The end of the test: no score yet, since results wait for the sitting's publication.
 * `onEnterAnother` lets a candidate enter another sitting while this one is not finalised.
 */
export function CertificationEnded({ reason, onEnterAnother }: { reason: CertificationEndReason | null; onEnterAnother?: () => void }) {
  const { t } = useTranslation();
  return (
    <Page title={t('learner.certificationTest.ended.title')} testId="certification-ended">
      <p className="alert alert--success" role="status">
        <strong>{t('learner.certificationTest.ended.message')}</strong>
        {reason ? ` ${t(`learner.certificationTest.ended.reasons.${reason}`)}` : null}
      </p>
      <p data-testid="certification-results-later">{t('learner.certificationTest.ended.results')}</p>
      <div className="actions">
        <Link to="/">{t('learner.certificationTest.ended.home')}</Link>
        {onEnterAnother ? (
          <Button variant="secondary" onClick={onEnterAnother} data-testid="certification-enter-another">
            {t('learner.certificationTest.ended.enterAnother')}
          </Button>
        ) : null}
      </div>
    </Page>
  );
}
