import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate, useOutletContext, useParams } from 'react-router';
import type { ParticipantPage as ParticipantPageData } from '@jalon/contracts';
import { ApiError } from '../../../../api/client';
import { assetUrl } from '../../../shared/content/assetUrl';
import { localized } from '../../../shared/content/localized';
import { formatDate } from '../../../shared/format/formatDate';
import { NotFoundPage } from '../../../shared/status-pages/NotFoundPage';
import { ErrorSummary } from '../../../shared/ui/ErrorSummary';
import { Loading } from '../../../shared/ui/Loading';
import { Notice } from '../../../shared/ui/Notice';
import { Page } from '../../../shared/ui/Page';
import { SelectField } from '../../../shared/ui/SelectField';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { useOrganizationTimeZone } from '../../shell/useOrganization';
import { useCampaign } from '../campaignQueries';
import { AreaSwatch, Gauge, TubeList } from '../analysis/AnalysisParts';
import { useLearnerActivity, useParticipantAnalysis, useParticipantPage } from '../analysis/analysisQueries';
import '../followUp.css';
import '../analysis/analysis.css';

export function useParticipantOfPage(): ParticipantPageData {
  return useOutletContext<ParticipantPageData>();
}

function Stars({ count, total }: { count: number; total: number }) {
  const { t } = useTranslation();
  return (
    <span className="stars" role="img" aria-label={t('orga.analysis.participant.stars', { count, total })} data-testid="participant-stars">
      {Array.from({ length: total }, (_, index) => (
        <span key={index} className={index < count ? 'star star--on' : 'star'} aria-hidden="true">
          ★
        </span>
      ))}
    </span>
  );
}

/**
 * `/orga/campagnes/:id/participants/:participationId` (`analytics-and-exports.md` §4): one
 * learner's sending — header values stored at share — then « Résultats », « Analyse » and
 * their whole activity as tabs of their own URL.
 */
export function ParticipantPage() {
  const { t, i18n } = useTranslation();
  const timeZone = useOrganizationTimeZone();
  const navigate = useNavigate();
  const { campaignId = '', participationId = '' } = useParams();
  const page = useParticipantPage(campaignId, participationId);
  if (page.error instanceof ApiError && page.error.status === 404) return <NotFoundPage homePath="/orga/campagnes" />;
  if (!page.data) {
    return (
      <Page title={t('orga.analysis.participant.title')}>
        {page.isPending ? <Loading /> : null}
        <ErrorSummary error={page.error} />
      </Page>
    );
  }
  const data = page.data;
  const { participation, learner, results } = data;
  const name = `${learner.firstName} ${learner.lastName}`;
  const base = `/orga/campagnes/${campaignId}/participants/${participation.id}`;
  const date = (iso: string) => formatDate(iso, i18n.language, timeZone);
  const statusOf = (status: string) => t(`orga.analysis.participant.statuses.${status}`);
  const tabs = [
    { to: base, key: 'results', end: true },
    ...(data.campaign.type === 'PROFILES_COLLECTION' ? [] : [{ to: `${base}/analyse`, key: 'analysis', end: false }]),
    { to: `${base}/activite`, key: 'activity', end: false },
  ];
  return (
    <Page title={name} testId="participant-page">
      <p>
        <Link to={`/orga/campagnes/${campaignId}`}>{t('orga.analysis.participant.back', { name: data.campaign.name })}</Link>
      </p>
      <dl className="details participant-header" data-testid="participant-header">
        <dt>{t('orga.analysis.participant.campaign')}</dt>
        <dd>{data.campaign.name}</dd>
        {learner.division || learner.group ? (
          <>
            <dt>{t(learner.division ? 'orga.analysis.participant.division' : 'orga.analysis.participant.group')}</dt>
            <dd>{learner.division ?? learner.group}</dd>
          </>
        ) : null}
        {data.campaign.externalIdLabel && participation.participantExternalId ? (
          <>
            <dt>{data.campaign.externalIdLabel}</dt>
            <dd>{participation.participantExternalId}</dd>
          </>
        ) : null}
        <dt>{t('orga.analysis.participant.startedAt')}</dt>
        <dd>{date(participation.createdAt)}</dd>
        <dt>{t('orga.analysis.participant.status')}</dt>
        <dd data-testid="participant-status">{statusOf(participation.status)}</dd>
        {participation.sharedAt ? (
          <>
            <dt>{t('orga.analysis.participant.sharedAt')}</dt>
            <dd data-testid="participant-shared-at">{date(participation.sharedAt)}</dd>
          </>
        ) : null}
        {data.campaign.type !== 'PROFILES_COLLECTION' ? (
          <>
            <dt>{t('orga.analysis.participant.progression')}</dt>
            <dd data-testid="participant-progression">{t('orga.analysis.participant.percent', { percent: participation.progression })}</dd>
          </>
        ) : null}
        {results ? (
          <>
            <dt>{t('orga.analysis.participant.mastery')}</dt>
            <dd data-testid="participant-mastery">
              {t('orga.analysis.participant.masteryValue', { percent: results.masteryPercent, validated: results.validatedSkills, targeted: results.targetedSkills })}
            </dd>
          </>
        ) : null}
        {results?.stage ? (
          <>
            <dt>{t('orga.analysis.participant.stage')}</dt>
            <dd data-testid="participant-stage">
              <Stars count={results.stage.stars} total={results.stage.totalStars} />
              <strong className="participant-stage__title">{results.stage.title}</strong>
              {results.stage.description ? <span className="participant-stage__description">{results.stage.description}</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {results && results.badges.length > 0 ? (
        <ul className="participant-badges" aria-label={t('orga.analysis.participant.badges')} data-testid="participant-badges">
          {results.badges.map((badge) => (
            <li key={badge.key} className={badge.obtained ? 'participant-badge' : 'participant-badge participant-badge--missing'} data-obtained={badge.obtained}>
              {badge.imageUrl?.startsWith('assets/') ? <img src={assetUrl(badge.imageUrl)} alt="" width={32} height={32} /> : null}
              <span>{badge.title}</span>
              <span className="visually-hidden"> {t(badge.obtained ? 'orga.analysis.participant.badgeObtained' : 'orga.analysis.participant.badgeMissing')}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {data.participations.length > 1 ? (
        <div className="participation-selector">
          <SelectField
            label={t('orga.analysis.participant.selector')}
            name="participation"
            value={participation.id}
            onChange={(id) => void navigate(`/orga/campagnes/${campaignId}/participants/${id}`)}
            options={data.participations.map((p) => ({
              value: p.id,
              label: t('orga.analysis.participant.option', { number: p.number, status: t(p.status === 'SHARED' ? 'orga.analysis.participant.sent' : 'orga.analysis.participant.unsent') }),
            }))}
            data-testid="participation-selector"
          />
        </div>
      ) : null}
      <div className="tabs-bar">
        <nav aria-label={t('orga.analysis.participant.tabs.label')} className="tabs">
          {tabs.map((tab) => (
            <NavLink key={tab.key} to={tab.to} end={tab.end} data-testid={`participant-tab-${tab.key}`}>
              {t(`orga.analysis.participant.tabs.${tab.key}`)}
            </NavLink>
          ))}
        </nav>
      </div>
      <Outlet context={data} />
    </Page>
  );
}

/** « Résultats »: per competence from the snapshot, or a profile collection's 16 competences. */
export function ParticipantResults() {
  const { t, i18n } = useTranslation();
  const data = useParticipantOfPage();
  if (data.profile) {
    const profile = data.profile;
    return (
      <section aria-labelledby="participant-results-title" data-testid="participant-profile">
        <h2 id="participant-results-title">{t('orga.analysis.participant.tabs.results')}</h2>
        <div className="cards">
          <div className="card">
            <p className="card__label">{t('orga.analysis.participant.profile.totalPix')}</p>
            <p className="card__value" data-testid="participant-total-pix">
              {profile.totalPix}
            </p>
          </div>
          <div className="card">
            <p className="card__label">{t('orga.analysis.participant.profile.certifiable')}</p>
            <p className="card__value card__value--small" data-testid="participant-certifiable" data-certifiable={profile.isCertifiable}>
              {t(profile.isCertifiable ? 'orga.analysis.participant.profile.yes' : 'orga.analysis.participant.profile.no')}
            </p>
            <p className="card__detail">{t('orga.analysis.participant.profile.certifiableCount', { count: profile.certifiableCompetenceCount })}</p>
          </div>
        </div>
        <TableScroll label={t('orga.analysis.participant.profile.caption')}>
          <table className="table" data-testid="participant-profile-table">
            <caption>{t('orga.analysis.participant.profile.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orga.analysis.participant.competence')}</th>
                <th scope="col">{t('orga.analysis.participant.profile.level')}</th>
                <th scope="col">{t('orga.analysis.participant.profile.pix')}</th>
              </tr>
            </thead>
            <tbody>
              {profile.competences.map((competence) => (
                <tr key={competence.id} data-testid="participant-profile-competence">
                  <th scope="row">
                    <AreaSwatch color={competence.areaColor} />
                    {`${competence.index} ${localized(competence.name, i18n.language)}`}
                  </th>
                  <td>{competence.level}</td>
                  <td>{competence.pix}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    );
  }
  return (
    <section aria-labelledby="participant-results-title" data-testid="participant-results">
      <h2 id="participant-results-title">{t('orga.analysis.participant.tabs.results')}</h2>
      {data.results ? (
        <ul className="competence-gauges">
          {data.results.competences.map((competence) => (
            <li key={competence.id} className="competence-gauge" data-testid="participant-competence">
              <h3 className="competence-gauge__title">
                <AreaSwatch color={competence.areaColor} />
                {`${competence.index} ${localized(competence.name, i18n.language)}`}
              </h3>
              <Gauge
                percent={competence.masteryPercent}
                text={t('orga.analysis.participant.competenceMastery', { percent: competence.masteryPercent, validated: competence.validated, total: competence.total })}
              />
              {competence.stars !== null && competence.totalStars !== null ? <Stars count={competence.stars} total={competence.totalStars} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <Notice testId="participant-not-sent">{t('orga.analysis.participant.notSent')}</Notice>
      )}
    </section>
  );
}

/** « Analyse » of this learner alone, with the tutorials they were shown during the test marked. */
export function ParticipantAnalysisTab() {
  const { t } = useTranslation();
  const data = useParticipantOfPage();
  const analysis = useParticipantAnalysis(data.campaign.id, data.participation.id);
  return (
    <section aria-labelledby="participant-analysis-title" data-testid="participant-analysis">
      <h2 id="participant-analysis-title">{t('orga.analysis.participant.tabs.analysis')}</h2>
      {analysis.isPending ? <Loading /> : null}
      <ErrorSummary error={analysis.error} />
      {analysis.data && !analysis.data.isShared ? <Notice testId="participant-not-sent">{t('orga.analysis.participant.notSent')}</Notice> : null}
      {analysis.data?.isShared ? (
        <>
          <p>{t('orga.analysis.participant.analysisIntro')}</p>
          <TubeList tubes={analysis.data.tubes} showMarks />
        </>
      ) : null}
    </section>
  );
}

/** The learner's participations in every campaign of the organization. */
export function LearnerActivityTab() {
  const { t, i18n } = useTranslation();
  const timeZone = useOrganizationTimeZone();
  const data = useParticipantOfPage();
  const campaign = useCampaign(data.campaign.id);
  const organizationId = campaign.data?.organizationId ?? '';
  const activity = useLearnerActivity(organizationId, data.learner.organizationLearnerId);
  const caption = t('orga.analysis.participant.activity.caption', { name: `${data.learner.firstName} ${data.learner.lastName}` });
  return (
    <section aria-labelledby="participant-activity-title" data-testid="learner-activity">
      <h2 id="participant-activity-title">{t('orga.analysis.participant.tabs.activity')}</h2>
      {activity.isPending && organizationId ? <Loading /> : null}
      <ErrorSummary error={activity.error ?? campaign.error} />
      {activity.data ? (
        <TableScroll label={caption}>
          <table className="table" data-testid="learner-activity-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orga.analysis.participant.campaign')}</th>
                <th scope="col">{t('orga.analysis.participant.activity.status')}</th>
                <th scope="col">{t('orga.analysis.participant.startedAt')}</th>
                <th scope="col">{t('orga.analysis.participant.activity.result')}</th>
              </tr>
            </thead>
            <tbody>
              {activity.data.participations.map((row) => (
                <tr key={row.id} data-testid="learner-activity-row">
                  <th scope="row">
                    <Link to={`/orga/campagnes/${row.campaign.id}/participants/${row.id}`}>{row.campaign.name}</Link>
                    {row.campaign.archived ? <span className="mark-tag">{t('orga.analysis.participant.activity.archived')}</span> : null}
                  </th>
                  <td>{t(`orga.analysis.participant.statuses.${row.status}`)}</td>
                  <td>{formatDate(row.createdAt, i18n.language, timeZone)}</td>
                  <td>
                    {row.masteryPercent !== null
                      ? t('orga.analysis.participant.percent', { percent: row.masteryPercent })
                      : row.pixScore !== null
                        ? t('orga.analysis.participant.activity.pix', { count: row.pixScore })
                        : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
