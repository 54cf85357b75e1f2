import { campaignParamsSchema } from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PassThrough } from 'node:stream';
import type { LiveHub, LiveMessage } from './live-hub';

/** A comment line this often keeps proxies and browsers from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting after the stream drops. */
const RETRY_MS = 3_000;

/** A resync carries its type only: the page refetches everything on it (`useCampaignLive`). */
function frame(message: LiveMessage): string {
  const data = message.type === 'resync' ? { type: message.type } : { type: message.type, participationId: message.participationId };
  return `id: ${message.id}\ndata: ${JSON.stringify(data)}\n\n`;
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
        // Whatever the page sends is an id to check: one we did not give gets a resync, not silence.
        const lastEventId = typeof header === 'string' ? header : null;
        const { missed, unsubscribe } = deps.hub.subscribe(request.params.campaignId, lastEventId, (event) => stream.write(frame(event)));
        // An id without data sets the page's Last-Event-ID without an event: a page that heard
        // nothing yet still names this process and its position when it reconnects.
        stream.write(`retry: ${RETRY_MS}\n${missed.length === 0 ? `id: ${deps.hub.position}\n` : ''}\n`);
        for (const message of missed) stream.write(frame(message));
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
