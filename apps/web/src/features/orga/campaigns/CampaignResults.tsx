import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResultRow, ResultsSummary } from '@jalon/contracts';
import { assetUrl } from '../../shared/content/assetUrl';
import { formatDate } from '../../shared/format/formatDate';
import { useListParams } from '../../shared/list/useListParams';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Pagination } from '../../shared/ui/Pagination';
import { SelectField } from '../../shared/ui/SelectField';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TextField } from '../../shared/ui/TextField';
import { useOrganizationTimeZone } from '../shell/useOrganization';
import { useCampaignOfPage } from './CampaignPage';
import { BarTable } from './FollowUpCharts';
import { closeLists, MultiSelectFilter, useFilterParams } from './FollowUpFilters';
import { useResultsPage, useResultsSummary } from './followUpQueries';
import './followUp.css';

/** `/orga/campagnes/:id/resultats` (`analytics-and-exports.md` §3): what was sent, the latest sending of each learner. */
export function CampaignResults() {
  const { t } = useTranslation();
  const campaign = useCampaignOfPage();
  const summary = useResultsSummary(campaign.id);
  return (
    <section aria-labelledby="campaign-results-title" data-testid="campaign-results">
      <h2 id="campaign-results-title">{t('orga.campaigns.tabs.results')}</h2>
      <p>{t('orga.followUp.note')}</p>
      {summary.isPending ? <Loading /> : null}
      <ErrorSummary error={summary.error} />
      {summary.data ? (
        <>
          {summary.data.campaignType === 'PROFILES_COLLECTION' ? <ProfileCards summary={summary.data} /> : <AssessmentFigures summary={summary.data} />}
          <ResultsTable summary={summary.data} />
        </>
      ) : null}
    </section>
  );
}

/** Badge images come from the release's assets; nothing is loaded from elsewhere. */
function badgeImage(url: string): string | null {
  return url.startsWith('assets/') ? assetUrl(url) : null;
}

function Stars({ count, total }: { count: number; total: number }) {
  const { t } = useTranslation();
  return (
    <span className="stars" role="img" aria-label={t('orga.followUp.results.starsLabel', { count, total })}>
      {Array.from({ length: total }, (_, index) => (
        <span key={index} className={index < count ? 'star star--on' : 'star'} aria-hidden="true">
          ★
        </span>
      ))}
    </span>
  );
}

function ProfileCards({ summary }: { summary: ResultsSummary }) {
  const { t } = useTranslation();
  return (
    <div className="cards" data-testid="results-cards">
      <div className="card">
        <p className="card__label">{t('orga.followUp.activity.cards.sharedProfiles')}</p>
        <p className="card__value">{summary.participantCount}</p>
      </div>
      <div className="card">
        <p className="card__label">{t('orga.followUp.results.cards.certifiable')}</p>
        <p className="card__value">{summary.certifiableCount ?? 0}</p>
      </div>
    </div>
  );
}

function AssessmentFigures({ summary }: { summary: ResultsSummary }) {
  const { t, i18n } = useTranslation();
  const totalStars = summary.totalStars ?? 0;
  return (
    <>
      <div className="cards" data-testid="results-cards">
        <div className="card" data-testid="card-results">
          <p className="card__label">{t('orga.followUp.results.cards.participants')}</p>
          <p className="card__value">{summary.participantCount}</p>
        </div>
        <div className="card" data-testid="card-average">
          <p className="card__label">{t('orga.followUp.results.cards.average')}</p>
          <p className="card__value">{summary.averageMastery === null ? '—' : t('orga.followUp.results.masteryValue', { value: summary.averageMastery })}</p>
          {summary.averageMasteryError !== null ? <p className="card__detail">{t('orga.followUp.results.cards.averageError', { value: summary.averageMasteryError })}</p> : null}
        </div>
        {summary.totalStars !== null ? (
          <div className="card" data-testid="card-stars">
            <p className="card__label">{t('orga.followUp.results.cards.stars')}</p>
            <p className="card__value">
              {summary.averageStars === null
                ? '—'
                : t('orga.followUp.results.cards.starsValue', { value: summary.averageStars.toLocaleString(i18n.language), total: summary.totalStars })}
            </p>
            <p className="card__detail">{t('orga.followUp.results.cards.starsDetail')}</p>
          </div>
        ) : null}
        {summary.badges.map((badge) => {
          const image = badgeImage(badge.imageUrl);
          return (
            <div className="card card--badge" key={badge.key} data-testid="card-badge">
              {image ? <img src={image} alt="" width={40} height={40} /> : null}
              <div>
                <p className="card__label">{badge.title}</p>
                <p className="card__value">{t('orga.followUp.results.masteryValue', { value: badge.percent })}</p>
                <p className="card__detail">{t('orga.followUp.results.badge', { count: badge.count })}</p>
              </div>
            </div>
          );
        })}
      </div>
      <div className="charts">
        <BarTable
          title={t('orga.followUp.results.bands')}
          headers={[t('orga.followUp.results.bandColumn'), t('orga.followUp.results.participantsColumn')]}
          rows={summary.masteryBands.map((band) => ({ key: String(band.from), label: t('orga.followUp.results.band', { from: band.from, to: band.to }), count: band.count }))}
          testId="mastery-bands"
        />
        {summary.stages.length > 0 ? (
          <BarTable
            title={t('orga.followUp.results.stagesChart')}
            headers={[t('orga.followUp.results.stageColumn'), t('orga.followUp.results.participantsColumn')]}
            rows={summary.stages.map((stage) => ({
              key: stage.id,
              label: (
                <>
                  <Stars count={stage.stars} total={totalStars} /> <span className="stage-name">{stage.title}</span>
                </>
              ),
              count: stage.count,
            }))}
            testId="stage-chart"
          />
        ) : null}
      </div>
    </>
  );
}

function ResultsTable({ summary }: { summary: ResultsSummary }) {
  const { t, i18n } = useTranslation();
  const timeZone = useOrganizationTimeZone();
  const campaign = useCampaignOfPage();
  const precisionHelpId = useId();
  const { page, pageSize } = useListParams();
  const filters = useFilterParams();
  const isProfile = summary.campaignType === 'PROFILES_COLLECTION';
  const current = {
    divisions: filters.many('classe'),
    groups: filters.many('groupe'),
    badges: filters.many('badge'),
    missingBadges: filters.many('sans-badge'),
    stages: filters.many('palier'),
    certifiable: filters.one('certifiable'),
    search: filters.one('search'),
  };
  const [draft, setDraft] = useState(current);
  const rows = useResultsPage(campaign.id, { page, pageSize, ...current });
  const filtered = Object.values(current).some((value) => value.length > 0);
  const badgeOptions = summary.badges.map((b) => ({ value: b.key, label: b.title }));
  const stageOptions = summary.stages.map((s) => ({ value: s.id, label: `${t('orga.followUp.results.stageName', { count: s.stars, total: summary.totalStars ?? 0 })} — ${s.title}` }));
  const showDivision = summary.divisions.length > 0;
  const showGroup = summary.groups.length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    closeLists(event);
    filters.apply({
      classe: draft.divisions,
      groupe: draft.groups,
      badge: draft.badges,
      'sans-badge': draft.missingBadges,
      palier: draft.stages,
      certifiable: draft.certifiable,
      search: draft.search.trim(),
    });
  }

  function clear() {
    setDraft({ divisions: [], groups: [], badges: [], missingBadges: [], stages: [], certifiable: '', search: '' });
    filters.apply({ classe: [], groupe: [], badge: [], 'sans-badge': [], palier: [], certifiable: '', search: '' });
  }

  const data = rows.data;
  return (
    <>
      <form role="search" onSubmit={submit} className="campaign-filters follow-up-filters" aria-label={t('orga.followUp.filters.label')} data-testid="results-filters">
        <TextField label={t('orga.followUp.filters.search')} name="search" type="search" value={draft.search} onChange={(value) => setDraft({ ...draft, search: value })} />
        <MultiSelectFilter label={t('orga.followUp.filters.divisions')} options={summary.divisions.map((d) => ({ value: d, label: d }))} selected={draft.divisions} onChange={(divisions) => setDraft({ ...draft, divisions })} testId="filter-divisions" />
        <MultiSelectFilter label={t('orga.followUp.filters.groups')} options={summary.groups.map((g) => ({ value: g, label: g }))} selected={draft.groups} onChange={(groups) => setDraft({ ...draft, groups })} testId="filter-groups" />
        <MultiSelectFilter label={t('orga.followUp.filters.badges')} hint={t('orga.followUp.filters.badgesHint')} options={badgeOptions} selected={draft.badges} onChange={(badges) => setDraft({ ...draft, badges })} testId="filter-badges" />
        <MultiSelectFilter
          label={t('orga.followUp.filters.missingBadges')}
          hint={t('orga.followUp.filters.missingBadgesHint')}
          options={badgeOptions}
          selected={draft.missingBadges}
          onChange={(missingBadges) => setDraft({ ...draft, missingBadges })}
          testId="filter-missing-badges"
        />
        <MultiSelectFilter label={t('orga.followUp.filters.stages')} options={stageOptions} selected={draft.stages} onChange={(stages) => setDraft({ ...draft, stages })} testId="filter-stages" />
        {isProfile ? (
          <SelectField
            label={t('orga.followUp.filters.certifiable')}
            name="certifiable"
            value={draft.certifiable}
            onChange={(certifiable) => setDraft({ ...draft, certifiable })}
            options={[
              { value: '', label: t('orga.followUp.filters.allCertifiable') },
              { value: 'yes', label: t('orga.followUp.filters.certifiableYes') },
              { value: 'no', label: t('orga.followUp.filters.certifiableNo') },
            ]}
          />
        ) : null}
        <div className="follow-up-filters__actions">
          <Button type="submit" variant="secondary" data-testid="results-filters-submit">
            {t('orga.followUp.filters.apply')}
          </Button>
          {filtered ? (
            <Button variant="secondary" onClick={clear}>
              {t('orga.followUp.filters.clear')}
            </Button>
          ) : null}
        </div>
      </form>
      {rows.isPending ? <Loading /> : null}
      <ErrorSummary error={rows.error} />
      {data ? (
        <>
          <p role="status" data-testid="results-count">
            {t('orga.followUp.results.count', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p data-testid="no-results">{filtered ? t('orga.followUp.results.emptyFiltered') : t('orga.followUp.results.empty')}</p>
          ) : (
            <TableScroll label={t('orga.followUp.results.table')}>
              <table className="table" data-testid="results-table">
                <caption className="visually-hidden">{t('orga.followUp.results.table')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('orga.followUp.activity.lastName')}</th>
                    <th scope="col">{t('orga.followUp.activity.firstName')}</th>
                    {showDivision ? <th scope="col">{t('orga.followUp.activity.division')}</th> : null}
                    {showGroup ? <th scope="col">{t('orga.followUp.activity.group')}</th> : null}
                    {campaign.externalIdLabel ? <th scope="col">{campaign.externalIdLabel}</th> : null}
                    {isProfile ? (
                      <>
                        <th scope="col">{t('orga.followUp.results.sharedAt')}</th>
                        <th scope="col">{t('orga.followUp.results.pix')}</th>
                        <th scope="col">{t('orga.followUp.results.pixEvolution')}</th>
                        <th scope="col">{t('orga.followUp.results.certifiable')}</th>
                        <th scope="col">{t('orga.followUp.results.certifiableCompetences')}</th>
                      </>
                    ) : (
                      <>
                        <th scope="col">{t('orga.followUp.results.mastery')}</th>
                        {summary.totalStars !== null ? <th scope="col">{t('orga.followUp.results.stars')}</th> : null}
                        <th scope="col">{t('orga.followUp.results.evolution')}</th>
                        {summary.badges.length > 0 ? <th scope="col">{t('orga.followUp.results.badges')}</th> : null}
                        <th scope="col" aria-describedby={precisionHelpId}>
                          {t('orga.followUp.results.precision')}
                        </th>
                      </>
                    )}
                    <th scope="col">{t('orga.followUp.results.sendings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row) => (
                    <tr key={row.participationId} data-testid="result-row">
                      <th scope="row">
                        <Link to={`/orga/campagnes/${campaign.id}/participants/${row.participationId}`} data-testid="result-participant-link">
                          {row.lastName}
                        </Link>
                      </th>
                      <td>{row.firstName}</td>
                      {showDivision ? <td>{row.division ?? ''}</td> : null}
                      {showGroup ? <td>{row.group ?? ''}</td> : null}
                      {campaign.externalIdLabel ? <td>{row.participantExternalId ?? ''}</td> : null}
                      {isProfile ? (
                        <ProfileCells row={row} sharedOn={formatDate(row.sharedAt, i18n.language, timeZone)} />
                      ) : (
                        <AssessmentCells row={row} summary={summary} />
                      )}
                      <td>{row.sharingCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {!isProfile && data.items.length > 0 ? (
            <p id={precisionHelpId} className="chart__note">
              {t('orga.followUp.results.precisionHelp')}
            </p>
          ) : null}
          <Pagination list={data} />
        </>
      ) : null}
    </>
  );
}

function AssessmentCells({ row, summary }: { row: ResultRow; summary: ResultsSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <td data-testid="result-mastery">{row.mastery === null ? '—' : t('orga.followUp.results.masteryValue', { value: row.mastery })}</td>
      {summary.totalStars !== null ? <td>{row.stars === null ? '—' : <Stars count={row.stars} total={summary.totalStars} />}</td> : null}
      <td data-testid="result-evolution">
        {row.evolution === null ? (
          t('orga.followUp.results.evolutions.none')
        ) : (
          <span className={`evolution evolution--${row.evolution.toLowerCase()}`}>
            <span aria-hidden="true">{row.evolution === 'UP' ? '↗ ' : row.evolution === 'DOWN' ? '↘ ' : '→ '}</span>
            {t(`orga.followUp.results.evolutions.${row.evolution}`)}
          </span>
        )}
      </td>
      {summary.badges.length > 0 ? (
        <td>
          <ul className="badge-list">
            {summary.badges.map((badge) => {
              const obtained = row.badges.includes(badge.key);
              const image = badgeImage(badge.imageUrl);
              const label = t(obtained ? 'orga.followUp.results.badgeObtained' : 'orga.followUp.results.badgeMissing', { title: badge.title });
              return (
                <li key={badge.key} className={obtained ? 'badge-chip' : 'badge-chip badge-chip--missing'} data-obtained={obtained} data-testid="result-badge">
                  {image ? <img src={image} alt={label} title={label} width={28} height={28} /> : <span>{label}</span>}
                </li>
              );
            })}
          </ul>
        </td>
      ) : null}
      <td data-testid="result-precision">
        {row.precision === null ? (
          <span className="precision precision--none">{t('orga.followUp.results.precisionNone')}</span>
        ) : (
          <span className={`precision precision--${row.precision.band.toLowerCase()}`}>
            {t('orga.followUp.results.precisionValue', { value: row.precision.halfWidth })}
            <span className="precision__band">{t(`orga.followUp.results.precisionBands.${row.precision.band}`)}</span>
          </span>
        )}
      </td>
    </>
  );
}

function ProfileCells({ row, sharedOn }: { row: ResultRow; sharedOn: string }) {
  const { t } = useTranslation();
  const evolution = row.pixEvolution;
  return (
    <>
      <td className="nowrap">{sharedOn}</td>
      <td>{row.pixScore ?? '—'}</td>
      <td>{evolution === null ? '—' : t('orga.followUp.results.pixEvolutionValue', { value: evolution > 0 ? `+${evolution}` : String(evolution) })}</td>
      <td>{row.isCertifiable ? t('orga.followUp.results.yes') : t('orga.followUp.results.no')}</td>
      <td>{row.certifiableCompetenceCount ?? '—'}</td>
    </>
  );
}
