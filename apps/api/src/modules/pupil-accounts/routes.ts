import {
  CREDENTIALS_UNTOUCHED_HEADER,
  CREDENTIALS_UPDATED_HEADER,
  credentialsBodySchema,
  organizationParamsSchema,
  pupilAccountParamsSchema,
  pupilAccountSchema,
  pupilAccountWithPasswordSchema,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../platform/http/attachment';
import { addUsername, createAccount, getPupilAccount, resetPassword, unblock, type PupilAccountDeps } from './account-actions';
import { bulkCredentials } from './bulk-credentials';

/** « Gérer le compte » and the bulk credentials of `learners-and-accounts.md` §5: any member of the learner's organization. */
export function pupilAccountRoutes(deps: PupilAccountDeps) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['pupil-accounts'];
    const account = '/api/organizations/:organizationId/learners/:learnerId/account';
    const withPassword = { schema: { tags, params: pupilAccountParamsSchema, response: { 200: pupilAccountWithPasswordSchema } }, config: { access: 'orgMember' as const } };

    r.get(
      account,
      { schema: { tags, params: pupilAccountParamsSchema, response: { 200: pupilAccountSchema } }, config: { access: 'orgMember' } },
      async (request) => getPupilAccount(deps, request.params),
    );

    r.post(
      account,
      { schema: { tags, params: pupilAccountParamsSchema, response: { 201: pupilAccountWithPasswordSchema } }, config: { access: 'orgMember' } },
      async (request, reply) => reply.status(201).header('cache-control', 'no-store').send(await createAccount(deps, { ...request.params, actorUserId: request.session!.userId })),
    );

    r.post(`${account}/username`, withPassword, async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await addUsername(deps, { ...request.params, actorUserId: request.session!.userId })),
    );

    r.post(`${account}/temporary-password`, withPassword, async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await resetPassword(deps, { ...request.params, actorUserId: request.session!.userId })),
    );

    r.post(`${account}/unblock`, withPassword, async (request) => unblock(deps, { ...request.params, actorUserId: request.session!.userId }));

    r.post(
      '/api/organizations/:organizationId/learners/credentials',
      {
        schema: {
          tags,
          params: organizationParamsSchema,
          body: credentialsBodySchema,
          produces: ['text/csv'],
          response: { 200: z.unknown().describe('Classe;Nom;Prénom;Identifiant;Mot de passe, one line per pupil given credentials (UTF-8 with BOM)') },
        },
        config: { access: 'orgMember' },
      },
      async (request, reply) => {
        const file = await bulkCredentials(deps, { ...request.params, ...request.body, actorUserId: request.session!.userId });
        return (
          reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', attachmentDisposition(file.fileName))
            // Passwords in clear: no cache, shared or private, keeps a copy.
            .header('cache-control', 'no-store')
            .header(CREDENTIALS_UPDATED_HEADER, String(file.updated))
            .header(CREDENTIALS_UNTOUCHED_HEADER, String(file.untouched))
            .send(file.content)
        );
      },
    );
  };
}
