import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { campaignKey } from '../src/features/orga/campaigns/campaignQueries';
import { useCampaignLive } from '../src/features/orga/campaigns/useCampaignLive';
import './support';

const CAMPAIGN_ID = '33333333-3333-4333-8333-333333333333';

/** happy-dom has no EventSource: this one is driven by the test as the server and the network would drive a browser's. */
class TestEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: TestEventSource[] = [];
  readyState = TestEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;

  constructor(readonly url: string) {
    TestEventSource.opened.push(this);
  }

  open() {
    this.readyState = TestEventSource.OPEN;
    this.onopen?.();
  }

  /** A `data:` frame of the stream (no `event:` field, so a `message`). */
  receive(data: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data) }));
  }

  /** The connection drops; the browser reconnects by itself (CONNECTING). */
  drop() {
    this.readyState = TestEventSource.CONNECTING;
    this.onerror?.();
  }

  close() {
    this.readyState = TestEventSource.CLOSED;
  }
}

/** The follow-up page's use: a campaign query on screen, kept fresh by the live hook. */
function renderLivePage() {
  TestEventSource.opened = [];
  vi.stubGlobal('EventSource', TestEventSource);
  const fetches = { count: 0 };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const view = renderHook(
    () => {
      useQuery({ queryKey: campaignKey(CAMPAIGN_ID), queryFn: async () => ++fetches.count });
      return useCampaignLive(CAMPAIGN_ID);
    },
    { wrapper },
  );
  return { view, fetches, source: () => TestEventSource.opened[0]! };
}

describe('useCampaignLive', () => {
  it('refetches the campaign on a resync, as on any event, once the stream is open', async () => {
    const { view, fetches, source } = renderLivePage();
    await waitFor(() => expect(fetches.count).toBe(1));
    expect(source().url).toBe(`/api/campaigns/${CAMPAIGN_ID}/live`);
    act(() => source().open());
    expect(view.result.current).toBe('live');

    // The page reconnected to another API process: the server cannot say what it missed.
    act(() => source().receive({ type: 'resync' }));
    await waitFor(() => expect(fetches.count).toBe(2));
    act(() => source().receive({ type: 'participation.started', participationId: '44444444-4444-4444-8444-444444444444' }));
    await waitFor(() => expect(fetches.count).toBe(3));
    view.unmount();
    expect(source().readyState).toBe(TestEventSource.CLOSED);
  });

  it('refetches after the browser reconnects by itself, the resync sent then joining the same refetch', async () => {
    const { view, fetches, source } = renderLivePage();
    await waitFor(() => expect(fetches.count).toBe(1));
    act(() => source().open());
    act(() => source().drop());
    expect(view.result.current).toBe('connecting');
    act(() => {
      source().open();
      source().receive({ type: 'resync' });
    });
    expect(view.result.current).toBe('live');
    await waitFor(() => expect(fetches.count).toBe(2));
    act(() => source().receive({ type: 'answer.recorded', participationId: '44444444-4444-4444-8444-444444444444' }));
    await waitFor(() => expect(fetches.count).toBe(3));
    view.unmount();
  });
});
