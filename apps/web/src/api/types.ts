/**
 * The shapes the web app reads and sends, taken from `@jalon/contracts` so the API and the
 * browser cannot drift apart. Only a few names are added for the web app's convenience.
 */
import type { Me, MembershipRole, Organization, OrganizationFeature, OrganizationType, OutboxMail } from '@jalon/contracts';

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

/*
 * Copied as values rather than imported: importing them would pull zod and every schema into
 * the browser bundle (~95 kB). A unit test checks they equal the contract's lists.
 */
export const ORGANIZATION_FEATURES = [
  'MULTIPLE_SENDING_ASSESSMENT',
  'CAMPAIGN_WITHOUT_USER_PROFILE',
  'LEARNER_IMPORT',
  'COMPUTE_ORGANIZATION_LEARNER_CERTIFICABILITY',
  'SHOW_SKILLS',
  'CERTIFICATION_RESULTS',
  'CERTIFICATION_CENTER',
] as const satisfies readonly OrganizationFeature[];

export const ORGANIZATION_TYPES = ['SCO', 'SCO-1D', 'SUP', 'PRO'] as const satisfies readonly OrganizationType[];

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
