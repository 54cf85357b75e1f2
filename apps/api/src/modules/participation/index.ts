/**
 * Participation: the learner's side of a campaign — the landing page by code,
 * reconciliation with the school's roster, starting (and retrying or resetting), the end
 * page, sending results with their snapshot, profile collection and « Mes parcours ».
 */
export { participationRoutes } from './routes';
export { autoShareIfAsked } from './share';
export { maskLogin, reconcile, type ReconcileInput } from './reconciliation';
export { registerLearnerOwners } from './owners';
