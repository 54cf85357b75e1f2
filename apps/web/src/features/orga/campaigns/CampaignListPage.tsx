import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CampaignRow } from '@jalon/contracts';
import { api } from '../../../api/client';
import { formatDate } from '../../shared/format/formatDate';
import { Button } from '../../shared/ui/Button';
import { CheckboxField } from '../../shared/ui/CheckboxField';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { SelectField } from '../../shared/ui/SelectField';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TextField } from '../../shared/ui/TextField';
import { useOrga } from '../shell/orgaContext';
import { useOrganizationTimeZone } from '../shell/useOrganization';
import { useMembers } from '../team/teamQueries';
import { campaignListKey, useCampaigns } from './campaignQueries';
import { CampaignTabs } from './CampaignTabs';
import './campaigns.css';
import { useListParams } from '../../shared/list/useListParams';


const ARCHIVED = 'archivees';

/**
 * « Mes campagnes » (owned by the caller) and « Toutes les campagnes ». Every filter lives in
 * the URL, so a list can be bookmarked and the back button restores it.
 */
export function CampaignListPage({ scope }: { scope: 'mine' | 'all' }) {
  const { t, i18n } = useTranslation();
  const { me, membership } = useOrga();
  const organizationId = membership.organization.id;
  const timeZone = useOrganizationTimeZone();
  const client = useQueryClient();
  const { params, search, page, pageSize, update: updateParams } = useListParams();
  const deletedName = (useLocation().state as { deleted?: string } | null)?.deleted;
  const owner = scope === 'mine' ? me.id : (params.get('proprietaire') ?? '');
  const archived = params.get('statut') === ARCHIVED;
  const [draft, setDraft] = useState({ search, owner, archived });
  const [selected, setSelected] = useState<string[]>([]);

  const campaigns = useCampaigns(organizationId, { search, ownerId: owner, status: archived ? 'ARCHIVED' : 'ACTIVE', page, pageSize });
  const members = useMembers(organizationId);
  const canManage = (row: CampaignRow) => membership.role === 'ADMIN' || row.owner.id === me.id;

  const remove = useMutation({
    mutationFn: (campaignIds: string[]) => api.post(`/api/organizations/${organizationId}/campaigns/delete`, { campaignIds }),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignListKey(organizationId) }),
  });
  const deletion = useConfirmedAction(remove, {
    variables: (campaignIds: string[]) => campaignIds,
    onSuccess: () => setSelected([]),
    mustAcknowledge: t('orga.campaigns.delete.mustConfirm'),
  });

  function update(next: Record<string, string>) {
    updateParams(next);
    setSelected([]);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update({
      search: draft.search.trim(),
      ...(scope === 'all' ? { proprietaire: draft.owner } : {}),
      statut: draft.archived ? ARCHIVED : '',
      page: '',
    });
  }

  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  const data = campaigns.data;
  const filtered = search !== '' || archived || (scope === 'all' && owner !== '');
  const title = scope === 'mine' ? t('orga.campaigns.list.mine') : t('orga.campaigns.list.all');

  return (
    <Page title={title} heading={t('orga.campaigns.title')} testId="campaigns-page">
      <CampaignTabs />
      {deletedName !== undefined ? <Notice tone="success" testId="campaign-deleted">{t('orga.campaigns.deleted', { name: deletedName })}</Notice> : null}
      <form role="search" onSubmit={submit} className="campaign-filters" aria-label={t('orga.campaigns.list.filters')}>
        <TextField label={t('orga.campaigns.list.search')} name="search" type="search" value={draft.search} onChange={(value) => setDraft({ ...draft, search: value })} />
        {scope === 'all' ? (
          <SelectField
            label={t('orga.campaigns.fields.owner')}
            name="proprietaire"
            value={draft.owner}
            onChange={(value) => setDraft({ ...draft, owner: value })}
            options={[
              { value: '', label: t('orga.campaigns.list.allOwners') },
              ...(members.data ?? []).map((member) => ({ value: member.userId, label: `${member.firstName} ${member.lastName}` })),
            ]}
          />
        ) : null}
        <SelectField
          label={t('orga.campaigns.list.status')}
          name="statut"
          value={draft.archived ? ARCHIVED : ''}
          onChange={(value) => setDraft({ ...draft, archived: value === ARCHIVED })}
          options={[
            { value: '', label: t('orga.campaigns.list.active') },
            { value: ARCHIVED, label: t('orga.campaigns.list.archived') },
          ]}
        />
        <Button type="submit" variant="secondary" data-testid="campaign-filters-submit">
          {t('orga.campaigns.list.filter')}
        </Button>
      </form>
      {campaigns.isPending ? <Loading /> : null}
      <ErrorSummary error={campaigns.error} />
      {data ? (
        <>
          <div className="campaign-bulk">
            <p role="status" data-testid="campaigns-count">
              {t('orga.campaigns.list.count', { count: data.total })}
            </p>
            {selected.length > 0 ? (
              <Button variant="danger" onClick={() => deletion.ask(selected)} data-testid="bulk-delete">
                {t('orga.campaigns.list.deleteSelection', { count: selected.length })}
              </Button>
            ) : null}
          </div>
          {data.items.length === 0 ? (
            <p data-testid="no-campaigns">{filtered ? t('orga.campaigns.list.empty') : t('orga.campaigns.list.none')}</p>
          ) : (
            <TableScroll label={title}>
              <table className="table" data-testid="campaigns-table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t('orga.campaigns.list.select')}</span>
                    </th>
                    <th scope="col">{t('orga.campaigns.fields.name')}</th>
                    <th scope="col">{t('orga.campaigns.fields.code')}</th>
                    <th scope="col">{t('orga.campaigns.fields.owner')}</th>
                    <th scope="col">{t('orga.campaigns.fields.createdAt')}</th>
                    <th scope="col">{t('orga.campaigns.list.participants')}</th>
                    <th scope="col">{t('orga.campaigns.list.shared')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row) => (
                    <tr key={row.id} data-testid="campaign-row">
                      <td>
                        {canManage(row) ? (
                          <input
                            type="checkbox"
                            checked={selected.includes(row.id)}
                            onChange={(event) => toggle(row.id, event.target.checked)}
                            aria-label={t('orga.campaigns.list.selectOne', { name: row.name })}
                          />
                        ) : null}
                      </td>
                      <th scope="row">
                        <Link to={`/orga/campagnes/${row.id}`} data-testid="campaign-link">
                          {row.name}
                        </Link>
                      </th>
                      <td className="campaign-code" data-testid="campaign-row-code">
                        {row.code}
                      </td>
                      <td>{`${row.owner.firstName} ${row.owner.lastName}`}</td>
                      <td>{formatDate(row.createdAt, i18n.language, timeZone)}</td>
                      <td>{row.participantCount}</td>
                      <td>{row.sharedCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pagination list={data} />
        </>
      ) : null}
      {deletion.target ? (
        <ConfirmDialog {...deletion.dialog} title={t('orga.campaigns.delete.titleMany', { count: deletion.target.length })} confirmLabel={t('orga.campaigns.delete.confirm')}>
          <p>{t('orga.campaigns.delete.text')}</p>
          <CheckboxField {...deletion.acknowledgement} label={t('orga.campaigns.delete.acknowledge')} name="acknowledge" />
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
