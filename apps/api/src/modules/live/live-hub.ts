import type { CampaignEvent } from './campaign-events';

/** How long events are kept for a teacher's page that reconnects (`Last-Event-ID`). */
const REPLAY_MS = 10 * 60_000;

export interface NumberedEvent extends CampaignEvent {
  /** Increasing within this process; what `Last-Event-ID` names. */
  id: number;
  at: number;
}

type Subscriber = (event: NumberedEvent) => void;

/** Fans each campaign's events out to the pages that follow it in this process, and keeps ten minutes of them for replay. */
export class LiveHub {
  private nextId = 1;
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly recent: NumberedEvent[] = [];

  constructor(private readonly now: () => number) {}

  publish(event: CampaignEvent): void {
    const numbered = { ...event, id: this.nextId++, at: this.now() };
    this.recent.push(numbered);
    while (this.recent.length > 0 && this.recent[0]!.at < numbered.at - REPLAY_MS) this.recent.shift();
    for (const subscriber of this.subscribers.get(event.campaignId) ?? []) subscriber(numbered);
  }

  /** Subscribes to one campaign; returns the events after `lastEventId` still kept, and the function that unsubscribes. */
  subscribe(campaignId: string, lastEventId: number | null, subscriber: Subscriber): { missed: NumberedEvent[]; unsubscribe: () => void } {
    let set = this.subscribers.get(campaignId);
    if (!set) {
      set = new Set();
      this.subscribers.set(campaignId, set);
    }
    set.add(subscriber);
    const missed = lastEventId === null ? [] : this.recent.filter((event) => event.campaignId === campaignId && event.id > lastEventId);
    return {
      missed,
      unsubscribe: () => {
        set.delete(subscriber);
        if (set.size === 0) this.subscribers.delete(campaignId);
      },
    };
  }
}
