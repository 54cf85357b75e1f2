import { Navigate, Route } from 'react-router';
import { NotFoundPage } from '../shared/status-pages/NotFoundPage';
import { CertifSignInPage } from './CertifSignInPage';
import { CertifPublicLayout, CertifShell } from './shell/CertifShell';
import { RequireCentreMember } from './shell/RequireCentreMember';
import { CreateSittingPage, EditSittingPage } from './sittings/SittingFormPage';
import { SittingListPage } from './sittings/SittingListPage';
import { SittingPage } from './sittings/SittingPage';

/** The `/certif` space: a centre's sittings, candidates and invigilator console. */
export function certifRoutes() {
  return (
    <Route path="/certif">
      <Route element={<CertifPublicLayout />}>
        <Route path="connexion" element={<CertifSignInPage />} />
      </Route>
      <Route
        element={
          <RequireCentreMember>
            <CertifShell />
          </RequireCentreMember>
        }
      >
        <Route index element={<Navigate to="/certif/sessions" replace />} />
        <Route path="sessions" element={<SittingListPage />} />
        <Route path="sessions/nouvelle" element={<CreateSittingPage />} />
        <Route path="sessions/:sittingId" element={<SittingPage tab="candidates" />} />
        <Route path="sessions/:sittingId/surveillance" element={<SittingPage tab="console" />} />
        <Route path="sessions/:sittingId/modifier" element={<EditSittingPage />} />
        <Route path="*" element={<NotFoundPage homePath="/certif/" />} />
      </Route>
    </Route>
  );
}
