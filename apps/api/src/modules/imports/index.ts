/**
 * Learner imports: SIECLE XML/ZIP, SCO CSV, SUP CSV and generic CSV files, checked then
 * written all or nothing by a background job, with the status banner of the last one.
 */
export { learnerImportRoutes } from './routes';
export { learnerImportFiles, learnerImports } from './schema';
