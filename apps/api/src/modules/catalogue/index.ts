/**
 * Catalogue: the content release as the API serves it — target profiles (« parcours »)
 * stored in the database and synchronised from the content files, and the release's assets.
 */
export { registerContentAssets } from './assets';
export { syncTargetProfiles } from './sync';
export { targetProfiles, targetProfileShares } from './schema';
