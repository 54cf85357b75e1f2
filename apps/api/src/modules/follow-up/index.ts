/**
 * Follow-up: what Orga reads of a campaign's participants — the « Participants » (activity)
 * and « Résultats » tabs — and the deletion of a participation. Reads share snapshots and
 * the values stored at share; only the progression of unsent participations is read live.
 */
export { followUpRoutes } from './routes';
export { nameMatcher } from './search';
