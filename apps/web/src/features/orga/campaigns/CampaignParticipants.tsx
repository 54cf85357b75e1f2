import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CampaignType } from '@jalon/contracts/constants';
import type { ActivityRow, ActivitySummary } from '@jalon/contracts';
import { useListParams } from '../../shared/list/useListParams';
import { Button } from '../../shared/ui/Button';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Pagination } from '../../shared/ui/Pagination';
import { SelectField } from '../../shared/ui/SelectField';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TextField } from '../../shared/ui/TextField';
import { useCampaignOfPage } from './CampaignPage';
import { ChartTable, Donut, StepChart } from './FollowUpCharts';
import { closeLists, MultiSelectFilter, useFilterParams } from './FollowUpFilters';
import { useActivityPage, useActivitySummary, useDeleteParticipation, useRemindCampaign, useRemindParticipation } from './followUpQueries';
import { useCampaignLive } from './useCampaignLive';
import './followUp.css';

const STATUSES = ['STARTED', 'TO_SHARE', 'SHARED'] as const;
const STATUS_COLORS = { STARTED: '#b45309', TO_SHARE: '#1d4ed8', SHARED: '#15803d' } as const;

/** The labels of the statuses: a profile collection receives profiles, not results. */
function statusKey(type: CampaignType) {
  return type === 'PROFILES_COLLECTION' ? 'orga.followUp.activity.profileStatuses' : 'orga.followUp.activity.statuses';
}

/**
 * « Participants », the activity tab (`analytics-and-exports.md` §2): two cards and two charts
 * counting learners, then the table of each learner's current participation, filtered and
 * paginated from the URL.
 */
export function CampaignParticipants() {
  const { t } = useTranslation();
  const campaign = useCampaignOfPage();
  const summary = useActivitySummary(campaign.id);
  const live = useCampaignLive(campaign.id);
  return (
    <section aria-labelledby="campaign-participants-title" data-testid="campaign-participants">
      <h2 id="campaign-participants-title">{t('orga.campaigns.tabs.activity')}</h2>
      <p>{t('orga.followUp.note')}</p>
      <p className={`live-state live-state--${live}`} data-testid="live-state" data-state={live}>
        {t(`orga.followUp.live.${live}`)}
      </p>
      {summary.isPending ? <Loading /> : null}
      <ErrorSummary error={summary.error} />
      {summary.data ? (
        <>
          <ActivityFigures summary={summary.data} />
          <ParticipantsTable summary={summary.data} />
        </>
      ) : null}
    </section>
  );
}

function ActivityFigures({ summary }: { summary: ActivitySummary }) {
  const { t, i18n } = useTranslation();
  const statusLabels = statusKey(summary.campaignType);
  const parts = summary.statuses.map((s) => ({ key: s.status, label: t(`${statusLabels}.${s.status}`), count: s.count, percent: s.percent, color: STATUS_COLORS[s.status] }));
  // Days are already the organization's dates: formatted at noon UTC they cannot slip to a neighbour.
  const formatDay = (day: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  const last = summary.days.at(-1) ?? { started: 0, shared: 0 };
  return (
    <>
      <div className="cards" data-testid="activity-cards">
        <div className="card" data-testid="card-participants">
          <p className="card__label">{t('orga.followUp.activity.cards.participants')}</p>
          <p className="card__value">{summary.participantCount}</p>
        </div>
        <div className="card" data-testid="card-shared">
          <p className="card__label">
            {summary.campaignType === 'PROFILES_COLLECTION' ? t('orga.followUp.activity.cards.sharedProfiles') : t('orga.followUp.activity.cards.shared')}
          </p>
          <p className="card__value">{summary.sharedCount}</p>
        </div>
      </div>
      <div className="charts">
        <div>
          <Donut
            title={t('orga.followUp.activity.donut')}
            label={t('orga.followUp.activity.donutLabel', {
              details: parts.map((p) => t('orga.followUp.activity.statusShare', { status: p.label, count: p.count, percent: p.percent })).join(', '),
            })}
            parts={parts}
            testId="status-donut"
          />
          <ChartTable
            caption={t('orga.followUp.activity.donut')}
            headers={[t('orga.followUp.activity.status'), t('orga.followUp.activity.count'), t('orga.followUp.activity.percent')]}
            rows={parts.map((p) => [p.label, p.count, t('orga.followUp.activity.percentValue', { value: p.percent })])}
            testId="status-table"
          />
        </div>
        <div>
          <StepChart
            title={t('orga.followUp.activity.perDay')}
            label={t('orga.followUp.activity.perDayLabel', { from: formatDay(summary.from), to: formatDay(summary.to), started: last.started, shared: last.shared })}
            from={summary.from}
            to={summary.to}
            days={summary.days}
            formatDay={formatDay}
            series={[
              { key: 'started', label: t('orga.followUp.activity.started'), className: 'series-started' },
              { key: 'shared', label: t('orga.followUp.activity.sharedSeries'), className: 'series-shared' },
            ]}
          />
          <p className="chart__note">{t('orga.followUp.activity.perDayNote')}</p>
          {summary.days.length === 0 ? (
            <p>{t('orga.followUp.activity.noDays')}</p>
          ) : (
            <ChartTable
              caption={t('orga.followUp.activity.perDay')}
              headers={[t('orga.followUp.activity.day'), t('orga.followUp.activity.started'), t('orga.followUp.activity.sharedSeries')]}
              rows={summary.days.map((day) => [formatDay(day.date), day.started, day.shared])}
              testId="per-day-table"
            />
          )}
        </div>
      </div>
    </>
  );
}

function ParticipantsTable({ summary }: { summary: ActivitySummary }) {
  const { t } = useTranslation();
  const campaign = useCampaignOfPage();
  const { page, pageSize } = useListParams();
  const filters = useFilterParams();
  const current = { status: filters.one('statut'), divisions: filters.many('classe'), groups: filters.many('groupe'), search: filters.one('search') };
  const [draft, setDraft] = useState(current);
  const rows = useActivityPage(campaign.id, { page, pageSize, ...current });
  const remind = useRemindParticipation(campaign.id);
  const remindAll = useRemindCampaign(campaign.id);
  const [reminded, setReminded] = useState<string | null>(null);
  const canRemind = campaign.archivedAt === null;
  const [deletedName, setDeletedName] = useState<string | null>(null);
  // After a deletion the row and its button are gone: focus lands on the count instead.
  const focusAfter = useRef<HTMLElement | null>(null);
  const countRef = useRef<HTMLParagraphElement | null>(null);
  const statusLabels = statusKey(campaign.type);
  const filtered = current.status !== '' || current.divisions.length > 0 || current.groups.length > 0 || current.search !== '';
  const name = (row: ActivityRow) => `${row.firstName} ${row.lastName}`;
  const showDivision = summary.divisions.length > 0;
  const showGroup = summary.groups.length > 0;
  const deletion = useConfirmedAction(useDeleteParticipation(campaign.id), {
    variables: (row: ActivityRow) => row.participationId,
    onSuccess: (_deleted, row) => {
      focusAfter.current = countRef.current;
      setDeletedName(name(row));
    },
  });
  const remindingAll = useConfirmedAction(remindAll, {
    variables: () => ({ divisions: current.divisions }),
    onSuccess: (result) => setReminded(t('orga.followUp.reminders.sentAll', { count: result.sent, skipped: result.skipped })),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    closeLists(event);
    filters.apply({ statut: draft.status, classe: draft.divisions, groupe: draft.groups, search: draft.search.trim() });
  }

  function clear() {
    const empty = { status: '', divisions: [], groups: [], search: '' };
    setDraft(empty);
    filters.apply({ statut: '', classe: [], groupe: [], search: '' });
  }

  const data = rows.data;
  return (
    <>
      <form role="search" onSubmit={submit} className="campaign-filters follow-up-filters" aria-label={t('orga.followUp.filters.label')} data-testid="activity-filters">
        <TextField label={t('orga.followUp.filters.search')} name="search" type="search" value={draft.search} onChange={(value) => setDraft({ ...draft, search: value })} />
        <SelectField
          label={t('orga.followUp.filters.status')}
          name="statut"
          value={draft.status}
          onChange={(value) => setDraft({ ...draft, status: value })}
          options={[{ value: '', label: t('orga.followUp.filters.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`${statusLabels}.${s}`) }))]}
        />
        <MultiSelectFilter
          label={t('orga.followUp.filters.divisions')}
          options={summary.divisions.map((d) => ({ value: d, label: d }))}
          selected={draft.divisions}
          onChange={(divisions) => setDraft({ ...draft, divisions })}
          testId="filter-divisions"
        />
        <MultiSelectFilter
          label={t('orga.followUp.filters.groups')}
          options={summary.groups.map((g) => ({ value: g, label: g }))}
          selected={draft.groups}
          onChange={(groups) => setDraft({ ...draft, groups })}
          testId="filter-groups"
        />
        <div className="follow-up-filters__actions">
          <Button type="submit" variant="secondary" data-testid="activity-filters-submit">
            {t('orga.followUp.filters.apply')}
          </Button>
          {filtered ? (
            <Button variant="secondary" onClick={clear}>
              {t('orga.followUp.filters.clear')}
            </Button>
          ) : null}
        </div>
      </form>
      {deletedName ? <Notice tone="success" testId="participation-deleted">{t('orga.followUp.activity.deleted', { name: deletedName })}</Notice> : null}
      {reminded ? <Notice tone="success" testId="reminder-sent">{reminded}</Notice> : null}
      <ErrorSummary error={remind.error ?? remindAll.error} />
      {canRemind ? (
        <p>
          <Button
            variant="secondary"
            onClick={() => {
              setReminded(null);
              remindingAll.ask();
            }}
            data-testid="remind-all"
          >
            {current.divisions.length > 0 ? t('orga.followUp.reminders.allOfClasses', { classes: current.divisions.join(', ') }) : t('orga.followUp.reminders.all')}
          </Button>
        </p>
      ) : null}
      {rows.isPending ? <Loading /> : null}
      <ErrorSummary error={rows.error} />
      {data ? (
        <>
          <p role="status" ref={countRef} tabIndex={-1} data-testid="participants-count">
            {t('orga.followUp.activity.count', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p data-testid="no-participants">{filtered ? t('orga.followUp.activity.emptyFiltered') : t('orga.followUp.activity.empty')}</p>
          ) : (
            <TableScroll label={t('orga.followUp.activity.table')}>
              <table className="table" data-testid="participants-table">
                <caption className="visually-hidden">{t('orga.followUp.activity.table')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('orga.followUp.activity.lastName')}</th>
                    <th scope="col">{t('orga.followUp.activity.firstName')}</th>
                    {showDivision ? <th scope="col">{t('orga.followUp.activity.division')}</th> : null}
                    {showGroup ? <th scope="col">{t('orga.followUp.activity.group')}</th> : null}
                    {campaign.externalIdLabel ? <th scope="col">{campaign.externalIdLabel}</th> : null}
                    <th scope="col">{t('orga.followUp.activity.status')}</th>
                    <th scope="col">{t('orga.followUp.activity.progression')}</th>
                    <th scope="col">{t('orga.followUp.activity.participations')}</th>
                    <th scope="col">{t('orga.followUp.activity.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row) => (
                    <tr key={row.participationId} data-testid="participant-row" data-status={row.status}>
                      <th scope="row">{row.lastName}</th>
                      <td>{row.firstName}</td>
                      {showDivision ? <td>{row.division ?? ''}</td> : null}
                      {showGroup ? <td>{row.group ?? ''}</td> : null}
                      {campaign.externalIdLabel ? <td>{row.participantExternalId ?? ''}</td> : null}
                      <td>
                        <span className={`status-pill status-pill--${row.status.toLowerCase()}`} data-testid="participant-status">
                          {t(`${statusLabels}.${row.status}`)}
                        </span>
                        {row.currentQuestion !== null ? (
                          <span className="live-flags">
                            <span data-testid="participant-question">{t('orga.followUp.live.question', { number: row.currentQuestion })}</span>
                            {row.idle ? (
                              <span className="live-flag" data-testid="flag-idle">
                                {t('orga.followUp.live.idle')}
                              </span>
                            ) : null}
                            {row.leftPage ? (
                              <span className="live-flag" data-testid="flag-left-page">
                                {t('orga.followUp.live.leftPage')}
                              </span>
                            ) : null}
                          </span>
                        ) : null}
                      </td>
                      <td data-testid="participant-progression">
                        {row.progression === null ? null : (
                          <span className="progress">
                            <span className="progress__bar" aria-hidden="true">
                              <span style={{ width: `${row.progression}%` }} />
                            </span>
                            {t('orga.followUp.activity.percentValue', { value: row.progression })}
                          </span>
                        )}
                      </td>
                      <td>{row.participationCount}</td>
                      <td>
                        <div className="row-actions">
                          {row.status === 'SHARED' ? (
                            <Link
                              to={`/orga/campagnes/${campaign.id}/participants/${row.participationId}`}
                              aria-label={t('orga.followUp.activity.seeResultsOf', { name: name(row) })}
                              data-testid="see-results"
                            >
                              {t('orga.followUp.activity.seeResults')}
                            </Link>
                          ) : null}
                          {canRemind && row.status !== 'SHARED' ? (
                            <Button
                              variant="link"
                              aria-label={t('orga.followUp.reminders.oneOf', { name: name(row) })}
                              disabled={remind.isPending}
                              onClick={() => {
                                setReminded(null);
                                remindAll.reset();
                                remind.mutate(row.participationId, {
                                  onSuccess: (sent) => setReminded(t(sent.mailed ? 'orga.followUp.reminders.sentMailed' : 'orga.followUp.reminders.sent', { name: name(row) })),
                                });
                              }}
                              data-testid="remind-participant"
                            >
                              {t('orga.followUp.reminders.one')}
                            </Button>
                          ) : null}
                          {campaign.canManage ? (
                            <Button
                              variant="link"
                              className="row-actions__delete"
                              aria-label={t('orga.followUp.activity.deleteOf', { name: name(row) })}
                              onClick={() => {
                                focusAfter.current = null;
                                setDeletedName(null);
                                deletion.ask(row);
                              }}
                              data-testid="delete-participation"
                            >
                              {t('orga.followUp.activity.delete')}
                            </Button>
                          ) : null}
                        </div>
                      </td>
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
          title={t('orga.followUp.activity.deleteTitle', { name: name(deletion.target) })}
          confirmLabel={t('orga.followUp.activity.delete')}
          returnFocusTo={focusAfter}
        >
          <p>{t('orga.followUp.activity.deleteBody', { name: name(deletion.target) })}</p>
        </ConfirmDialog>
      ) : null}
      {remindingAll.open ? (
        <ConfirmDialog {...remindingAll.dialog} title={t('orga.followUp.reminders.confirmTitle')} confirmLabel={t('orga.followUp.reminders.confirm')}>
          <p>{t('orga.followUp.reminders.confirmBody')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
