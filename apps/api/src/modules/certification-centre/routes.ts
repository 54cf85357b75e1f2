import {
  candidateBodySchema,
  candidateParamsSchema,
  candidateSchema,
  candidatesSchema,
  enrolFromRosterBodySchema,
  finalizeSittingBodySchema,
  issueReportParamsSchema,
  resolveIssueReportBodySchema,
  organizationParamsSchema,
  rosterQuerySchema,
  rosterSchema,
  sittingBodySchema,
  sittingConsoleSchema,
  sittingParamsSchema,
  sittingSchema,
  sittingsPageSchema,
  sittingsQuerySchema,
} from '@jalon/contracts';
import type { Release } from '@jalon/content';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ContentIndex } from '../assessment';
import { enrolByHand, enrolFromRoster, listCandidates, removeCandidate, roster } from './candidates';
import { centreOnly } from './centre';
import { endTest, finalizeSitting, resolveReport, sittingConsole } from './console';
import { authorizeCandidate } from './entry';
import { createSitting, getSitting, listSittings, updateSitting } from './sittings';

export interface CertificationCentreDeps {
  db: Db;
  clock: Clock;
  release: Release;
  content: ContentIndex;
  /** Replaced in tests to force an access-code collision. */
  drawCode?: () => string;
}

/** Jalon Certif, the centre's side (`certification.md` §1–3): sittings, candidates, the console. */
export function certificationCentreRoutes(deps: CertificationCentreDeps) {
  const { db, clock } = deps;
  const core = deps.content.coreCompetenceIds;
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['certification-centre'];
    const guard = { config: { access: 'orgMember' as const }, onRequest: centreOnly(db) };
    const base = '/api/organizations/:organizationId/certification/sittings';
    const sitting = `${base}/:sittingId`;

    r.get(base, { ...guard, schema: { tags, params: organizationParamsSchema, querystring: sittingsQuerySchema, response: { 200: sittingsPageSchema } } }, async (request) =>
      listSittings(db, request.params.organizationId, request.query),
    );

    r.post(base, { ...guard, schema: { tags, params: organizationParamsSchema, body: sittingBodySchema, response: { 201: sittingSchema } } }, async (request, reply) => {
      const { organizationId } = request.params;
      const sittingId = await db.transaction((tx) => createSitting(tx, deps, { organizationId, userId: request.session!.userId, body: request.body }));
      return reply.status(201).send(await getSitting(db, organizationId, sittingId));
    });

    r.get(sitting, { ...guard, schema: { tags, params: sittingParamsSchema, response: { 200: sittingSchema } } }, async (request) =>
      getSitting(db, request.params.organizationId, request.params.sittingId),
    );

    r.patch(sitting, { ...guard, schema: { tags, params: sittingParamsSchema, body: sittingBodySchema, response: { 200: sittingSchema } } }, async (request) => {
      const { organizationId, sittingId } = request.params;
      await db.transaction((tx) => updateSitting(tx, clock, organizationId, sittingId, request.body));
      return getSitting(db, organizationId, sittingId);
    });

    r.get(`${sitting}/candidates`, { ...guard, schema: { tags, params: sittingParamsSchema, response: { 200: candidatesSchema } } }, async (request) => {
      const { organizationId, sittingId } = request.params;
      await getSitting(db, organizationId, sittingId);
      return { items: await listCandidates(db, sittingId, core) };
    });

    r.post(
      `${sitting}/candidates`,
      { ...guard, schema: { tags, params: sittingParamsSchema, body: candidateBodySchema, response: { 201: candidateSchema } } },
      async (request, reply) => {
        const { organizationId, sittingId } = request.params;
        const candidateId = await db.transaction((tx) => enrolByHand(tx, organizationId, sittingId, request.body));
        const [candidate] = await listCandidates(db, sittingId, core, [candidateId]);
        return reply.status(201).send(candidate!);
      },
    );

    r.get(`${sitting}/roster`, { ...guard, schema: { tags, params: sittingParamsSchema, querystring: rosterQuerySchema, response: { 200: rosterSchema } } }, async (request) =>
      roster(db, request.params.organizationId, request.params.sittingId, request.query.division, core),
    );

    r.post(
      `${sitting}/candidates/from-roster`,
      { ...guard, schema: { tags, params: sittingParamsSchema, body: enrolFromRosterBodySchema, response: { 201: candidatesSchema } } },
      async (request, reply) => {
        const { organizationId, sittingId } = request.params;
        const ids = await db.transaction((tx) => enrolFromRoster(tx, organizationId, sittingId, request.body.organizationLearnerIds));
        return reply.status(201).send({ items: await listCandidates(db, sittingId, core, ids) });
      },
    );

    r.delete(`${sitting}/candidates/:candidateId`, { ...guard, schema: { tags, params: candidateParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
      const { organizationId, sittingId, candidateId } = request.params;
      await db.transaction((tx) => removeCandidate(tx, organizationId, sittingId, candidateId));
      return reply.status(204).send(null);
    });

    r.get(`${sitting}/console`, { ...guard, schema: { tags, params: sittingParamsSchema, response: { 200: sittingConsoleSchema } } }, async (request) => {
      const { organizationId, sittingId } = request.params;
      return sittingConsole(db, organizationId, sittingId, clock.now());
    });

    r.post(
      `${sitting}/candidates/:candidateId/end`,
      { ...guard, schema: { tags, params: candidateParamsSchema, response: { 200: sittingConsoleSchema } } },
      async (request) => {
        const { organizationId, sittingId, candidateId } = request.params;
        await endTest(db, deps, { organizationId, sittingId, candidateId });
        return sittingConsole(db, organizationId, sittingId, clock.now());
      },
    );

    r.post(
      `${sitting}/issue-reports/:reportId/resolve`,
      { ...guard, schema: { tags, params: issueReportParamsSchema, body: resolveIssueReportBodySchema, response: { 200: sittingConsoleSchema } } },
      async (request) => {
        const { organizationId, sittingId, reportId } = request.params;
        await resolveReport(db, clock, { organizationId, sittingId, reportId, resolution: request.body.resolution, userId: request.session!.userId });
        return sittingConsole(db, organizationId, sittingId, clock.now());
      },
    );

    r.post(
      `${sitting}/candidates/:candidateId/authorize`,
      { ...guard, schema: { tags, params: candidateParamsSchema, response: { 200: sittingConsoleSchema } } },
      async (request) => {
        const { organizationId, sittingId, candidateId } = request.params;
        await db.transaction((tx) => authorizeCandidate(tx, clock, { organizationId, sittingId, candidateId }));
        return sittingConsole(db, organizationId, sittingId, clock.now());
      },
    );

    r.post(
      `${sitting}/finalize`,
      { ...guard, schema: { tags, params: sittingParamsSchema, body: finalizeSittingBodySchema, response: { 200: sittingSchema } } },
      async (request) => {
        const { organizationId, sittingId } = request.params;
        await db.transaction((tx) => finalizeSitting(tx, deps, { organizationId, sittingId, userId: request.session!.userId, comment: request.body.comment }));
        return getSitting(db, organizationId, sittingId);
      },
    );
  };
}
