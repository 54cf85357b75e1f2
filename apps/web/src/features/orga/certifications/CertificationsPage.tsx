import { useQuery } from '@tanstack/react-query';
import type { CertificationDivisions } from '@jalon/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../../../api/client';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { SelectField } from '../../shared/ui/SelectField';
import { useOrga } from '../shell/orgaContext';
import './certifications.css';

/**
 * `/orga/certifications` (`certification.md` §7, `analytics-and-exports.md` §8.4): pick a class,
 * then download its published results (CSV) or its certificates (one PDF). The counts come
 * with the classes, so a button is only offered when its file would hold something.
 */
export function CertificationsPage() {
  const { t } = useTranslation();
  const { membership } = useOrga();
  const organizationId = membership.organization.id;
  const base = `/api/organizations/${organizationId}/certification-results`;
  const divisions = useQuery({
    queryKey: ['organizations', organizationId, 'certification-results', 'divisions'],
    queryFn: () => api.get<CertificationDivisions>(`${base}/divisions`),
  });
  const [chosen, setChosen] = useState('');
  const division = divisions.data?.divisions.find((d) => d.name === chosen);

  return (
    <Page title={t('certificationResults.orga.title')} testId="orga-certifications">
      <p>{t('certificationResults.orga.intro')}</p>
      {divisions.isPending ? <Loading /> : null}
      <ErrorSummary error={divisions.error} />
      {divisions.data && !divisions.data.hasLearners ? (
        <Notice testId="certifications-no-learners">
          <p>{t('certificationResults.orga.noLearners')}</p>
          <p>
            <Link to="/orga/eleves/import">{t('certificationResults.orga.importLearners')}</Link>
          </p>
        </Notice>
      ) : null}
      {divisions.data?.hasLearners ? (
        <div className="certifications-downloads">
          <SelectField
            label={t('certificationResults.orga.division')}
            name="division"
            value={chosen}
            onChange={setChosen}
            options={[{ value: '', label: t('certificationResults.orga.chooseDivision') }, ...divisions.data.divisions.map((d) => ({ value: d.name, label: d.name }))]}
            data-testid="certifications-division"
          />
          {division ? (
            <div aria-live="polite" data-testid="certifications-division-files">
              {division.resultCount === 0 ? (
                <p>{t('certificationResults.orga.noResults')}</p>
              ) : (
                <>
                  <p>{t('certificationResults.orga.counts', { results: division.resultCount, certificates: division.certificateCount })}</p>
                  <div className="certifications-downloads__actions">
                    <a className="button button--primary" href={`${base}/export${query({ division: division.name })}`} download data-testid="certifications-csv">
                      {t('certificationResults.orga.csv')}
                    </a>
                    {division.certificateCount > 0 ? (
                      <a className="button button--secondary" href={`${base}/certificates${query({ division: division.name })}`} download data-testid="certifications-pdf">
                        {t('certificationResults.orga.pdf')}
                      </a>
                    ) : null}
                  </div>
                  {division.certificateCount === 0 ? <p>{t('certificationResults.orga.noCertificates')}</p> : null}
                </>
              )}
            </div>
          ) : null}
        </div>
      ) : null}
      <details className="certifications-help" data-testid="certifications-help">
        <summary>{t('certificationResults.orga.howToRead')}</summary>
        <ul>
          {(['statuses', 'pix', 'levels', 'comment', 'code'] as const).map((key) => (
            <li key={key}>{t(`certificationResults.orga.help.${key}`)}</li>
          ))}
        </ul>
        <p>
          <Link to="/verification-certificat">{t('certificationResults.verification.title')}</Link>
        </p>
      </details>
    </Page>
  );
}
