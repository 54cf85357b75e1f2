import { useQuery } from '@tanstack/react-query';
import type { MyCertification, MyCertifications } from '@jalon/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { formatDate } from '../../shared/format/formatDate';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import './my-certifications.css';

/** `/mes-certifications` (`certification.md` §6): every certification taken, its result once published, its code to share. */
export function MyCertificationsPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <MyCertificationsList />}</RequireSignedIn>;
}

function MyCertificationsList() {
  const { t } = useTranslation();
  const certifications = useQuery({ queryKey: ['me', 'certifications'], queryFn: () => api.get<MyCertifications>('/api/me/certifications') });
  return (
    <Page title={t('certificationResults.mine.title')} testId="my-certifications-page">
      <p>{t('certificationResults.mine.intro')}</p>
      {certifications.isPending ? <Loading /> : null}
      <ErrorSummary error={certifications.error} />
      {certifications.data?.certifications.length === 0 ? <p>{t('certificationResults.mine.empty')}</p> : null}
      {certifications.data && certifications.data.certifications.length > 0 ? (
        <ul className="my-certifications">
          {certifications.data.certifications.map((certification) => (
            <CertificationCard key={certification.courseId} certification={certification} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function CertificationCard({ certification }: { certification: MyCertification }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState(false);
  const titleId = `certification-${certification.courseId}`;
  const copy = (code: string) => {
    void navigator.clipboard?.writeText(code).then(() => setCopied(true));
  };
  return (
    <li className={`my-certification my-certification--${certification.status}`} aria-labelledby={titleId} data-testid="my-certification">
      <h2 id={titleId} className="my-certification__title">
        {t('certificationResults.mine.sitting', { date: formatDate(certification.date, i18n.language, 'UTC'), centre: certification.centreName })}
      </h2>
      <p className="my-certification__status" data-testid="my-certification-status">
        {certification.status === 'started' ? t('certificationResults.mine.inProgress') : t(`certificationResults.status.${certification.status}`)}
        {certification.pixScore !== null ? (
          <>
            {' — '}
            <strong data-testid="my-certification-score">{t('certificationResults.pix', { count: certification.pixScore })}</strong>
          </>
        ) : null}
      </p>
      {certification.status === 'started' ? (
        <Link className="button" to="/certification" data-testid="my-certification-resume">
          {t('certificationResults.mine.resume')}
        </Link>
      ) : null}
      {certification.verificationCode ? (
        <>
          <p>
            {t('certificationResults.mine.code')} : <code data-testid="my-certification-code">{certification.verificationCode}</code>{' '}
            <Button variant="link" onClick={() => copy(certification.verificationCode!)}>
              {t('certificationResults.mine.copy')}
            </Button>
            <span role="status">{copied ? ` ${t('certificationResults.mine.copied')}` : ''}</span>
          </p>
          <p className="my-certification__hint">
            {t('certificationResults.mine.share')} <Link to="/verification-certificat">{t('certificationResults.verification.title')}</Link>
          </p>
          <a className="button button--secondary" href={`/api/me/certifications/${certification.courseId}/certificate`} download data-testid="my-certification-pdf">
            {t('certificationResults.mine.download')}
          </a>
        </>
      ) : null}
    </li>
  );
}
