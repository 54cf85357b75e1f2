/**
 * The shapes the web app reads and sends, taken from `@jalon/contracts` so the API and the
 * browser cannot drift apart. Only a few names are added for the web app's convenience.
 */
import type { Me, MembershipRole } from '@jalon/contracts';

export type {
  CreateInvitationsResponse,
  Invitation,
  Me,
  Member,
  Organization,
  OrganizationFeature,
  OrganizationType,
  OutboxMail,
  PublicInvitation,
  AdminOrganizationsPage as OrganizationsPage,
  OutboxMailSummary,
} from '@jalon/contracts';

export { ORGANIZATION_FEATURES, ORGANIZATION_TYPES } from '@jalon/contracts/constants';

export type Role = MembershipRole;
export type Membership = Me['memberships'][number];

export type {
  AdminChallengePreview,
  AdminChallengesPage,
  AnswerArea,
  ChallengeCheckResponse,
  ChallengeType,
  LocalizedText,
  TargetProfileDetail,
  TargetProfileSummary,
} from '@jalon/contracts';
