/**
 * Organizations: organizations and their feature toggles, memberships (the team),
 * invitations, and organization learners. Other modules use these functions only.
 */
export { organizationRoutes } from './routes';
export { findActiveMembership, findOrganization, listMembershipsOf } from './organizations.repository';
export { isValidUai } from './uai';
export { memberships, organizationFeatures, organizationLearners, organizations, invitations } from './schema';
export { learnerSortKey } from './learners';
