import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/database';

/** The channel the database triggers of migration 0004 notify. */
const CHANNEL = 'campaign_events';
/** Pause before a lost PostgreSQL listening connection is opened again. */
const RECONNECT_DELAY_MS = 2_000;

const CAMPAIGN_EVENT_TYPES = [
  'participation.started',
  'answer.recorded',
  'assessment.completed',
  'participation.shared',
  'participation.deleted',
] as const;

export interface CampaignEvent {
  campaignId: string;
  participationId: string;
  type: (typeof CAMPAIGN_EVENT_TYPES)[number];
}

function parse(payload: string | undefined): CampaignEvent | null {
  try {
    const event = JSON.parse(payload ?? '') as Partial<CampaignEvent>;
    const known = (CAMPAIGN_EVENT_TYPES as readonly string[]).includes(event.type ?? '');
    return known && typeof event.campaignId === 'string' && typeof event.participationId === 'string' ? (event as CampaignEvent) : null;
  } catch {
    return null;
  }
}

/**
 * Listens to the campaign events of every API process through the database (LISTEN/NOTIFY):
 * PGlite's own listener in embedded mode, one dedicated connection on PostgreSQL, opened
 * again when it drops. Returns the function that stops listening.
 */
export async function listenCampaignEvents(database: Database, log: FastifyBaseLogger, onEvent: (event: CampaignEvent) => void): Promise<() => Promise<void>> {
  const deliver = (payload: string | undefined) => {
    const event = parse(payload);
    if (event) onEvent(event);
  };
  if (database.pglite) {
    const unsubscribe = await database.pglite.listen(CHANNEL, deliver);
    return unsubscribe;
  }

  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: database.connectionString });
    next.on('notification', (message) => deliver(message.payload));
    next.on('error', (error) => {
      log.warn({ err: error }, 'campaign events connection lost');
      void next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_DELAY_MS);
    });
    try {
      await next.connect();
      await next.query(`listen ${CHANNEL}`);
      client = next;
    } catch (error) {
      log.warn({ err: error }, 'campaign events: cannot listen yet');
      void next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_DELAY_MS);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
