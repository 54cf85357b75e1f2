import { describe, expect, it } from 'vitest';
import { LiveHub, type LiveMessage, type NumberedEvent } from '../src/modules/live/live-hub';

const CAMPAIGN = 'campaign-a';
const OTHER = 'campaign-b';

function hubAt(tag: string) {
  const clock = { ms: Date.parse('2026-11-26T08:00:00Z') };
  const hub = new LiveHub(() => clock.ms, tag);
  const publish = (campaignId: string, participationId: string) => hub.publish({ campaignId, participationId, type: 'answer.recorded' });
  return { hub, clock, publish };
}

/** What a page following `campaignId` receives live, and what it must receive first. */
function follow(hub: LiveHub, campaignId: string, lastEventId: string | null) {
  const received: NumberedEvent[] = [];
  const { missed, unsubscribe } = hub.subscribe(campaignId, lastEventId, (event) => received.push(event));
  return { missed, received, unsubscribe };
}

/** The participations a replay names (a resync names none). */
const participations = (missed: LiveMessage[]) => missed.map((message) => (message.type === 'resync' ? 'resync' : message.participationId));

describe('LiveHub', () => {
  it('numbers events with the process tag and a counter shared by every campaign', () => {
    const { hub, publish } = hubAt('aaaa0001');
    expect(hub.position).toBe('aaaa0001-0');
    const page = follow(hub, CAMPAIGN, null);
    publish(CAMPAIGN, 'p1');
    publish(OTHER, 'p2');
    publish(CAMPAIGN, 'p3');
    expect(page.missed).toEqual([]);
    expect(page.received.map((event) => [event.id, event.participationId])).toEqual([
      ['aaaa0001-1', 'p1'],
      ['aaaa0001-3', 'p3'],
    ]);
    expect(hub.position).toBe('aaaa0001-3');
    page.unsubscribe();
    publish(CAMPAIGN, 'p4');
    expect(page.received).toHaveLength(2);
  });

  it('replays to a page of this process the campaign’s events after its last id, and nothing when it missed nothing', () => {
    const { hub, publish } = hubAt('aaaa0001');
    publish(CAMPAIGN, 'p1');
    publish(CAMPAIGN, 'p2');
    publish(OTHER, 'p3');
    publish(CAMPAIGN, 'p4');
    expect(follow(hub, CAMPAIGN, 'aaaa0001-1').missed.map((event) => [event.id, event.type])).toEqual([
      ['aaaa0001-2', 'answer.recorded'],
      ['aaaa0001-4', 'answer.recorded'],
    ]);
    expect(follow(hub, CAMPAIGN, 'aaaa0001-4').missed).toEqual([]);
    // The position given to a page that had heard nothing yet.
    expect(follow(hub, CAMPAIGN, 'aaaa0001-0').missed.map((event) => event.id)).toEqual(['aaaa0001-1', 'aaaa0001-2', 'aaaa0001-4']);
  });

  it('answers an id of another process, of an earlier start or of no process with one resync at its own position', () => {
    const worker1 = hubAt('aaaa0001');
    const worker2 = hubAt('bbbb0002');
    worker1.publish(CAMPAIGN, 'p1');
    worker2.publish(CAMPAIGN, 'p1');
    worker2.publish(CAMPAIGN, 'p2');
    // Both processes have numbered a « 1 »: only the tag tells them apart.
    for (const foreign of ['bbbb0002-1', '1', '', 'aaaa0001-', 'aaaa0001-x', 'aaaa0001-1-1', 'aaaa0001-99']) {
      expect(follow(worker1.hub, CAMPAIGN, foreign).missed).toEqual([{ type: 'resync', id: 'aaaa0001-1' }]);
    }
    // A restarted process draws a new tag: its former ids are foreign to it.
    const restarted = hubAt('cccc0003');
    restarted.publish(CAMPAIGN, 'p3');
    expect(follow(restarted.hub, CAMPAIGN, 'aaaa0001-1').missed).toEqual([{ type: 'resync', id: 'cccc0003-1' }]);
    // The resync's id is known here: the page's next reconnection replays exactly.
    restarted.publish(CAMPAIGN, 'p4');
    expect(participations(follow(restarted.hub, CAMPAIGN, 'cccc0003-1').missed)).toEqual(['p4']);
  });

  it('answers with a resync an id whose following events are no longer kept (ten minutes)', () => {
    const { hub, clock, publish } = hubAt('aaaa0001');
    publish(OTHER, 'p1');
    publish(CAMPAIGN, 'p2');
    clock.ms += 6 * 60_000;
    publish(CAMPAIGN, 'p3');
    clock.ms += 6 * 60_000;
    publish(CAMPAIGN, 'p4');
    // Events 1 and 2 are gone: a page at 0 or 1 cannot know what it missed; one at 2 can.
    expect(follow(hub, CAMPAIGN, 'aaaa0001-0').missed).toEqual([{ type: 'resync', id: 'aaaa0001-4' }]);
    expect(follow(hub, CAMPAIGN, 'aaaa0001-1').missed).toEqual([{ type: 'resync', id: 'aaaa0001-4' }]);
    expect(participations(follow(hub, CAMPAIGN, 'aaaa0001-2').missed)).toEqual(['p3', 'p4']);
  });
});
