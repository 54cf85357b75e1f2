import type { Release } from '@jalon/content';
import {
  certificateCodeParamsSchema,
  certificateSchema,
  certificationDivisionQuerySchema,
  certificationDivisionsSchema,
  juryAnswerParamsSchema,
  juryCourseParamsSchema,
  juryDecisionBodySchema,
  jurySittingDetailSchema,
  jurySittingParamsSchema,
  jurySittingsQuerySchema,
  jurySittingsSchema,
  myCertificationParamsSchema,
  myCertificationsSchema,
  neutralizationBodySchema,
  organizationParamsSchema,
  sittingPublishedSchema,
} from '@jalon/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { attachmentDisposition } from '../../platform/http/attachment';
import { AppError } from '../../platform/http/errors';
import type { RateLimiter } from '../../platform/rate-limit';
import { certificateFileName, certificatesPdf } from './certificate-pdf';
import { certificationDivisions, classCertificates, classCertificatesFileName, classResultsCsv } from './class-results';
import { decide, jurySittingDetail, listJurySittings, setNeutralization } from './jury';
import { certificateByCode, myCertificate, myCertifications } from './my-certifications';
import { publishSitting } from './publication';

export interface CertificationResultDeps {
  db: Db;
  clock: Clock;
  limiter: RateLimiter;
  release: Release;
  publicUrl: string;
}

/** Verification look-ups per minute, as for campaign codes: per address (a school shares one) and per user. */
const LOOKUPS_PER_IP = 600;
const LOOKUPS_PER_USER = 20;
/** Wrong codes per address and hour: guessing codes costs more than a typo. */
const MISSES_PER_IP_AND_HOUR = 100;

const pdfResponse = { 200: z.unknown().describe('A PDF file') };
const csvResponse = { 200: z.string().describe('The CSV file (UTF-8 with BOM, `;`)') };

export function certificationResultRoutes(deps: CertificationResultDeps) {
  const { db, clock, limiter, release } = deps;
  const verificationUrl = `${deps.publicUrl.replace(/\/$/, '')}/verification-certificat`;

  async function throttleLookups(request: FastifyRequest) {
    const overIp = (await limiter.hit(`certificate-lookups-ip:${request.ip}`, 60)) > LOOKUPS_PER_IP;
    const overUser = request.session ? (await limiter.hit(`certificate-lookups-user:${request.session.userId}`, 60)) > LOOKUPS_PER_USER : false;
    const overMisses = (await limiter.count(`certificate-misses-ip:${request.ip}`, 3600)) >= MISSES_PER_IP_AND_HOUR;
    if (overIp || overUser) throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(limiter.retryAfter(60)) } });
    if (overMisses) throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(limiter.retryAfter(3600)) } });
  }

  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['certification-results'];

    r.get(
      '/api/certificates/:code',
      { schema: { tags, params: certificateCodeParamsSchema, response: { 200: certificateSchema } }, config: { access: 'public' } },
      async (request) => {
        await throttleLookups(request);
        try {
          return await certificateByCode(db, release, request.params.code);
        } catch (error) {
          if (error instanceof AppError && error.code === 'CERTIFICATE_NOT_FOUND') await limiter.hit(`certificate-misses-ip:${request.ip}`, 3600);
          throw error;
        }
      },
    );

    r.get(
      '/api/me/certifications',
      { schema: { tags, response: { 200: myCertificationsSchema } }, config: { access: 'user' } },
      async (request) => ({ certifications: await myCertifications(db, request.session!.userId) }),
    );

    r.get(
      '/api/me/certifications/:courseId/certificate',
      { schema: { tags, params: myCertificationParamsSchema, produces: ['application/pdf'], response: pdfResponse }, config: { access: 'user' } },
      async (request, reply) => {
        const certificate = await myCertificate(db, release, request.session!.userId, request.params.courseId);
        return reply
          .type('application/pdf')
          .header('content-disposition', attachmentDisposition(certificateFileName(certificate)))
          .send(certificatesPdf([certificate], { verificationUrl, title: `Certificat ${certificate.verificationCode}` }));
      },
    );

    r.get(
      '/api/organizations/:organizationId/certification-results/divisions',
      { schema: { tags, params: organizationParamsSchema, response: { 200: certificationDivisionsSchema } }, config: { access: 'orgAdmin' } },
      async (request) => certificationDivisions(db, request.params.organizationId),
    );

    r.get(
      '/api/organizations/:organizationId/certification-results/export',
      {
        schema: { tags, params: organizationParamsSchema, querystring: certificationDivisionQuerySchema, produces: ['text/csv'], response: csvResponse },
        config: { access: 'orgAdmin' },
      },
      async (request, reply) => {
        const { body, disposition } = await classResultsCsv(db, release, request.params.organizationId, request.query.division, clock.now());
        return reply.type('text/csv; charset=utf-8').header('content-disposition', disposition).send(body);
      },
    );

    r.get(
      '/api/organizations/:organizationId/certification-results/certificates',
      {
        schema: { tags, params: organizationParamsSchema, querystring: certificationDivisionQuerySchema, produces: ['application/pdf'], response: pdfResponse },
        config: { access: 'orgAdmin' },
      },
      async (request, reply) => {
        const { division } = request.query;
        const certificates = await classCertificates(db, release, request.params.organizationId, division);
        return reply
          .type('application/pdf')
          .header('content-disposition', attachmentDisposition(classCertificatesFileName(division)))
          .send(certificatesPdf(certificates, { verificationUrl, title: `Certificats ${division}` }));
      },
    );

    const adminTags = ['admin'];
    r.get(
      '/api/admin/certification-sittings',
      { schema: { tags: adminTags, querystring: jurySittingsQuerySchema, response: { 200: jurySittingsSchema } }, config: { access: 'platformAdmin' } },
      async (request) => ({ sittings: await listJurySittings(db, request.query.status) }),
    );

    r.get(
      '/api/admin/certification-sittings/:sittingId',
      { schema: { tags: adminTags, params: jurySittingParamsSchema, response: { 200: jurySittingDetailSchema } }, config: { access: 'platformAdmin' } },
      async (request) => jurySittingDetail(db, release, request.params.sittingId),
    );

    r.post(
      '/api/admin/certification-sittings/:sittingId/publication',
      { schema: { tags: adminTags, params: jurySittingParamsSchema, response: { 200: sittingPublishedSchema } }, config: { access: 'platformAdmin' } },
      async (request) => {
        const { publishedAt } = await publishSitting(db, request.params.sittingId, request.session!.userId, clock.now());
        return { publishedAt: publishedAt.toISOString() };
      },
    );

    r.put(
      '/api/admin/certification-courses/:courseId/answers/:answerId/neutralization',
      {
        schema: { tags: adminTags, params: juryAnswerParamsSchema, body: neutralizationBodySchema, response: { 204: z.null() } },
        config: { access: 'platformAdmin' },
      },
      async (request, reply) => {
        await setNeutralization({ db, release }, request.params.courseId, request.params.answerId, request.body.neutralized, clock.now());
        return reply.status(204).send(null);
      },
    );

    r.patch(
      '/api/admin/certification-courses/:courseId/result',
      { schema: { tags: adminTags, params: juryCourseParamsSchema, body: juryDecisionBodySchema, response: { 204: z.null() } }, config: { access: 'platformAdmin' } },
      async (request, reply) => {
        await decide({ db, release }, request.params.courseId, request.body, clock.now());
        return reply.status(204).send(null);
      },
    );
  };
}
