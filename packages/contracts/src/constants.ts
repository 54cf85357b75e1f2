/**
 * Plain lists shared by the API and the web app, with no zod: the browser imports them
 * from `@jalon/contracts/constants` without pulling the schemas into its bundle.
 */
export const ORGANIZATION_TYPES = ['SCO', 'SCO-1D', 'SUP', 'PRO'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const MEMBERSHIP_ROLES = ['ADMIN', 'MEMBER'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const LANGS = ['fr', 'en'] as const;

/** Feature toggles set by instance admins (`campaigns-and-participation.md` §1). */
export const ORGANIZATION_FEATURES = [
  'MULTIPLE_SENDING_ASSESSMENT',
  'CAMPAIGN_WITHOUT_USER_PROFILE',
  'LEARNER_IMPORT',
  'COMPUTE_ORGANIZATION_LEARNER_CERTIFICABILITY',
  'SHOW_SKILLS',
  'CERTIFICATION_RESULTS',
  'CERTIFICATION_CENTER',
  'REMINDERS',
] as const;
export type OrganizationFeature = (typeof ORGANIZATION_FEATURES)[number];

export const IDENTITY_PROVIDERS = ['MEDIACENTRE'] as const;

export const INVITATION_STATUSES = ['pending', 'accepted', 'cancelled'] as const;

/** Page sizes of every list (spec README, « Lists »). */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

export const CAMPAIGN_TYPES = ['ASSESSMENT', 'PROFILES_COLLECTION', 'EXAM'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const EXTERNAL_ID_TYPES = ['STRING', 'EMAIL'] as const;
export type ExternalIdType = (typeof EXTERNAL_ID_TYPES)[number];

/** « Titre du parcours » and the campaign's texts (`campaigns-and-participation.md` §4.2); forms count down to them. */
export const CAMPAIGN_TITLE_MAX = 50;
export const CAMPAIGN_TEXT_MAX = 5000;

/** Six letters without I, L, O, then three digits 2–9 (`campaigns-and-participation.md` §4.3). */
export const CAMPAIGN_CODE_PATTERN = /^[A-HJKMNP-Z]{6}[2-9]{3}$/;

/** What a learner may type: lowercase, spaces and hyphens are forgiven. */
export function normalizeCampaignCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

/** Categories of « Signaler un problème ». */
export const REPORT_CATEGORIES = ['instruction', 'answer', 'display', 'attachment', 'other'] as const;

/** Pupil accounts: bulk « Générer les identifiants » / « Réinitialiser les mots de passe » (`learners-and-accounts.md` §5). */
export const CREDENTIALS_ACTIONS = ['GENERATE', 'RESET'] as const;
export type CredentialsAction = (typeof CREDENTIALS_ACTIONS)[number];
/** A whole year group fits in one request; more would hold one transaction too long. */
export const MAX_CREDENTIALS_LEARNERS = 1000;
/**
 * Response headers of the bulk CSV: how many pupils got credentials, and how many were left
 * as they were (RESET: e-mail-only, Médiacentre-only or no account), so the page can say so.
 */
export const CREDENTIALS_UPDATED_HEADER = 'x-jalon-credentials-updated';
export const CREDENTIALS_UNTOUCHED_HEADER = 'x-jalon-credentials-untouched';
