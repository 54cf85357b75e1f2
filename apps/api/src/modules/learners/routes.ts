import {
  deleteLearnersBodySchema,
  learnerClassesSchema,
  learnerDetailSchema,
  learnerParamsSchema,
  learnersDeletedSchema,
  learnersPageSchema,
  learnersQuerySchema,
  organizationParamsSchema,
  updateLearnerBodySchema,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { deleteLearners } from './delete-learners';
import { learnerDetail } from './learner-detail.query';
import { learnerClasses, listLearners } from './learner-list.query';
import { updateStudentNumber } from './update-student-number';

export interface LearnerDeps {
  db: Db;
  clock: Clock;
}

/** Orga's learners (`learners-and-accounts.md` §1, §7): lists, the learner page, student numbers, deletion. */
export function learnerRoutes(deps: LearnerDeps) {
  const { db, clock } = deps;
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['learners'];
    const member = { access: 'orgMember' as const };
    const admin = { access: 'orgAdmin' as const };

    r.get(
      '/api/organizations/:organizationId/learners',
      { schema: { tags, params: organizationParamsSchema, querystring: learnersQuerySchema, response: { 200: learnersPageSchema } }, config: member },
      async (request) => listLearners(db, request.params.organizationId, request.query, clock.now()),
    );

    r.get(
      '/api/organizations/:organizationId/learners/classes',
      { schema: { tags, params: organizationParamsSchema, response: { 200: learnerClassesSchema } }, config: member },
      async (request) => learnerClasses(db, request.params.organizationId),
    );

    r.get(
      '/api/organizations/:organizationId/learners/:learnerId',
      { schema: { tags, params: learnerParamsSchema, response: { 200: learnerDetailSchema } }, config: member },
      async (request) => learnerDetail(db, request.params.organizationId, request.params.learnerId, clock.now()),
    );

    r.patch(
      '/api/organizations/:organizationId/learners/:learnerId',
      { schema: { tags, params: learnerParamsSchema, body: updateLearnerBodySchema, response: { 200: learnerDetailSchema } }, config: admin },
      async (request) => {
        const { organizationId, learnerId } = request.params;
        await updateStudentNumber(deps, { organizationId, learnerId, studentNumber: request.body.studentNumber, actorUserId: request.session!.userId });
        return learnerDetail(db, organizationId, learnerId, clock.now());
      },
    );

    r.post(
      '/api/organizations/:organizationId/learners/delete',
      { schema: { tags, params: organizationParamsSchema, body: deleteLearnersBodySchema, response: { 200: learnersDeletedSchema } }, config: admin },
      async (request) => ({
        deleted: await deleteLearners(deps, { organizationId: request.params.organizationId, learnerIds: request.body.learnerIds, actorUserId: request.session!.userId }),
      }),
    );
  };
}
