import {
  certificationAccessCodeBodySchema,
  certificationAnswerBodySchema,
  certificationAnswerResponseSchema,
  certificationCandidateParamsSchema,
  certificationCourseParamsSchema,
  certificationCourseSchema,
  certificationEntryBodySchema,
  certificationEntrySchema,
  certificationIssueReportBodySchema,
  certificationIssueReportSchema,
  certificationStepSchema,
  myCertificationEntrySchema,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { RateLimiter } from '../../platform/rate-limit';
import { endByCandidate, recordAnswer, reportIssue } from './answers';
import { courseView, currentCourse, nextStep, type CourseDeps } from './course';
import { enterSitting, myEntry, startCourse } from './entry';

/** Access-code attempts per account and 10 minutes: enough for typos, too few to guess a code. */
const ACCESS_CODE_ATTEMPTS = 10;
const ACCESS_CODE_WINDOW_SECONDS = 600;

/**
 * The candidate's routes (`certification.md` §3). Every course route reads the course of
 * the signed-in account only: another account's course answers `CERTIFICATION_COURSE_NOT_FOUND`.
 */
export function certificationCourseRoutes(deps: CourseDeps & { limiter: RateLimiter; answersPerMinute: number }) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['certification-course'];
    const config = { access: 'user' as const };

    r.get('/api/me/certification-entry', { schema: { tags, response: { 200: myCertificationEntrySchema } }, config }, async (request) => ({
      entry: await myEntry(deps, request.session!.userId),
    }));

    r.post(
      '/api/certification-entries',
      { schema: { tags, body: certificationEntryBodySchema, response: { 200: certificationEntrySchema } }, config },
      async (request) => enterSitting(deps, request.session!.userId, request.body),
    );

    r.post(
      '/api/certification-entries/:candidateId/course',
      { schema: { tags, params: certificationCandidateParamsSchema, body: certificationAccessCodeBodySchema, response: { 200: certificationEntrySchema } }, config },
      async (request) => {
        const userId = request.session!.userId;
        if ((await deps.limiter.hit(`certification-access-code:${userId}`, ACCESS_CODE_WINDOW_SECONDS)) > ACCESS_CODE_ATTEMPTS) {
          throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(deps.limiter.retryAfter(ACCESS_CODE_WINDOW_SECONDS)) } });
        }
        return startCourse(deps, userId, request.params.candidateId, request.body.accessCode);
      },
    );

    r.get(
      '/api/certification-courses/:courseId',
      { schema: { tags, params: certificationCourseParamsSchema, response: { 200: certificationCourseSchema } }, config },
      async (request) => courseView(await currentCourse(deps, request.params.courseId, request.session!.userId), deps.clock.now()),
    );

    r.get(
      '/api/certification-courses/:courseId/next',
      { schema: { tags, params: certificationCourseParamsSchema, response: { 200: certificationStepSchema } }, config },
      async (request) => nextStep(deps, { courseId: request.params.courseId, userId: request.session!.userId }),
    );

    r.post(
      '/api/certification-courses/:courseId/answers',
      { schema: { tags, params: certificationCourseParamsSchema, body: certificationAnswerBodySchema, response: { 200: certificationAnswerResponseSchema } }, config },
      async (request) => {
        const userId = request.session!.userId;
        const admit = async (tx: Tx) => {
          if ((await deps.limiter.hit(`answers:${userId}`, 60, tx)) > deps.answersPerMinute) {
            throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(deps.limiter.retryAfter(60)) } });
          }
        };
        return recordAnswer(deps, { courseId: request.params.courseId, userId, body: request.body, admit });
      },
    );

    r.post(
      '/api/certification-courses/:courseId/issue-reports',
      { schema: { tags, params: certificationCourseParamsSchema, body: certificationIssueReportBodySchema, response: { 201: certificationIssueReportSchema } }, config },
      async (request, reply) => reply.status(201).send(await reportIssue(deps, { courseId: request.params.courseId, userId: request.session!.userId, body: request.body })),
    );

    r.post(
      '/api/certification-courses/:courseId/end',
      { schema: { tags, params: certificationCourseParamsSchema, response: { 200: certificationCourseSchema } }, config },
      async (request) => {
        const input = { courseId: request.params.courseId, userId: request.session!.userId };
        await endByCandidate(deps, input);
        return courseView(await currentCourse(deps, input.courseId, input.userId), deps.clock.now());
      },
    );
  };
}
