import { useId, useState } from 'react';
import type { Profile } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';

/** Total pix, with a toggletip telling what 1024 means and how far today's content can take a learner. */
export function TotalPix({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const tipId = useId();
  return (
    <div className="total-pix" data-testid="total-pix">
      <p className="total-pix__value">
        <strong data-testid="total-pix-value">{t('learner.profile.pix', { count: profile.totalPix })}</strong>
        <button type="button" className="toggletip" aria-expanded={open} aria-controls={tipId} onClick={() => setOpen(!open)} data-testid="total-pix-help">
          <span aria-hidden="true">?</span>
          <span className="visually-hidden">{t('learner.profile.totalHelp')}</span>
        </button>
      </p>
      <p id={tipId} className="toggletip__text" hidden={!open} data-testid="total-pix-tip">
        {t('learner.profile.totalTip', { maxLevel: profile.maxReachableLevel, maxPix: profile.maxReachablePix })}
      </p>
    </div>
  );
}

export function CertifiableBanner({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  if (profile.isCertifiable) {
    return (
      <div className="alert alert--success" data-testid="certifiable">
        <p>{t('learner.profile.certifiable')}</p>
      </div>
    );
  }
  return (
    <div className="alert alert--info" data-testid="not-certifiable">
      <p>{t('learner.profile.notCertifiable', { count: profile.certifiableCompetenceCount })}</p>
    </div>
  );
}
