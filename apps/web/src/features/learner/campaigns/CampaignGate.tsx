import type { ReactNode } from 'react';
import type { CampaignLanding } from '@jalon/contracts';
import { CAMPAIGN_CODE_PATTERN, normalizeCampaignCode } from '@jalon/contracts/constants';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { useCampaignLanding } from './campaignQueries';
import { campaignPaths } from './campaignJourney';
import { CampaignUnavailablePage } from './CampaignUnavailablePage';

interface CampaignGateProps {
  children: (landing: CampaignLanding) => ReactNode;
  /** The end page stays readable on an archived campaign: results remain visible (§4.4). */
  allowArchived?: boolean;
}

/**
 * Every `/campagnes/:code/…` page goes through here: a code typed in lowercase is put right
 * in the address, and an unknown, deleted or archived campaign gets its own explanation.
 */
export function CampaignGate({ children, allowArchived = false }: CampaignGateProps) {
  const { t } = useTranslation();
  const { code: raw = '' } = useParams();
  const location = useLocation();
  const code = normalizeCampaignCode(raw);
  const valid = CAMPAIGN_CODE_PATTERN.test(code);
  const landing = useCampaignLanding(code, valid);
  if (!valid) return <CampaignUnavailablePage reason="invalid" />;
  if (code !== raw) return <Navigate to={location.pathname.replace(`/campagnes/${raw}`, `/campagnes/${code}`)} replace />;
  if (landing.isPending) return <Loading />;
  if (landing.error) {
    const error = landing.error;
    if (error instanceof ApiError && error.hasCode('CAMPAIGN_CODE_NOT_FOUND')) return <CampaignUnavailablePage reason="unknown" />;
    if (error instanceof ApiError && error.hasCode('CAMPAIGN_NOT_FOUND')) return <CampaignUnavailablePage reason="deleted" />;
    if (error instanceof ApiError && error.hasCode('CAMPAIGN_CODE_INVALID_FORMAT')) return <CampaignUnavailablePage reason="invalid" />;
    return (
      <Page title={t('status.error.title')}>
        <ErrorSummary error={error} />
      </Page>
    );
  }
  const data = landing.data;
  if (data.isArchived && !allowArchived) {
    const sent = data.me?.participation !== null && data.me?.participation !== undefined;
    return <CampaignUnavailablePage reason="archived" resultsPath={sent && data.type !== 'PROFILES_COLLECTION' ? campaignPaths(code).results : undefined} />;
  }
  return <>{children(data)}</>;
}

/** `/campagnes/:code`, the direct link teachers hand out. */
export function CampaignDirectLink() {
  const { code = '' } = useParams();
  return <Navigate to={campaignPaths(normalizeCampaignCode(code)).landing} replace />;
}
