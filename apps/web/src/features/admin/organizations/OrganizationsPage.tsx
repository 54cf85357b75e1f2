import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { TextField } from '../../shared/ui/TextField';
import { useAdminOrganizations } from './organizationQueries';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useListParams } from '../../shared/list/useListParams';



/** Search and page live in the URL (spec README, « Lists »), so a list can be bookmarked and the back button works. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const { search, page, pageSize, update } = useListParams();
  const [draft, setDraft] = useState(search);
  const organizations = useAdminOrganizations(search, page, pageSize);


  function submit(event: FormEvent) {
    event.preventDefault();
    update({ search: draft.trim(), page: '' });
  }

  const data = organizations.data;
  return (
    <Page title={t('admin.organizations.title')} testId="admin-organizations-page">
      <div className="toolbar">
        <form role="search" onSubmit={submit} className="toolbar__search" aria-label={t('admin.organizations.searchLabel')}>
          <TextField label={t('admin.organizations.search')} name="search" type="search" value={draft} onChange={setDraft} />
          <Button type="submit" variant="secondary">
            {t('admin.organizations.searchSubmit')}
          </Button>
        </form>
        <Link to="/admin/organisations/nouvelle" className="button button--primary" data-testid="create-organization-link">
          {t('admin.organizations.create')}
        </Link>
      </div>
      {organizations.isPending ? <Loading /> : null}
      <ErrorSummary error={organizations.error} />
      {data ? (
        <>
          <TableScroll label={t('admin.organizations.caption', { count: data.total })}>
            <table className="table" data-testid="organizations-table">
              <caption>{t('admin.organizations.caption', { count: data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.organization.name')}</th>
                  <th scope="col">{t('admin.organization.type')}</th>
                  <th scope="col">{t('admin.organization.externalId')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((organization) => (
                  <tr key={organization.id} data-testid="organization-row">
                    <th scope="row">
                      <Link to={`/admin/organisations/${organization.id}`}>{organization.name}</Link>
                    </th>
                    <td>{t(`admin.organization.types.${organization.type}`)}</td>
                    <td>{organization.externalId ?? t('common.notProvided')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {data.items.length === 0 ? <p>{t('admin.organizations.empty')}</p> : null}
          <Pagination list={data} />
        </>
      ) : null}
    </Page>
  );
}
