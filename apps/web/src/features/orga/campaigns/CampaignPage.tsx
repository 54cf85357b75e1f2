import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import type { Campaign } from '@jalon/contracts';
import { ApiError } from '../../../api/client';
import { formatDate } from '../../shared/format/formatDate';
import { NotFoundPage } from '../../shared/status-pages/NotFoundPage';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { useOrganizationTimeZone } from '../shell/useOrganization';
import { useCampaign, useSetArchived } from './campaignQueries';
import { CopyButton } from './CopyButton';
import './campaigns.css';

/** The tabs of a campaign (`analytics-and-exports.md` §1); each is a URL of its own. */
const TABS = [
  { path: '', key: 'activity', end: true },
  { path: 'resultats', key: 'results', end: false },
  { path: 'analyse', key: 'analysis', end: false },
  { path: 'resultats-collectifs', key: 'collective', end: false },
  { path: 'parametres', key: 'settings', end: false },
] as const;

/** The campaign the tabs below the header read. */
export function useCampaignOfPage(): Campaign {
  return useOutletContext<Campaign>();
}

/** `/orga/campagnes/:campaignId`: the header every tab shares (name, code and link to copy, owner, date), then the tab. */
export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const { campaignId = '' } = useParams();
  const timeZone = useOrganizationTimeZone();
  const campaign = useCampaign(campaignId);
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true;

  if (campaign.error instanceof ApiError && campaign.error.status === 404) return <NotFoundPage homePath="/orga/campagnes" />;
  if (!campaign.data) {
    return (
      <Page title={t('orga.campaigns.title')}>
        {campaign.isPending ? <Loading /> : null}
        <ErrorSummary error={campaign.error} />
      </Page>
    );
  }
  const data = campaign.data;
  return (
    <Page title={data.name} testId="campaign-page">
      <p>
        <Link to="/orga/campagnes">{t('orga.campaigns.back')}</Link>
      </p>
      {justCreated ? <Notice tone="success" testId="campaign-created">{t('orga.campaigns.created')}</Notice> : null}
      {data.archivedAt ? <ArchivedNotice campaign={data} archivedAt={data.archivedAt} /> : null}
      <dl className="details campaign-header">
        <dt>{t('orga.campaigns.fields.code')}</dt>
        <dd>
          <span className="campaign-code" data-testid="campaign-code">
            {data.code}
          </span>
          <CopyButton value={data.code} label={t('orga.campaigns.copy.code')} testId="copy-code" />
        </dd>
        <dt>{t('orga.campaigns.fields.directLink')}</dt>
        <dd>
          <span className="campaign-link" data-testid="campaign-direct-link">
            {data.directLink}
          </span>
          <CopyButton value={data.directLink} label={t('orga.campaigns.copy.link')} testId="copy-link" />
        </dd>
        <dt>{t('orga.campaigns.fields.owner')}</dt>
        <dd data-testid="campaign-owner">{`${data.owner.firstName} ${data.owner.lastName}`}</dd>
        <dt>{t('orga.campaigns.fields.createdAt')}</dt>
        <dd>{formatDate(data.createdAt, i18n.language, timeZone)}</dd>
      </dl>
      <p>
        <a href={`/api/campaigns/${data.id}/export.csv`} download className="button button--secondary" data-testid="campaign-export">
          {t('orga.campaigns.exportResults')}
        </a>
      </p>
      <div className="tabs-bar">
        <nav aria-label={t('orga.campaigns.tabs.label')} className="tabs campaign-tabs">
          {TABS.map((tab) => (
            <NavLink key={tab.key} to={`/orga/campagnes/${data.id}${tab.path ? `/${tab.path}` : ''}`} end={tab.end} data-testid={`campaign-tab-${tab.key}`}>
              {t(`orga.campaigns.tabs.${tab.key}`)}
            </NavLink>
          ))}
        </nav>
      </div>
      <Outlet context={data} />
    </Page>
  );
}

/** The archived state in the header, with « Désarchiver » for whoever may manage the campaign. */
function ArchivedNotice({ campaign, archivedAt }: { campaign: Campaign; archivedAt: string }) {
  const { t, i18n } = useTranslation();
  const timeZone = useOrganizationTimeZone();
  const unarchive = useSetArchived(campaign);
  return (
    <>
      <Notice testId="campaign-archived">
        <p>{t('orga.campaigns.archived', { date: formatDate(archivedAt, i18n.language, timeZone) })}</p>
        {campaign.canManage ? (
          <Button variant="secondary" busy={unarchive.isPending} onClick={() => unarchive.mutate(false)} data-testid="unarchive-campaign">
            {t('orga.campaigns.settings.unarchive')}
          </Button>
        ) : null}
      </Notice>
      <ErrorSummary error={unarchive.error} />
    </>
  );
}
