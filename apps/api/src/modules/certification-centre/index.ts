/**
 * Certification centre (Jalon Certif, `certification.md` §1–3): a centre's sittings, their
 * candidates, the entry check and the invigilator console with finalisation. Other modules
 * use these exports only.
 */
export { certificationCentreRoutes } from './routes';
export { findCandidateForEntry, findSittingByNumber, type CandidateRow, type SittingRow } from './entry';
export { isCertifiable } from './eligibility';
export { certificationCandidates, certificationSittings } from './schema';
