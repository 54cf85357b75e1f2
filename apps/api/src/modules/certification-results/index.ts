/**
 * Certification results: scoring of finished tests, the jury's decisions, publication,
 * certificates (PDF and public verification), « Mes certifications » and Orga's
 * « Certifications » tab. Other modules use these functions only.
 */
export { automaticComment, computeResult, type CertificationResultRow } from './compute-result';
export { publishSitting } from './publication';
export { certificationResultRoutes, type CertificationResultDeps } from './routes';
export { certificationResults } from './schema';
