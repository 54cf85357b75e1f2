import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/status-pages/NotFoundPage';
import { CampaignListPage } from './CampaignListPage';
import { CampaignAnalysisTab } from './analysis/CampaignAnalysisTab';
import { CollectiveResultsTab } from './analysis/CollectiveResultsTab';
import { CampaignPage } from './CampaignPage';
import { CampaignParticipants } from './CampaignParticipants';
import { CampaignResults } from './CampaignResults';
import { CampaignSettings } from './CampaignSettings';
import { CreateCampaignPage } from './CreateCampaignPage';
import { LearnerActivityTab, ParticipantAnalysisTab, ParticipantPage, ParticipantResults } from './participant/ParticipantPage';

/** Everything under `/orga/campagnes`, mounted by the app's route map at `campagnes/*`. */
export function CampaignRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="/orga/campagnes/les-miennes" replace />} />
      <Route path="les-miennes" element={<CampaignListPage key="mine" scope="mine" />} />
      <Route path="toutes" element={<CampaignListPage key="all" scope="all" />} />
      <Route path="creation" element={<CreateCampaignPage />} />
      <Route path=":campaignId" element={<CampaignPage />}>
        <Route index element={<CampaignParticipants />} />
        <Route path="resultats" element={<CampaignResults />} />
        <Route path="analyse" element={<CampaignAnalysisTab />} />
        <Route path="resultats-collectifs" element={<CollectiveResultsTab />} />
        <Route path="parametres" element={<CampaignSettings />} />
      </Route>
      <Route path=":campaignId/participants/:participationId" element={<ParticipantPage />}>
        <Route index element={<ParticipantResults />} />
        <Route path="analyse" element={<ParticipantAnalysisTab />} />
        <Route path="activite" element={<LearnerActivityTab />} />
      </Route>
      <Route path="*" element={<NotFoundPage homePath="/orga/" />} />
    </Routes>
  );
}
