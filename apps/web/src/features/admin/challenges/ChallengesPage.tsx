import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TextField } from '../../shared/ui/TextField';
import { useAdminChallenges } from './challengeQueries';
import { useListParams } from '../../shared/list/useListParams';



/** Every challenge of the loaded release, searchable; search and page live in the URL. */
export function ChallengesPage() {
  const { t } = useTranslation();
  const { search, page, pageSize, update } = useListParams();
  const [draft, setDraft] = useState(search);
  const challenges = useAdminChallenges(search, page, pageSize);


  function submit(event: FormEvent) {
    event.preventDefault();
    update({ search: draft.trim(), page: '' });
  }

  const data = challenges.data;
  return (
    <Page title={t('admin.preview.title')} testId="admin-challenges-page">
      <p>{t('admin.preview.intro')}</p>
      <div className="toolbar">
        <form role="search" onSubmit={submit} className="toolbar__search" aria-label={t('admin.preview.searchLabel')}>
          <TextField label={t('admin.preview.search')} name="search" type="search" value={draft} onChange={setDraft} />
          <Button type="submit" variant="secondary">
            {t('admin.preview.searchSubmit')}
          </Button>
        </form>
      </div>
      {challenges.isPending ? <Loading /> : null}
      <ErrorSummary error={challenges.error} />
      {data ? (
        <>
          <TableScroll label={t('admin.preview.caption', { count: data.total })}>
            <table className="table" data-testid="challenges-table">
              <caption>{t('admin.preview.caption', { count: data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.preview.columns.id')}</th>
                  <th scope="col">{t('admin.preview.columns.type')}</th>
                  <th scope="col">{t('admin.preview.columns.status')}</th>
                  <th scope="col">{t('admin.preview.columns.skill')}</th>
                  <th scope="col">{t('admin.preview.columns.locales')}</th>
                  <th scope="col">{t('admin.preview.columns.excerpt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((challenge) => (
                  <tr key={challenge.id} data-testid="challenge-row" data-type={challenge.type}>
                    <th scope="row">
                      <Link to={`/admin/epreuves/${encodeURIComponent(challenge.id)}`}>{challenge.id}</Link>
                    </th>
                    <td>{challenge.type}</td>
                    <td>{t(`admin.preview.statuses.${challenge.status}`, { defaultValue: challenge.status })}</td>
                    <td>{challenge.skillId}</td>
                    <td>{challenge.locales.join(', ')}</td>
                    <td>{challenge.excerpt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {data.items.length === 0 ? <p>{t('admin.preview.empty')}</p> : null}
          <Pagination list={data} />
        </>
      ) : null}
    </Page>
  );
}
