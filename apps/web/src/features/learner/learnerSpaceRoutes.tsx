import { Route } from 'react-router';
import { CampaignDirectLink } from './campaigns/CampaignGate';
import { CampaignCodePage } from './campaigns/CampaignCodePage';
import { CampaignLandingPage } from './campaigns/CampaignLandingPage';
import { ExternalIdPage } from './campaigns/ExternalIdPage';
import { ReconciliationPage } from './campaigns/ReconciliationPage';
import { TutorialPage } from './campaigns/TutorialPage';
import { CheckpointPage } from './checkpoint/CheckpointPage';
import { MyCampaignsPage } from './my-campaigns/MyCampaignsPage';
import { CompetenceDetailsPage } from './profile/CompetenceDetailsPage';
import { ProfilePage } from './profile/ProfilePage';
import { ProfileCollectionPage } from './profile-collection/ProfileCollectionPage';
import { CampaignResultsPage } from './results/CampaignResultsPage';
import { RunnerPage } from './runner/RunnerPage';
import { MyTutorialsPage } from './tutorials/MyTutorialsPage';

/**
 * The learner's campaigns, tests, results and profile (`campaigns-and-participation.md` §6–7),
 * placed by `AppRoutes` inside the learner layout. A function, not a component: `<Routes>`
 * accepts only `<Route>` elements as children.
 */
export function learnerSpaceRoutes() {
  return (
    <>
      <Route path="/campagnes" element={<CampaignCodePage />} />
      <Route path="/campagnes/:code" element={<CampaignDirectLink />} />
      <Route path="/campagnes/:code/presentation" element={<CampaignLandingPage />} />
      <Route path="/campagnes/:code/rejoindre" element={<ReconciliationPage />} />
      <Route path="/campagnes/:code/identifiant" element={<ExternalIdPage />} />
      <Route path="/campagnes/:code/didacticiel" element={<TutorialPage />} />
      <Route path="/campagnes/:code/resultats" element={<CampaignResultsPage />} />
      <Route path="/campagnes/:code/collecte" element={<ProfileCollectionPage />} />
      <Route path="/assessments/:assessmentId" element={<RunnerPage />} />
      <Route path="/assessments/:assessmentId/challenges/:n" element={<RunnerPage />} />
      <Route path="/assessments/:assessmentId/checkpoint" element={<CheckpointPage />} />
      <Route path="/competences" element={<ProfilePage />} />
      <Route path="/competences/:competenceId/details" element={<CompetenceDetailsPage />} />
      <Route path="/mes-tutos" element={<MyTutorialsPage />} />
      <Route path="/mes-parcours" element={<MyCampaignsPage />} />
    </>
  );
}
