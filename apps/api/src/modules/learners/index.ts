/**
 * Learners, Orga side: the lists by organization type (« Élèves », « Étudiants »,
 * « Participants »), the learner page, SUP student numbers, the deletion of learners, and
 * the audit log of teacher actions on pupils (`learner_audit_events`, written by
 * pupil-accounts too).
 */
export { learnerRoutes } from './routes';
export { learnerAuditEvents } from './schema';
