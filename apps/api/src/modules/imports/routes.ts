import {
  LEARNER_IMPORT_MAX_BYTES,
  latestLearnerImportSchema,
  learnerImportParamsSchema,
  learnerImportSettingsSchema,
  learnerImportUploadQuerySchema,
} from '@jalon/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../platform/http/attachment';
import { AppError } from '../../platform/http/errors';
import { importSettings, importTemplate, latestImport, LEARNER_IMPORT_QUEUE, processImport, uploadImport, type ImportDeps } from './imports';

/** Room for nothing but the file: the request carries no other body. */
const BODY_LIMIT = LEARNER_IMPORT_MAX_BYTES + 64 * 1024;

/**
 * Reads the raw upload, counting as it goes: a body larger than the limit is refused with
 * `IMPORT_FILE_TOO_LARGE` without being held in memory whole.
 */
async function readUpload(request: FastifyRequest, payload: NodeJS.ReadableStream): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > LEARNER_IMPORT_MAX_BYTES) throw new AppError('IMPORT_FILE_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LEARNER_IMPORT_MAX_BYTES) throw new AppError('IMPORT_FILE_TOO_LARGE');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Learner imports (`learners-and-accounts.md` §2): upload, status banner, templates, and the job. */
export function learnerImportRoutes(deps: ImportDeps) {
  return async function register(app: FastifyInstance) {
    deps.jobs.register<{ importId: string }>(LEARNER_IMPORT_QUEUE, (data) => processImport(deps, data.importId));

    // Scoped to this plugin: only the upload route takes raw bytes.
    app.addContentTypeParser('application/octet-stream', async (request: FastifyRequest, payload: NodeJS.ReadableStream) => readUpload(request, payload));

    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['learner imports'];

    r.post(
      '/api/organizations/:organizationId/learner-imports',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags,
          description: 'The file is the raw body (`application/octet-stream`); its name, which tells the format, is in `fileName`.',
          consumes: ['application/octet-stream'],
          params: learnerImportParamsSchema,
          querystring: learnerImportUploadQuerySchema,
          body: z.unknown().describe('The file’s bytes: SIECLE `.xml` or `.zip`, or a `.csv`'),
          response: { 202: latestLearnerImportSchema },
        },
        config: { access: 'orgAdmin' },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const created = await uploadImport(deps, {
          organizationId: request.params.organizationId,
          userId: request.session!.userId,
          fileName: request.query.fileName,
          mode: request.query.mode,
          bytes,
        });
        return reply.status(202).send({ import: created });
      },
    );

    r.get(
      '/api/organizations/:organizationId/learner-imports/latest',
      { schema: { tags, params: learnerImportParamsSchema, response: { 200: latestLearnerImportSchema } }, config: { access: 'orgMember' } },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return { import: await latestImport(deps.db, request.params.organizationId) };
      },
    );

    r.get(
      '/api/organizations/:organizationId/learner-imports/settings',
      { schema: { tags, params: learnerImportParamsSchema, response: { 200: learnerImportSettingsSchema } }, config: { access: 'orgAdmin' } },
      async (request) => importSettings(deps.db, request.params.organizationId),
    );

    r.get(
      '/api/organizations/:organizationId/learner-imports/template',
      {
        schema: {
          tags,
          params: learnerImportParamsSchema,
          produces: ['text/csv'],
          response: { 200: z.unknown().describe('The CSV template of the organization’s format (SCO CSV, SUP CSV or generic): its header line') },
        },
        config: { access: 'orgAdmin' },
      },
      async (request, reply) => {
        const template = await importTemplate(deps.db, request.params.organizationId);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition(template.fileName))
          .send(template.content);
      },
    );
  };
}
