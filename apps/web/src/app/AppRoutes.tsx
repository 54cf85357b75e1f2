import { Navigate, Outlet, Route, Routes } from 'react-router';
import { AdminSignInPage } from '../features/admin/auth/AdminSignInPage';
import { ChallengePreviewPage } from '../features/admin/challenges/ChallengePreviewPage';
import { ChallengesPage } from '../features/admin/challenges/ChallengesPage';
import { RequireAdmin } from '../features/admin/auth/RequireAdmin';
import { AdminLayout } from '../features/admin/layout/AdminLayout';
import { CreateOrganizationPage } from '../features/admin/organizations/CreateOrganizationPage';
import { EditOrganizationPage } from '../features/admin/organizations/EditOrganizationPage';
import { OrganizationsPage } from '../features/admin/organizations/OrganizationsPage';
import { MailPage } from '../features/admin/outbox/MailPage';
import { OutboxPage } from '../features/admin/outbox/OutboxPage';
import { JurySittingPage } from '../features/admin/certification/JurySittingPage';
import { JurySittingsPage } from '../features/admin/certification/JurySittingsPage';
import { MyCertificationsPage } from '../features/learner/my-certifications/MyCertificationsPage';
import { CertificationsPage } from '../features/orga/certifications/CertificationsPage';
import { VerificationPage } from '../features/public/verification/VerificationPage';
import { certifRoutes } from '../features/certif/CertifRoutes';
import { AccountPage } from '../features/learner/account/AccountPage';
import { ChangePasswordPage } from '../features/learner/account/ChangePasswordPage';
import { ForgotPasswordPage } from '../features/learner/auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/learner/auth/ResetPasswordPage';
import { SignInPage } from '../features/learner/auth/SignInPage';
import { SignUpPage } from '../features/learner/auth/SignUpPage';
import { HomePage } from '../features/learner/home/HomePage';
import { LearnerLayout } from '../features/learner/layout/LearnerLayout';
import { FirstSignInPage } from '../features/learner/mediacentre/FirstSignInPage';
import { learnerSpaceRoutes } from '../features/learner/learnerSpaceRoutes';
import { CertificationPage } from '../features/learner/certification/CertificationPage';
import { CertificationTestPage } from '../features/learner/certification/CertificationTestPage';
import { OrgaSignInPage } from '../features/orga/auth/OrgaSignInPage';
import { OrgaTermsPage } from '../features/orga/auth/OrgaTermsPage';
import { CampaignRoutes } from '../features/orga/campaigns/CampaignRoutes';
import { LearnerRoutes } from '../features/orga/learners/LearnerRoutes';
import { DocumentationPage } from '../features/orga/documentation/DocumentationPage';
import { ParcoursPage } from '../features/orga/documentation/ParcoursPage';
import { OrgaHomePage } from '../features/orga/home/OrgaHomePage';
import { StatisticsPage } from '../features/orga/statistics/StatisticsPage';
import { JoinPage } from '../features/orga/join/JoinPage';
import { LearnerImportPage } from '../features/orga/imports/LearnerImportPage';
import { OrgaPublicLayout } from '../features/orga/shell/OrgaPublicLayout';
import { OrgaShell } from '../features/orga/shell/OrgaShell';
import { RequireOrgaMember } from '../features/orga/shell/RequireOrgaMember';
import { canSeeCertifications, isAdmin, RequireOrgaRight } from '../features/orga/shell/RequireRole';
import { InvitationsPage } from '../features/orga/team/InvitationsPage';
import { InviteMemberPage } from '../features/orga/team/InviteMemberPage';
import { MembersPage } from '../features/orga/team/MembersPage';
import { RequireSignedIn } from '../features/shared/session/RequireSignedIn';
import { NotFoundPage } from '../features/shared/status-pages/NotFoundPage';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/orga">
        <Route element={<OrgaPublicLayout />}>
          <Route path="connexion" element={<OrgaSignInPage />} />
          <Route path="cgu" element={<OrgaTermsPage />} />
          <Route path="rejoindre" element={<JoinPage />} />
        </Route>
        <Route
          element={
            <RequireOrgaMember>
              <OrgaShell />
            </RequireOrgaMember>
          }
        >
          <Route index element={<OrgaHomePage />} />
          <Route path="campagnes/*" element={<CampaignRoutes />} />
          <Route
            path="eleves/import"
            element={
              <RequireOrgaRight allowed={isAdmin}>
                <LearnerImportPage />
              </RequireOrgaRight>
            }
          />
          <Route
            path="etudiants/import"
            element={
              <RequireOrgaRight allowed={isAdmin}>
                <LearnerImportPage />
              </RequireOrgaRight>
            }
          />
          <Route
            path="participants/import"
            element={
              <RequireOrgaRight allowed={isAdmin}>
                <LearnerImportPage />
              </RequireOrgaRight>
            }
          />
          <Route path="eleves/*" element={<LearnerRoutes path="/orga/eleves" />} />
          <Route path="etudiants/*" element={<LearnerRoutes path="/orga/etudiants" />} />
          <Route path="participants/*" element={<LearnerRoutes path="/orga/participants" />} />
          <Route path="documentation" element={<DocumentationPage />} />
          <Route path="documentation/parcours/:targetProfileId" element={<ParcoursPage />} />
          <Route path="statistiques" element={<StatisticsPage />} />
          <Route
            path="certifications"
            element={
              <RequireOrgaRight allowed={canSeeCertifications}>
                <CertificationsPage />
              </RequireOrgaRight>
            }
          />
          <Route
            path="equipe"
            element={
              <RequireOrgaRight allowed={isAdmin}>
                <Outlet />
              </RequireOrgaRight>
            }
          >
            <Route index element={<Navigate to="/orga/equipe/membres" replace />} />
            <Route path="membres" element={<MembersPage />} />
            <Route path="invitations" element={<InvitationsPage />} />
            <Route path="inviter" element={<InviteMemberPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage homePath="/orga/" />} />
        </Route>
      </Route>

      {certifRoutes()}

      <Route path="/admin" element={<AdminLayout />}>
        <Route path="connexion" element={<AdminSignInPage />} />
        <Route
          element={
            <RequireAdmin>
              <Outlet />
            </RequireAdmin>
          }
        >
          <Route index element={<Navigate to="/admin/organisations" replace />} />
          <Route path="organisations" element={<OrganizationsPage />} />
          <Route path="organisations/nouvelle" element={<CreateOrganizationPage />} />
          <Route path="organisations/:organizationId" element={<EditOrganizationPage />} />
          <Route path="boite-d-envoi" element={<OutboxPage />} />
          <Route path="boite-d-envoi/:mailId" element={<MailPage />} />
          <Route path="epreuves" element={<ChallengesPage />} />
          <Route path="epreuves/:challengeId" element={<ChallengePreviewPage />} />
          <Route path="certification" element={<JurySittingsPage />} />
          <Route path="certification/:sittingId" element={<JurySittingPage />} />
          <Route path="*" element={<NotFoundPage homePath="/admin/" />} />
        </Route>
      </Route>

      <Route element={<LearnerLayout />}>
        <Route path="/connexion" element={<SignInPage />} />
        <Route path="/inscription" element={<SignUpPage />} />
        <Route path="/mot-de-passe-oublie" element={<ForgotPasswordPage />} />
        <Route path="/reinitialiser-mot-de-passe" element={<ResetPasswordPage />} />
        <Route path="/changer-mot-de-passe" element={<ChangePasswordPage />} />
        <Route path="/premiere-connexion" element={<FirstSignInPage />} />
        <Route path="/" element={<RequireSignedIn signInPath="/connexion">{(me) => <HomePage me={me} />}</RequireSignedIn>} />
        <Route path="/mon-compte" element={<RequireSignedIn signInPath="/connexion">{(me) => <AccountPage me={me} />}</RequireSignedIn>} />
        {learnerSpaceRoutes()}
        <Route path="/mes-certifications" element={<MyCertificationsPage />} />
        <Route path="/verification-certificat" element={<VerificationPage />} />
        <Route path="/certification" element={<CertificationPage />} />
        <Route path="/certification/:courseId" element={<CertificationTestPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
