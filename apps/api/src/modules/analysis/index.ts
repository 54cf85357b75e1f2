/**
 * Analysis: what Orga reads of sent results — a campaign's « Analyse » (tube recommendations
 * and competence gauges) and « Résultats collectifs », the participant pages and a learner's
 * activity across the organization's campaigns. Reads share snapshots only; writes nothing.
 */
export { analysisRoutes } from './routes';
