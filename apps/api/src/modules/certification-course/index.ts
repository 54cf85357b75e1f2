/**
 * Certification course: the candidate's test (`certification.md` §3) — entering a sitting,
 * the access code and the eligibility check at start, the adaptive IRT test with its time
 * limit, focus mode and problem reports — and what the invigilator's console calls.
 */
export { certificationCourseRoutes } from './routes';
export { registerCertificationOwners } from './owners';
export { isOverdue } from './course';
export { endCourseByInvigilator, endOverdueCourses, endOverdueCoursesOfSitting, resolveIssueReport } from './invigilation';
export { OVERDUE_COURSES_QUEUE, scheduleOverdueCourses } from './overdue-job';
export { certificationAnswers, certificationCourses, certificationIssueReports } from './schema';
