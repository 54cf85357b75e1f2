import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useParams } from 'react-router';
import { formatDate } from '../../shared/format/formatDate';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { useSitting } from '../certifQueries';
import { useCertif } from '../shell/certifContext';
import { CandidatesPanel } from './CandidatesPanel';
import { ConsolePanel } from './ConsolePanel';
import { formatSittingDate } from './sittingFormat';

/** `/certif/sessions/:sittingId` (candidates) and `…/surveillance` (the invigilator console). */
export function SittingPage({ tab }: { tab: 'candidates' | 'console' }) {
  const { t, i18n } = useTranslation();
  const { sittingId = '' } = useParams();
  const { centre } = useCertif();
  const organizationId = centre.organization.id;
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const sitting = useSitting(organizationId, sittingId);

  if (sitting.isPending) return <Loading />;
  const data = sitting.data;
  if (!data) return <ErrorSummary error={sitting.error} />;
  const open = data.status === 'created';

  return (
    <Page title={t('certif.sitting.title', { number: data.number })} testId="sitting-page">
      <p>
        <Link to="/certif/sessions">{t('certif.sitting.back')}</Link>
      </p>
      {created ? <Notice tone="success">{t('certif.sitting.created')}</Notice> : null}
      {data.finalizedAt ? <Notice testId="sitting-finalized">{t('certif.sitting.finalizedOn', { date: formatDate(data.finalizedAt, i18n.language) })}</Notice> : null}
      {data.publishedAt ? <Notice>{t('certif.sitting.publishedOn', { date: formatDate(data.publishedAt, i18n.language) })}</Notice> : null}
      <section aria-labelledby="sitting-details" className="certif-details">
        <h2 id="sitting-details" className="visually-hidden">
          {t('certif.sitting.details')}
        </h2>
        <dl>
          <div>
            <dt>{t('certif.sittings.number')}</dt>
            <dd data-testid="sitting-number">
              <strong>{data.number}</strong> <span className="certif-hint">{t('certif.sitting.numberHint')}</span>
            </dd>
          </div>
          <div>
            <dt>{t('certif.sittings.accessCode')}</dt>
            <dd>
              <strong className="certif-code" data-testid="sitting-access-code">
                {data.accessCode}
              </strong>{' '}
              <span className="certif-hint">{t('certif.sitting.accessCodeHint')}</span>
            </dd>
          </div>
          <div>
            <dt>{t('certif.sittings.date')}</dt>
            <dd>
              {formatSittingDate(data.date, i18n.language)} · {data.time}
            </dd>
          </div>
          <div>
            <dt>{t('certif.sittings.address')}</dt>
            <dd>
              {data.address} · {data.room}
            </dd>
          </div>
          <div>
            <dt>{t('certif.sittings.invigilator')}</dt>
            <dd>{data.invigilatorName}</dd>
          </div>
          <div>
            <dt>{t('certif.sittings.status')}</dt>
            <dd data-testid="sitting-status">{t(`certif.sittings.statuses.${data.status}`)}</dd>
          </div>
        </dl>
        {open ? (
          <Link to={`/certif/sessions/${data.id}/modifier`} className="button button--secondary" data-testid="edit-sitting-link">
            {t('certif.sitting.edit')}
          </Link>
        ) : null}
      </section>
      <div className="tabs-bar">
        <nav aria-label={t('certif.sitting.tabs.label')} className="tabs">
          <NavLink to={`/certif/sessions/${data.id}`} end data-testid="tab-candidates">
            {t('certif.sitting.tabs.candidates')}
          </NavLink>
          <NavLink to={`/certif/sessions/${data.id}/surveillance`} data-testid="tab-console">
            {t('certif.sitting.tabs.console')}
          </NavLink>
        </nav>
      </div>
      {tab === 'candidates' ? <CandidatesPanel sitting={data} /> : <ConsolePanel sitting={data} />}
    </Page>
  );
}
