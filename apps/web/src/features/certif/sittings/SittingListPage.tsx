import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useListParams } from '../../shared/list/useListParams';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useSittings } from '../certifQueries';
import { useCertif } from '../shell/certifContext';
import { formatSittingDate } from './sittingFormat';

/** `/certif/sessions`: the centre's sittings, latest first, where a member lands. */
export function SittingListPage() {
  const { t, i18n } = useTranslation();
  const { centre } = useCertif();
  const { page, pageSize } = useListParams();
  const sittings = useSittings(centre.organization.id, page, pageSize);
  const data = sittings.data;
  const title = t('certif.sittings.title');

  return (
    <Page title={title} testId="sittings-page">
      <div className="certif-toolbar">
        {data ? (
          <p role="status" data-testid="sittings-count">
            {t('certif.sittings.count', { count: data.total })}
          </p>
        ) : null}
        <Link to="/certif/sessions/nouvelle" className="button button--primary" data-testid="create-sitting-link">
          {t('certif.sittings.create')}
        </Link>
      </div>
      {sittings.isPending ? <Loading /> : null}
      <ErrorSummary error={sittings.error} />
      {data && data.items.length === 0 ? <p data-testid="no-sittings">{t('certif.sittings.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <TableScroll label={title}>
            <table className="table" data-testid="sittings-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('certif.sittings.number')}</th>
                  <th scope="col">{t('certif.sittings.date')}</th>
                  <th scope="col">{t('certif.sittings.room')}</th>
                  <th scope="col">{t('certif.sittings.invigilator')}</th>
                  <th scope="col">{t('certif.sittings.candidates')}</th>
                  <th scope="col">{t('certif.sittings.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((sitting) => {
                  const date = formatSittingDate(sitting.date, i18n.language);
                  return (
                    <tr key={sitting.id} data-testid="sitting-row">
                      <th scope="row">
                        <Link to={`/certif/sessions/${sitting.id}`} aria-label={t('certif.sittings.open', { number: sitting.number, date })} data-testid="sitting-link">
                          {sitting.number}
                        </Link>
                      </th>
                      <td>
                        {date} · {sitting.time}
                      </td>
                      <td>{sitting.room}</td>
                      <td>{sitting.invigilatorName}</td>
                      <td>{sitting.candidateCount}</td>
                      <td>
                        <span className={`certif-status certif-status--${sitting.status}`}>{t(`certif.sittings.statuses.${sitting.status}`)}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <Pagination list={data} />
        </>
      ) : null}
    </Page>
  );
}
