import type { CampaignLanding, StartParticipationBody } from '@jalon/contracts';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { useStartParticipation } from './campaignQueries';
import { campaignPaths, destinationAfterStart, missingStep } from './campaignJourney';

/**
 * « Je commence » and its detours: reconciliation and external id are asked first when the
 * landing already says they are missing, and again if the API still refuses for them.
 */
export function useJoinCampaign(landing: CampaignLanding) {
  const navigate = useNavigate();
  const start = useStartParticipation(landing.id, landing.code);
  const paths = campaignPaths(landing.code);

  function join(body: Partial<StartParticipationBody> = {}) {
    const missing = body.participantExternalId === undefined ? missingStep(landing) : null;
    if (missing === 'reconciliation') return void navigate(paths.reconciliation);
    if (missing === 'externalId') return void navigate(paths.externalId);
    start.mutate(body, {
      onSuccess: ({ participation, created }) => {
        const isFirstStart = created && landing.me?.isFirstCampaign === true && !body.retry && !body.reset;
        void navigate(destinationAfterStart(landing, participation, isFirstStart));
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        if (error.hasCode('RECONCILIATION_REQUIRED')) void navigate(paths.reconciliation);
        else if (error.hasCode('EXTERNAL_ID_REQUIRED') && body.participantExternalId === undefined) void navigate(paths.externalId);
      },
    });
  }

  return { join, isPending: start.isPending, error: start.error, reset: start.reset };
}
