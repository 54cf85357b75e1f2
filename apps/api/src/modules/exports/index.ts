/**
 * Exports: the CSV files Orga downloads, streamed from the database as they are written.
 */
export { exportRoutes } from './routes';
export type { ExportDeps } from './campaign-export';
