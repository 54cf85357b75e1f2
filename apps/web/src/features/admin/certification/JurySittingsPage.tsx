import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../shared/format/formatDate';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useJurySittings } from './juryQueries';

/** `/admin/certification`: finalised sittings waiting for the jury, and those already published. */
export function JurySittingsPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const status = params.get('statut') === 'publiees' ? 'published' : 'finalized';
  const sittings = useJurySittings(status);
  const caption = t('certificationResults.admin.caption', { count: sittings.data?.sittings.length ?? 0 });
  return (
    <Page title={t('certificationResults.admin.title')} testId="jury-sittings-page">
      <p>{t('certificationResults.admin.intro')}</p>
      <nav aria-label={t('certificationResults.admin.tabs.label')} className="tabs">
        <Link to="/admin/certification" aria-current={status === 'finalized' ? 'page' : undefined} data-testid="jury-tab-finalized">
          {t('certificationResults.admin.tabs.finalized')}
        </Link>
        <Link to="/admin/certification?statut=publiees" aria-current={status === 'published' ? 'page' : undefined} data-testid="jury-tab-published">
          {t('certificationResults.admin.tabs.published')}
        </Link>
      </nav>
      {sittings.isPending ? <Loading /> : null}
      <ErrorSummary error={sittings.error} />
      {sittings.data?.sittings.length === 0 ? <p>{t('certificationResults.admin.empty')}</p> : null}
      {sittings.data && sittings.data.sittings.length > 0 ? (
        <TableScroll label={caption}>
          <table className="table" data-testid="jury-sittings">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('certificationResults.admin.number')}</th>
                <th scope="col">{t('certificationResults.admin.centre')}</th>
                <th scope="col">{t('certificationResults.admin.date')}</th>
                <th scope="col">{t('certificationResults.admin.candidates')}</th>
                <th scope="col">{t('certificationResults.admin.results')}</th>
              </tr>
            </thead>
            <tbody>
              {sittings.data.sittings.map((sitting) => (
                <tr key={sitting.id} data-testid="jury-sitting-row">
                  <th scope="row">
                    <Link to={`/admin/certification/${sitting.id}`} aria-label={t('certificationResults.admin.open', { number: sitting.number })}>
                      {sitting.number}
                    </Link>
                  </th>
                  <td>{sitting.centreName}</td>
                  <td>{formatDate(sitting.date, i18n.language, 'UTC')}</td>
                  <td>{sitting.candidateCount}</td>
                  <td>{t('certificationResults.admin.resultCounts', sitting.results)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Page>
  );
}
