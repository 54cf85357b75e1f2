import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProfile } from '../profile/profileQueries';
import { CERTIFICATION_PATH } from './certificationPaths';
import { useMyEntry } from './certificationQueries';

/**
 * On the learner's home page: « Vous pouvez passer la certification » once the live profile
 * is certifiable (`certification.md` §2), or a way back to a sitting already entered.
 */
export function CertificationHomeNotice() {
  const { t } = useTranslation();
  const profile = useProfile();
  const entry = useMyEntry();
  const open = entry.data?.entry && entry.data.entry.state !== 'ended';
  if (!open && !profile.data?.isCertifiable) return null;
  return (
    <section className="alert alert--success" aria-labelledby="home-certification" data-testid="home-certification">
      <h2 id="home-certification">
        {open ? t('learner.certificationTest.homeInProgress') : t('learner.certificationTest.homeCertifiable')}
      </h2>
      <p>
        <Link to={CERTIFICATION_PATH}>{t('learner.certificationTest.homeLink')}</Link>
      </p>
    </section>
  );
}
