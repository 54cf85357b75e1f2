import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Certifiability, LearnerRow, LearnerSort, LoginMethodFilter } from '@jalon/contracts';
import { useListParams } from '../../shared/list/useListParams';
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
import { closeLists, MultiSelectFilter, useFilterParams } from '../campaigns/FollowUpFilters';
import { ImportStatusBanner } from '../imports/ImportStatusBanner';
import { useLatestImport } from '../imports/importQueries';
import { LearnerBulkActions } from '../pupil-accounts/LearnerBulkActions';
import { ManageAccountButton } from '../pupil-accounts/ManageAccountButton';
import { learnersEntry } from '../shell/menu';
import { useOrga } from '../shell/orgaContext';
import { useOrganizationTimeZone } from '../shell/useOrganization';
import { CertifiabilityPill, formatBirthdate, LoginMethodBadges } from './LearnerBadges';
import { learnersKey, useDeleteLearners, useLearnerClasses, useLearners } from './learnerQueries';
import '../campaigns/campaigns.css';
import '../campaigns/followUp.css';
import './learners.css';

const LOGIN_METHOD_FILTERS: LoginMethodFilter[] = ['none', 'identifiant', 'email', 'mediacentre', 'without_mediacentre'];
const CERTIFIABILITIES: Certifiability[] = ['CERTIFIABLE', 'NOT_CERTIFIABLE', 'UNAVAILABLE'];
const SORTS: LearnerSort[] = ['name', 'division', 'participations', 'lastParticipation'];

/** A sortable column header: a native button, the order said in words as well as by the arrow. */
function SortHeader({ sort, label, current, onSort }: { sort: LearnerSort; label: string; current: { sort: LearnerSort; order: string }; onSort: (sort: LearnerSort) => void }) {
  const { t } = useTranslation();
  const direction = current.sort === sort ? (current.order === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={direction ?? 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sort)} data-testid={`sort-${sort}`}>
        {label}
        <span aria-hidden="true" className="sort-button__arrow">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
        <span className="visually-hidden">
          {t('orga.learners.sort.by', { column: label })}
          {direction ? `, ${t(`orga.learners.sort.${direction}`)}` : ''}
        </span>
      </button>
    </th>
  );
}

/**
 * « Élèves » (SCO), « Étudiants » (SUP) or « Participants » (PRO, SCO-1D), `learners-and-accounts.md`
 * §1: the organization's learners with filters, sorting and pages in the URL, a selection on
 * the page and the actions on it. Pupils' lists show how each one signs in and « Gérer le
 * compte »; the other two, which are not fed by the school's registry, let ADMINs delete.
 */
export function LearnerListPage() {
  const { t, i18n } = useTranslation();
  const { membership } = useOrga();
  const organizationId = membership.organization.id;
  const type = membership.organization.type;
  const entry = learnersEntry(type);
  const isAdmin = membership.role === 'ADMIN';
  const isPupils = type === 'SCO';
  const isStudents = type === 'SUP';
  const canDelete = isAdmin && !isPupils;
  const timeZone = useOrganizationTimeZone();
  const { page, pageSize } = useListParams();
  const filters = useFilterParams();
  const sortParam = filters.one('tri') as LearnerSort;
  const current = {
    search: filters.one('search'),
    divisions: filters.many('classe'),
    groups: filters.many('groupe'),
    loginMethod: filters.one('connexion'),
    certifiability: filters.one('certifiabilite'),
    disabled: filters.one('anciens') === 'oui' ? 'show' : '',
    sort: SORTS.includes(sortParam) ? sortParam : 'name',
    order: filters.one('ordre') === 'desc' ? 'desc' : 'asc',
  };
  const [draft, setDraft] = useState(current);
  const learners = useLearners(organizationId, { page, pageSize, ...current, sort: current.sort === 'name' ? '' : current.sort, order: current.order === 'asc' ? '' : current.order });
  const classes = useLearnerClasses(organizationId);
  const [selected, setSelected] = useState<string[]>([]);
  const [deletedCount, setDeletedCount] = useState<number | null>(null);
  const deletion = useConfirmedAction(useDeleteLearners(organizationId), {
    variables: (learnerIds: string[]) => learnerIds,
    onSuccess: (result) => {
      setDeletedCount(result.deleted);
      setSelected([]);
    },
    mustAcknowledge: t('orga.learners.delete.mustConfirm'),
  });
  const countRef = useRef<HTMLParagraphElement | null>(null);
  const selectAllRef = useRef<HTMLInputElement | null>(null);

  useRefreshAfterImport(organizationId);

  const data = learners.data;
  const pageIds = data?.items.map((row) => row.id) ?? [];
  const selectedOnPage = pageIds.filter((id) => selected.includes(id));
  const allSelected = pageIds.length > 0 && selectedOnPage.length === pageIds.length;

  // The header box says « some » when only part of the page is ticked.
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = selectedOnPage.length > 0 && !allSelected;
  }, [selectedOnPage.length, allSelected]);

  // A new page, filter or order is another set of rows: a selection that spans what is no longer shown would surprise.
  const listKey = JSON.stringify({ page, pageSize, current });
  const [shownKey, setShownKey] = useState(listKey);
  if (shownKey !== listKey) {
    setShownKey(listKey);
    setSelected([]);
  }

  const filtered =
    current.search !== '' || current.divisions.length > 0 || current.groups.length > 0 || current.loginMethod !== '' || current.certifiability !== '' || current.disabled !== '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    closeLists(event);
    filters.apply({
      search: draft.search.trim(),
      classe: draft.divisions,
      groupe: draft.groups,
      connexion: draft.loginMethod,
      certifiabilite: draft.certifiability,
      anciens: draft.disabled === 'show' ? 'oui' : '',
    });
  }

  function clear() {
    const empty = { ...current, search: '', divisions: [], groups: [], loginMethod: '', certifiability: '', disabled: '' };
    setDraft(empty);
    filters.apply({ search: '', classe: [], groupe: [], connexion: '', certifiabilite: '', anciens: '' });
  }

  function sortBy(sort: LearnerSort) {
    const order = current.sort === sort && current.order === 'asc' ? 'desc' : 'asc';
    filters.apply({ tri: sort === 'name' ? '' : sort, ordre: order === 'asc' ? '' : order });
  }

  const name = (row: Pick<LearnerRow, 'firstName' | 'lastName'>) => `${row.firstName} ${row.lastName}`;
  const title = t(entry.labelKey);
  const toggle = (id: string, on: boolean) => setSelected((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
  const classOptions = (classes.data?.divisions ?? []).map((value) => ({ value, label: value }));
  const groupOptions = (classes.data?.groups ?? []).map((value) => ({ value, label: value }));

  return (
    <Page title={title} testId="learners-page">
      <ImportStatusBanner organizationId={organizationId} />
      {isAdmin ? (
        <p className="learners-toolbar">
          <Link to={`${entry.path}/import`} className="button button--secondary" data-testid="learners-import">
            {t('orga.learners.import')}
          </Link>
        </p>
      ) : null}
      <form role="search" onSubmit={submit} className="campaign-filters follow-up-filters" aria-label={t('orga.learners.filters.label')} data-testid="learner-filters">
        <TextField label={t('orga.learners.filters.search')} name="search" type="search" value={draft.search} onChange={(value) => setDraft({ ...draft, search: value })} />
        <MultiSelectFilter
          label={t('orga.learners.filters.divisions')}
          options={classOptions}
          selected={draft.divisions}
          onChange={(divisions) => setDraft({ ...draft, divisions })}
          testId="filter-divisions"
        />
        <MultiSelectFilter
          label={t('orga.learners.filters.groups')}
          options={groupOptions}
          selected={draft.groups}
          onChange={(groups) => setDraft({ ...draft, groups })}
          testId="filter-groups"
        />
        {isPupils ? (
          <SelectField
            label={t('orga.learners.filters.loginMethod')}
            name="connexion"
            value={draft.loginMethod}
            onChange={(loginMethod) => setDraft({ ...draft, loginMethod })}
            options={[
              { value: '', label: t('orga.learners.filters.allLoginMethods') },
              ...LOGIN_METHOD_FILTERS.map((value) => ({ value, label: t(`orga.learners.filters.loginMethods.${value}`) })),
            ]}
            data-testid="filter-login-method"
          />
        ) : null}
        <SelectField
          label={t('orga.learners.filters.certifiability')}
          name="certifiabilite"
          value={draft.certifiability}
          onChange={(certifiability) => setDraft({ ...draft, certifiability })}
          options={[
            { value: '', label: t('orga.learners.filters.allCertifiabilities') },
            ...CERTIFIABILITIES.map((value) => ({ value, label: t(`orga.learners.certifiabilities.${value}`) })),
          ]}
          data-testid="filter-certifiability"
        />
        <CheckboxField
          label={t('orga.learners.filters.showDisabled')}
          name="anciens"
          checked={draft.disabled === 'show'}
          onChange={(on) => setDraft({ ...draft, disabled: on ? 'show' : '' })}
        />
        <div className="follow-up-filters__actions">
          <Button type="submit" variant="secondary" data-testid="learner-filters-submit">
            {t('orga.learners.filters.apply')}
          </Button>
          {filtered ? (
            <Button variant="secondary" onClick={clear}>
              {t('orga.learners.filters.clear')}
            </Button>
          ) : null}
        </div>
      </form>
      {deletedCount !== null ? (
        <Notice tone="success" testId="learners-deleted">
          {t('orga.learners.delete.done', { count: deletedCount })}
        </Notice>
      ) : null}
      {learners.isPending ? <Loading /> : null}
      <ErrorSummary error={learners.error} />
      {data ? (
        <>
          <p role="status" ref={countRef} tabIndex={-1} data-testid="learners-count">
            {t('orga.learners.count', { count: data.total })}
          </p>
          {isPupils || canDelete ? (
            <div className="learner-bulk" role="region" aria-label={t('orga.learners.selection.label')} data-testid="learner-bulk">
              <p className="learner-bulk__count" aria-live="polite" data-testid="selection-count">
                {selected.length === 0 ? t('orga.learners.selection.nothing') : t('orga.learners.selection.count', { count: selected.length })}
              </p>
              {isPupils ? <LearnerBulkActions organizationId={organizationId} selectedLearnerIds={selected} onDone={() => setSelected([])} /> : null}
              {canDelete ? (
                <Button
                  variant="danger"
                  disabled={selected.length === 0}
                  onClick={() => {
                    setDeletedCount(null);
                    deletion.ask(selected);
                  }}
                  data-testid="bulk-delete-learners"
                >
                  {t('orga.learners.delete.button')}
                </Button>
              ) : null}
              {selected.length > 0 ? (
                <Button variant="link" onClick={() => setSelected([])}>
                  {t('orga.learners.selection.clear')}
                </Button>
              ) : null}
            </div>
          ) : null}
          {data.items.length === 0 ? (
            <p data-testid="no-learners">{filtered ? t('orga.learners.empty') : isAdmin ? t('orga.learners.noneAdmin') : t('orga.learners.none')}</p>
          ) : (
            <TableScroll label={title}>
              <table className="table learners-table" data-testid="learners-table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    {isPupils || canDelete ? (
                      <th scope="col" className="learners-table__select">
                        <input
                          ref={selectAllRef}
                          type="checkbox"
                          checked={allSelected}
                          onChange={(event) => setSelected(event.target.checked ? pageIds : [])}
                          aria-label={t('orga.learners.columns.selectAll')}
                          data-testid="select-all"
                        />
                      </th>
                    ) : null}
                    <SortHeader current={current} onSort={sortBy} sort="name" label={t('orga.learners.columns.lastName')} />
                    <th scope="col">{t('orga.learners.columns.firstName')}</th>
                    {isPupils ? <th scope="col">{t('orga.learners.columns.birthdate')}</th> : null}
                    {isStudents ? <th scope="col">{t('orga.learners.columns.studentNumber')}</th> : null}
                    {classOptions.length > 0 || isPupils ? <SortHeader current={current} onSort={sortBy} sort="division" label={t('orga.learners.columns.division')} /> : null}
                    {groupOptions.length > 0 ? <th scope="col">{t('orga.learners.columns.group')}</th> : null}
                    {isPupils ? <th scope="col">{t('orga.learners.columns.loginMethods')}</th> : null}
                    <SortHeader current={current} onSort={sortBy} sort="participations" label={t('orga.learners.columns.participations')} />
                    <SortHeader current={current} onSort={sortBy} sort="lastParticipation" label={t('orga.learners.columns.latestParticipation')} />
                    <th scope="col">{t('orga.learners.columns.certifiability')}</th>
                    {isPupils ? <th scope="col">{t('orga.learners.columns.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row) => (
                    <tr key={row.id} data-testid="learner-row" data-learner-id={row.id} className={row.isDisabled ? 'learner-row--disabled' : undefined}>
                      {isPupils || canDelete ? (
                        <td>
                          <input
                            type="checkbox"
                            checked={selected.includes(row.id)}
                            onChange={(event) => toggle(row.id, event.target.checked)}
                            aria-label={t('orga.learners.columns.selectOne', { name: name(row) })}
                            data-testid="select-learner"
                          />
                        </td>
                      ) : null}
                      <th scope="row">
                        <Link to={`${entry.path}/${row.id}`} data-testid="learner-link">
                          {row.lastName}
                        </Link>
                        {row.isDisabled ? <span className="learner-flag">{t('orga.learners.disabled')}</span> : null}
                      </th>
                      <td>{row.firstName}</td>
                      {isPupils ? <td className="learners-table__nowrap">{row.birthdate ? formatBirthdate(row.birthdate, i18n.language) : ''}</td> : null}
                      {isStudents ? <td>{row.studentNumber ?? ''}</td> : null}
                      {classOptions.length > 0 || isPupils ? <td data-testid="learner-division">{row.division ?? ''}</td> : null}
                      {groupOptions.length > 0 ? <td>{row.group ?? ''}</td> : null}
                      {isPupils ? (
                        <td data-testid="learner-login-methods">
                          <LoginMethodBadges methods={row.loginMethods} />
                          {row.isBlocked ? (
                            <span className="learner-flag learner-flag--blocked" data-testid="learner-blocked">
                              {t('orga.learners.blocked')}
                            </span>
                          ) : null}
                        </td>
                      ) : null}
                      <td>{row.participationCount}</td>
                      <td>
                        {row.latestParticipation ? (
                          <>
                            <span className="learner-latest__campaign">{row.latestParticipation.campaignName}</span>
                            <span className="learner-latest__meta">
                              {t('orga.learners.latest', {
                                status: t(`orga.learners.statuses.${row.latestParticipation.status}`),
                                date: formatDate(row.latestParticipation.sharedAt ?? row.latestParticipation.createdAt, i18n.language, timeZone),
                              })}
                            </span>
                          </>
                        ) : (
                          t('orga.learners.noParticipation')
                        )}
                      </td>
                      <td>
                        <CertifiabilityPill value={row.certifiability} />
                      </td>
                      {isPupils ? (
                        <td className="learners-table__actions">
                          <ManageAccountButton organizationId={organizationId} learnerId={row.id} learnerName={name(row)} />
                        </td>
                      ) : null}
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
        <ConfirmDialog
          {...deletion.dialog}
          title={t('orga.learners.delete.title', { count: deletion.target.length })}
          confirmLabel={t('orga.learners.delete.button')}
          returnFocusTo={countRef}
        >
          <p>{t('orga.learners.delete.text')}</p>
          <CheckboxField {...deletion.acknowledgement} label={t('orga.learners.delete.acknowledge')} name="acknowledge" />
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}

/**
 * The banner polls the running import; when one finishes while the page is open, the roster
 * changed under the list, which is read again (once, not at every poll).
 */
function useRefreshAfterImport(organizationId: string) {
  const client = useQueryClient();
  const latest = useLatestImport(organizationId).data;
  const finished = latest === undefined ? undefined : latest.import?.status === 'IMPORTED' ? latest.import.id : null;
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (finished === undefined) return;
    if (seen.current !== undefined && finished !== null && finished !== seen.current) void client.invalidateQueries({ queryKey: learnersKey(organizationId) });
    seen.current = finished;
  }, [finished, client, organizationId]);
}
