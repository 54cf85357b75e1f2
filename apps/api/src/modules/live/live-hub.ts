import { randomBytes } from 'node:crypto';
import type { CampaignEvent } from './campaign-events';

/** How long events are kept for a teacher's page that reconnects (`Last-Event-ID`). */
const REPLAY_MS = 10 * 60_000;

export interface NumberedEvent extends CampaignEvent {
  /** `<process tag>-<counter>`: what `Last-Event-ID` names; opaque to the page. */
  id: string;
  at: number;
}

/** Tells a page that its missed events cannot be told apart: it must refetch everything. */
export interface Resync {
  type: 'resync';
  /** Where this process's numbering stands, so the page's next reconnection here replays exactly. */
  id: string;
}

export type LiveMessage = NumberedEvent | Resync;

type Subscriber = (event: NumberedEvent) => void;

/**
 * Fans each campaign's events out to the pages that follow it in this process, and keeps ten
 * minutes of them for replay. With several API processes a reconnecting page may reach
 * another one, and a restarted process starts its counter again: each process tags its ids
 * with a random prefix, so an id it did not give, or one whose following events it no longer
 * keeps, is recognised and answered with a resync instead of a wrong replay.
 */
export class LiveHub {
  private counter = 0;
  /** The highest counter no longer kept: a page that last saw an id below it has lost events. */
  private dropped = 0;
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly recent: { counter: number; event: NumberedEvent }[] = [];

  constructor(
    private readonly now: () => number,
    private readonly tag: string = randomBytes(4).toString('hex'),
  ) {}

  /** The id of the latest event numbered here (counter 0 before the first). */
  get position(): string {
    return this.idOf(this.counter);
  }

  publish(event: CampaignEvent): void {
    const counter = ++this.counter;
    const numbered = { ...event, id: this.idOf(counter), at: this.now() };
    this.recent.push({ counter, event: numbered });
    while (this.recent.length > 0 && this.recent[0]!.event.at < numbered.at - REPLAY_MS) this.dropped = this.recent.shift()!.counter;
    for (const subscriber of this.subscribers.get(event.campaignId) ?? []) subscriber(numbered);
  }

  /**
   * Subscribes to one campaign. `missed` is what the page must receive first: nothing for a new
   * page, the campaign's events after `lastEventId` when this process numbered it and still
   * keeps all that followed, else one resync.
   */
  subscribe(campaignId: string, lastEventId: string | null, subscriber: Subscriber): { missed: LiveMessage[]; unsubscribe: () => void } {
    let set = this.subscribers.get(campaignId);
    if (!set) {
      set = new Set();
      this.subscribers.set(campaignId, set);
    }
    set.add(subscriber);
    return {
      missed: lastEventId === null ? [] : this.since(campaignId, lastEventId),
      unsubscribe: () => {
        set.delete(subscriber);
        if (set.size === 0) this.subscribers.delete(campaignId);
      },
    };
  }

  private since(campaignId: string, lastEventId: string): LiveMessage[] {
    const last = this.counterOf(lastEventId);
    if (last === null || last < this.dropped || last > this.counter) return [{ type: 'resync', id: this.position }];
    return this.recent.filter((kept) => kept.counter > last && kept.event.campaignId === campaignId).map((kept) => kept.event);
  }

  private idOf(counter: number): string {
    return `${this.tag}-${counter}`;
  }

  /** The counter of an id this process gave, else null (another process, an earlier start, garbage). */
  private counterOf(id: string): number | null {
    const prefix = `${this.tag}-`;
    if (!id.startsWith(prefix)) return null;
    const counter = id.slice(prefix.length);
    return /^\d{1,15}$/.test(counter) ? Number(counter) : null;
  }
}
