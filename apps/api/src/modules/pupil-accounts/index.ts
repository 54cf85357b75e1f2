/**
 * Pupil accounts: what a teacher does for a pupil who cannot sign in (« Gérer le compte »)
 * and the bulk credentials of a class.
 */
export { pupilAccountRoutes } from './routes';
export type { PupilAccountDeps } from './account-actions';
