import { campaignParamsSchema } from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PassThrough } from 'node:stream';
import type { LiveHub, NumberedEvent } from './live-hub';

/** A comment line this often keeps proxies and browsers from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting after the stream drops. */
const RETRY_MS = 3_000;

function frame(event: NumberedEvent): string {
  const { type, participationId } = event;
  return `id: ${event.id}\ndata: ${JSON.stringify({ type, participationId })}\n\n`;
}

export function liveRoutes(deps: { hub: LiveHub }) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const open = new Set<PassThrough>();
    // Streams never end by themselves: shutting down ends them, so the server can close.
    app.addHook('preClose', async () => {
      for (const stream of open) stream.end();
    });

    r.get(
      '/api/campaigns/:campaignId/live',
      { schema: { tags: ['live'], params: campaignParamsSchema }, config: { access: 'orgMember' } },
      async (request, reply) => {
        const stream = new PassThrough();
        open.add(stream);
        const header = request.headers['last-event-id'];
        const lastEventId = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : null;
        const { missed, unsubscribe } = deps.hub.subscribe(request.params.campaignId, lastEventId, (event) => stream.write(frame(event)));
        stream.write(`retry: ${RETRY_MS}\n\n`);
        for (const event of missed) stream.write(frame(event));
        const heartbeat = setInterval(() => stream.write(': ping\n\n'), HEARTBEAT_MS);
        const stop = () => {
          clearInterval(heartbeat);
          unsubscribe();
          open.delete(stream);
          stream.end();
        };
        request.raw.on('close', stop);
        stream.on('close', stop);
        return reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache, no-transform')
          .header('x-accel-buffering', 'no')
          .send(stream);
      },
    );
  };
}
