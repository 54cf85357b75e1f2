/**
 * The shapes the web app reads and sends, taken from `@jalon/contracts` so the API and the
 * browser cannot drift apart. Only a few names are added for the web app's convenience.
 */
import type { Me, MembershipRole, Organization, OutboxMail } from '@jalon/contracts';

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
} from '@jalon/contracts';
export { ORGANIZATION_FEATURES, ORGANIZATION_TYPES } from '@jalon/contracts';

export type Role = MembershipRole;
export type Membership = Me['memberships'][number];
export type OutboxMailSummary = Omit<OutboxMail, 'text' | 'html'>;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type OrganizationsPage = Page<Organization>;
