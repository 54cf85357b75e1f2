import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/status-pages/NotFoundPage';
import { learnersEntry } from '../shell/menu';
import { useOrga } from '../shell/orgaContext';
import { LearnerListPage } from './LearnerListPage';
import { LearnerPage } from './LearnerPage';

/**
 * Everything under `/orga/eleves`, `/orga/etudiants` or `/orga/participants`: each
 * organization type has exactly one of the three paths; the other two do not exist for it.
 */
export function LearnerRoutes({ path }: { path: string }) {
  const entry = learnersEntry(useOrga().membership.organization.type);
  if (entry.path !== path) return <NotFoundPage homePath="/orga/" />;
  return (
    <Routes>
      <Route index element={<LearnerListPage />} />
      <Route path=":learnerId" element={<LearnerPage />} />
      <Route path="*" element={<NotFoundPage homePath="/orga/" />} />
    </Routes>
  );
}
