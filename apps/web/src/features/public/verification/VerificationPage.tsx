import { useQuery } from '@tanstack/react-query';
import type { Certificate } from '@jalon/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../api/client';
import { areaColor } from '../../learner/profile/areaColor';
import { formatDate } from '../../shared/format/formatDate';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import './verification.css';

/** Sittings are calendar days: shown as written, whatever the reader's zone. */
const day = (value: string, language: string) => formatDate(value, language, 'UTC');

/**
 * `/verification-certificat` (`certification.md` §6), open to anyone: a code typed from a
 * certificate shows what that certificate says, or that no certificate has this code.
 */
export function VerificationPage() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const certificate = useQuery({
    queryKey: ['certificates', code],
    queryFn: () => api.get<Certificate>(`/api/certificates/${encodeURIComponent(code!)}`),
    enabled: code !== null,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = typed.trim().toUpperCase();
    if (normalized !== '') setCode(normalized);
  };

  return (
    <Page title={t('certificationResults.verification.title')} testId="verification-page">
      <p>{t('certificationResults.verification.intro')}</p>
      <form onSubmit={submit} className="verification-form" noValidate>
        <TextField
          label={t('certificationResults.verification.code')}
          name="code"
          value={typed}
          onChange={setTyped}
          hint={t('certificationResults.verification.hint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          data-testid="verification-code"
        />
        <Button type="submit" busy={certificate.isFetching} data-testid="verification-submit">
          {t('certificationResults.verification.submit')}
        </Button>
      </form>
      <div aria-live="polite">
        <ErrorSummary error={certificate.error} />
        {certificate.data && !certificate.isFetching ? <CertificateCard certificate={certificate.data} /> : null}
      </div>
    </Page>
  );
}

function CertificateCard({ certificate }: { certificate: Certificate }) {
  const { t, i18n } = useTranslation();
  const born = day(certificate.birthdate, i18n.language);
  return (
    <article className="certificate-card" aria-labelledby="certificate-holder" data-testid="verification-result">
      <p className="certificate-card__badge">{t('certificationResults.verification.authentic')}</p>
      <h2 id="certificate-holder">
        <span className="visually-hidden">{t('certificationResults.verification.holder')} : </span>
        {certificate.firstName} {certificate.lastName}
      </h2>
      <p>
        {certificate.birthPlace
          ? t('certificationResults.verification.bornAt', { date: born, place: certificate.birthPlace })
          : t('certificationResults.verification.born', { date: born })}
      </p>
      <p>{t('certificationResults.verification.passed', { date: day(certificate.date, i18n.language), centre: certificate.centreName })}</p>
      <p className="certificate-card__score">
        {t('certificationResults.verification.total')} : <strong data-testid="verification-score">{t('certificationResults.pix', { count: certificate.pixScore })}</strong>
      </p>
      <p className="certificate-card__code">
        {t('certificationResults.mine.code')} : <code>{certificate.verificationCode}</code>
      </p>
      <h3>{t('certificationResults.verification.competences')}</h3>
      {certificate.areas.map((area) => (
        <section key={area.code} className="certificate-card__area" style={{ borderLeftColor: areaColor(area.color) }} aria-labelledby={`area-${area.code}`}>
          <h4 id={`area-${area.code}`}>{`${area.code}. ${area.title}`}</h4>
          <dl>
            {area.competences.map((competence) => (
              <div key={competence.index} className="certificate-card__competence">
                <dt>{`${competence.index} ${competence.name}`}</dt>
                <dd>{competence.level === null ? t('certificationResults.notAssessed') : t('certificationResults.level', { level: competence.level })}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {certificate.publicComment ? (
        <>
          <h3>{t('certificationResults.verification.comment')}</h3>
          <p>{certificate.publicComment}</p>
        </>
      ) : null}
    </article>
  );
}
