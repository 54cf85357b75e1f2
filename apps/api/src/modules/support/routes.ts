import { outboxMailParamsSchema, outboxMailSchema, outboxResponseSchema } from '@jalon/contracts';
import type { Release } from '@jalon/content';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AdjustableClock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Mailer } from '../../platform/mail';
import { writeCertifiableProfile } from './certifiable-profile';

/** How many mails « Boîte d'envoi » lists: it is a window on recent mail, not an archive. */
const OUTBOX_LIMIT = 200;

/**
 * Test support of non-production builds (spec README): the outgoing-mail sink readable
 * over HTTP, the settable server clock, the reminder sweep run on demand (it runs on a
 * timer otherwise, so a test that moves the clock would wait for it), and a certifiable
 * profile for the certification's journey. Not registered in production.
 */
export function supportRoutes(deps: { db: Db; release: Release; mailer: Mailer; clock: AdjustableClock; sendDueReminders: () => Promise<number> }) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['support'];

    r.get(
      '/api/admin/outbox',
      { schema: { tags, response: { 200: outboxResponseSchema } }, config: { access: 'platformAdmin' } },
      async () => ({
        items: (await deps.mailer.list(OUTBOX_LIMIT)).map((m) => ({ id: m.id, to: m.to, subject: m.subject, createdAt: m.createdAt.toISOString() })),
      }),
    );

    r.get(
      '/api/admin/outbox/:mailId',
      { schema: { tags, params: outboxMailParamsSchema, response: { 200: outboxMailSchema } }, config: { access: 'platformAdmin' } },
      async (request) => {
        const mail = await deps.mailer.find(request.params.mailId);
        if (!mail) throw new AppError('MAIL_NOT_FOUND');
        return { id: mail.id, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, createdAt: mail.createdAt.toISOString() };
      },
    );

    r.put(
      '/api/admin/clock',
      {
        schema: {
          tags,
          body: z.object({ offsetSeconds: z.number().int().min(-10 * 365 * 86400).max(10 * 365 * 86400) }),
          response: { 200: z.object({ now: z.string(), offsetSeconds: z.number() }) },
        },
        config: { access: 'platformAdmin' },
      },
      async (request) => {
        deps.clock.offsetMs = request.body.offsetSeconds * 1000;
        return { now: deps.clock.now().toISOString(), offsetSeconds: request.body.offsetSeconds };
      },
    );

    r.post(
      '/api/admin/reminders/run',
      { schema: { tags, response: { 200: z.object({ sent: z.number().int() }) } }, config: { access: 'platformAdmin' } },
      async () => ({ sent: await deps.sendDueReminders() }),
    );

    r.post(
      '/api/admin/users/:userId/certifiable-profile',
      {
        schema: {
          tags,
          params: z.object({ userId: z.string().uuid() }),
          response: { 201: z.object({ competenceIds: z.array(z.string()) }) },
        },
        config: { access: 'platformAdmin' },
      },
      async (request, reply) => {
        const written = await writeCertifiableProfile({ db: deps.db, release: deps.release, now: deps.clock.now() }, request.params.userId);
        return reply.status(201).send(written);
      },
    );
  };
}
