/**
 * Catalogue: the content release as the API serves it — target profiles (« parcours »)
 * stored in the database and synchronised from the content files, their documentation for
 * Orga, the release's assets, and the challenge preview of Admin.
 */
export { registerContentAssets } from './assets';
export { findAvailableProfile, listAvailableProfiles } from './available-profiles.query';
export { catalogueRoutes } from './routes';
export { previewChallenge } from './challenge-preview';
export { syncTargetProfiles } from './sync';
export { engineStage, storedStages } from './stored-stages';
export { targetProfiles, targetProfileShares } from './schema';
