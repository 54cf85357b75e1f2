/**
 * Exports: the CSV files Orga downloads, streamed from the database as they are written.
 */
export { exportRoutes } from './routes';
export type { ExportDeps } from './campaign-export';
/** The §8.1 serialisation, for other modules' CSV downloads (pupil credentials). */
export { BOM, csvLine, csvText, localDate } from './csv';
