export type Role = 'ADMIN' | 'MEMBER';
export type OrganizationType = 'SCO' | 'SCO-1D' | 'SUP' | 'PRO';

export const FEATURES = [
  'MULTIPLE_SENDING_ASSESSMENT',
  'CAMPAIGN_WITHOUT_USER_PROFILE',
  'LEARNER_IMPORT',
  'COMPUTE_ORGANIZATION_LEARNER_CERTIFICABILITY',
  'SHOW_SKILLS',
  'CERTIFICATION_RESULTS',
  'CERTIFICATION_CENTER',
] as const;
export type Feature = (typeof FEATURES)[number];

export const ORGANIZATION_TYPES: readonly OrganizationType[] = ['SCO', 'SCO-1D', 'SUP', 'PRO'];

export interface MembershipOrganization {
  id: string;
  name: string;
  type: OrganizationType;
  documentationUrl: string | null;
  isManagingStudents: boolean;
  features: string[];
}

export interface Membership {
  id: string;
  role: Role;
  organization: MembershipOrganization;
}

export interface Me {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  username: string | null;
  lang: string;
  mustChangePassword: boolean;
  termsAcceptedAt: string | null;
  orgaTermsAcceptedAt: string | null;
  isPlatformAdmin: boolean;
  currentOrganizationId: string | null;
  memberships: Membership[];
}

export interface Organization {
  id: string;
  name: string;
  type: OrganizationType;
  externalId: string | null;
  documentationUrl: string | null;
  isManagingStudents: boolean;
  identityProviderForCampaigns: 'MEDIACENTRE' | null;
  features: string[];
  timeZone: string;
}

export interface AdminOrganization extends Organization {
  email: string | null;
}

export interface Member {
  id: string;
  userId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  role: Role;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role | null;
  status: 'pending' | 'accepted' | 'cancelled';
  createdAt: string;
  updatedAt: string;
}

export interface InvitationResult {
  invited: { email: string; invitationId: string }[];
  alreadyMembers: string[];
}

export interface PublicInvitation {
  organizationName: string;
  email: string;
  status: Invitation['status'];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface OutboxMailSummary {
  id: string;
  to: string;
  subject: string;
  createdAt: string;
}

export interface OutboxMail extends OutboxMailSummary {
  text: string;
  html: string | null;
}
