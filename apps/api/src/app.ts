import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { errorBodySchema, healthSchema } from '@jalon/contracts';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type HTTPMethods } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Release } from '@jalon/content';
import type { Transporter } from 'nodemailer';
import type { AdjustableClock } from './platform/clock';
import type { Config } from './platform/config';
import type { Database } from './platform/db/database';
import { registerAccessControl, type Access, type AccessControl } from './platform/http/access';
import { clientErrors, frameworkErrors, registerErrorHandling } from './platform/http/error-handler';
import { serializeRequest } from './platform/http/log-redaction';
import { registerOpenApi } from './platform/http/openapi';
import { registerWebApp } from './platform/http/web';
import { createJobs, type Jobs } from './platform/jobs';
import { createMailer } from './platform/mail';
import { createRateLimiter, scheduleRateLimitPurge } from './platform/rate-limit';
import { analysisRoutes } from './modules/analysis';
import { assessmentRoutes, indexContent } from './modules/assessment';
import { catalogueRoutes, previewChallenge, registerContentAssets } from './modules/catalogue';
import { certificationCourseRoutes, registerCertificationOwners, scheduleOverdueCourses } from './modules/certification-course';
import { certificationResultRoutes } from './modules/certification-results';
import { followUpRoutes } from './modules/follow-up';
import { learnerRoutes } from './modules/learners';
import { campaignRoutes, registerCampaignTenant } from './modules/campaigns';
import { certificationCentreRoutes } from './modules/certification-centre';
import { exportRoutes } from './modules/exports';
import { reminderRoutes, sendDueReminders, startReminderSweep } from './modules/reminders';
import { listenCampaignEvents, LiveHub, liveRoutes } from './modules/live';
import { statisticsRoutes } from './modules/statistics';
import { learnerImportRoutes } from './modules/imports';
import { identityRoutes, resolveSession } from './modules/identity';
import { findActiveMembership, listMembershipsOf, organizationRoutes } from './modules/organizations';
import { autoShareIfAsked, participationRoutes, registerLearnerOwners } from './modules/participation';
import { pupilAccountRoutes } from './modules/pupil-accounts';
import { supportRoutes } from './modules/support';
import { demoMediacentreRoutes, oidcRoutes, ssoRoutes } from './modules/sso';

export const VERSION = '0.1.0';

/** How long a shutdown waits for requests in flight before closing the database anyway. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface RouteInfo {
  method: HTTPMethods;
  url: string;
  access: Access;
}

export interface Jalon {
  app: FastifyInstance;
  jobs: Jobs;
  accessControl: AccessControl;
  /** Every API route with its declared access, for the tenant-isolation test. */
  routes: RouteInfo[];
  /** Starts the background workers and re-queues mails a crash left undelivered. */
  startJobs(): Promise<void>;
  /** Sends the automatic reminders due now (the sweep's timer does it otherwise). */
  sendDueReminders(): Promise<number>;
  close(): Promise<void>;
}

/** The content release loaded at start, with the files of its assets. */
export interface Content {
  release: Release;
  assetFiles: ReadonlyMap<string, string>;
}

export interface BuildOptions {
  config: Config;
  content: Content;
  database: Database;
  clock: AdjustableClock;
  /** Replaces SMTP delivery (tests). */
  mailTransport?: Transporter;
  /** The pino logger options; false in tests. */
  logger?: boolean | object;
}

/** Composition root: wires the platform and the modules by hand. */
export async function buildApp({ config, content, database, clock, mailTransport, logger }: BuildOptions): Promise<Jalon> {
  const app = Fastify({
    // A caller's options (tests capturing lines) add to these; the redactions always apply.
    logger:
      logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: { req: serializeRequest },
            ...(typeof logger === 'object' ? logger : {}),
          },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    frameworkErrors,
    clientErrorHandler: clientErrors,
    // Node's own default, which Fastify turns off: a body trickled in forever ends after 5 min.
    requestTimeout: 300_000,
    trustProxy: process.env.JALON_TRUST_PROXY === 'true',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (route.schema?.response && typeof route.schema.response === 'object') {
      route.schema.response = { '4xx': errorBodySchema, '5xx': errorBodySchema, ...(route.schema.response as object) };
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: route.config?.access ?? 'user' });
    }
  });
  // Requests still being handled when SIGTERM arrives finish before the database closes.
  let inFlight = 0;
  app.addHook('onRequest', async () => {
    inFlight++;
  });
  app.addHook('onResponse', async () => {
    inFlight--;
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  const behindTls = config.publicUrl.startsWith('https://');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        // No page of ours may be framed (clickjacking); content embeds relax it for themselves.
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': behindTls ? [] : null,
      },
    },
    xFrameOptions: { action: 'deny' },
    // HSTS over plain HTTP would lock a LAN install out of itself once a browser saw it.
    strictTransportSecurity: behindTls ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
  });
  await registerOpenApi(app, VERSION);
  registerErrorHandling(app, await registerWebApp(app, config.webDist));

  const db = database.db;
  const jobs = createJobs(database, app.log);
  const limiter = createRateLimiter(db, clock);
  scheduleRateLimitPurge(jobs, limiter);
  const mailer = createMailer({ database, jobs, clock, smtpUrl: config.smtpUrl, from: config.mailFrom, ...(mailTransport ? { transport: mailTransport } : {}) });

  const accessControl = registerAccessControl(app, {
    resolveSession: (token) => resolveSession(db, token, clock.now()),
    findMembership: (userId, organizationId) => findActiveMembership(db, userId, organizationId),
  });

  app.get(
    '/api/health',
    { schema: { tags: ['platform'], response: { 200: healthSchema } }, config: { access: 'public' } },
    async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const, database: database.kind, version: VERSION };
    },
  );

  const common = { db, clock, mailer, limiter, publicUrl: config.publicUrl };
  await app.register(
    identityRoutes({
      ...common,
      secureCookies: config.publicUrl.startsWith('https://'),
      listMemberships: (userId) => listMembershipsOf(db, userId),
      isMemberOf: async (userId, organizationId) => (await findActiveMembership(db, userId, organizationId)) !== null,
    }),
  );
  await app.register(organizationRoutes(common));
  registerCampaignTenant(accessControl, db);
  registerLearnerOwners(accessControl, db);
  registerCertificationOwners(accessControl, db);
  await app.register(campaignRoutes({ ...common, release: content.release }));
  await app.register(catalogueRoutes({ db, clock, release: content.release }));
  registerContentAssets(app, content.release, content.assetFiles);
  const contentIndex = indexContent(content.release);
  const learner = { db, clock, limiter, content: contentIndex };
  await app.register(
    assessmentRoutes({
      ...learner,
      answersPerMinute: config.answersPerMinute,
      learnerChallenge: (challengeId) => previewChallenge(content.release, challengeId).challenge,
      autoShare: (tx, participationId) => autoShareIfAsked(learner, tx, participationId),
    }),
  );
  await app.register(participationRoutes(learner));
  await app.register(
    certificationCourseRoutes({
      ...learner,
      answersPerMinute: config.answersPerMinute,
      learnerChallenge: (challengeId) => previewChallenge(content.release, challengeId).challenge,
    }),
  );
  scheduleOverdueCourses(jobs, { db, clock, release: content.release }, app.log);
  await app.register(analysisRoutes({ db, content: contentIndex }));
  await app.register(exportRoutes({ database, clock, release: content.release }));
  const sso = { db, clock, limiter, publicUrl: config.publicUrl, secureCookies: config.publicUrl.startsWith('https://') };
  await app.register(oidcRoutes({ ...sso, production: config.production }));
  await app.register(ssoRoutes(sso));
  await app.register(demoMediacentreRoutes({ ...sso, production: config.production }));
  await app.register(followUpRoutes({ db, clock, content: contentIndex }));
  await app.register(learnerRoutes({ db, clock }));
  await app.register(pupilAccountRoutes({ db, clock }));
  const reminders = { db, clock, mailer, publicUrl: config.publicUrl };
  await app.register(reminderRoutes(reminders));
  await app.register(statisticsRoutes({ db, clock, release: content.release }));
  await app.register(learnerImportRoutes({ db, clock, jobs, log: app.log }));
  await app.register(certificationCentreRoutes({ db, clock, release: content.release, content: contentIndex }));
  await app.register(certificationResultRoutes({ db, clock, limiter, release: content.release, publicUrl: config.publicUrl }));
  if (config.testSupport) await app.register(supportRoutes({ db, release: content.release, mailer, clock, sendDueReminders: () => sendDueReminders(reminders) }));
  let stopReminderSweep: (() => Promise<void>) | undefined;
  const hub = new LiveHub(() => clock.now().getTime());
  await app.register(liveRoutes({ hub }));
  const stopListening = await listenCampaignEvents(database, app.log, (event) => hub.publish(event));

  await app.ready();

  return {
    app,
    jobs,
    accessControl,
    routes,
    sendDueReminders: () => sendDueReminders(reminders),
    async startJobs() {
      await jobs.start();
      await mailer.redeliverStale();
      if (config.reminders.enabled) stopReminderSweep = startReminderSweep(reminders, app.log, config.reminders.sweepSeconds * 1000);
    },
    async close() {
      await app.close();
      await stopReminderSweep?.();
      await stopListening();
      for (let waited = 0; inFlight > 0 && waited < DRAIN_TIMEOUT_MS; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      await jobs.stop();
    },
  };
}
