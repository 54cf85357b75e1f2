import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { campaignKey } from './campaignQueries';

/** When streaming is blocked (a proxy, an old browser), the page polls this often instead. */
const POLLING_MS = 15_000;
/** Events close together (a class answering at once) refresh the page once. */
const REFRESH_DELAY_MS = 500;
/** Silence is no event: « Inactif » appears through this periodic refresh. */
const IDLE_CHECK_MS = 60_000;

export type LiveState = 'connecting' | 'live' | 'polling';

/**
 * Keeps a campaign's follow-up pages up to date without a reload (`beyond-the-reference.md`
 * §1): every event of `GET /api/campaigns/:id/live`, `resync` included, refreshes the campaign's
 * queries; if the stream cannot stay open, they are refreshed every 15 seconds.
 */
export function useCampaignLive(campaignId: string): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    let refresh: ReturnType<typeof setTimeout> | undefined;
    let polling: ReturnType<typeof setInterval> | undefined;
    const refreshNow = () => void client.invalidateQueries({ queryKey: campaignKey(campaignId) });
    const idleCheck = setInterval(refreshNow, IDLE_CHECK_MS);
    const refreshSoon = () => {
      clearTimeout(refresh);
      refresh = setTimeout(refreshNow, REFRESH_DELAY_MS);
    };
    const source = typeof EventSource === 'function' ? new EventSource(`/api/campaigns/${campaignId}/live`) : null;
    const startPolling = () => {
      setState('polling');
      polling ??= setInterval(refreshSoon, POLLING_MS);
    };
    if (source) {
      let opened = false;
      source.onopen = () => {
        clearInterval(polling);
        polling = undefined;
        setState('live');
        // After a reconnection, what happened meanwhile is refetched; the first opening follows a fresh load.
        if (opened) refreshSoon();
        opened = true;
      };
      // Whatever the type: a participation's event, or `resync` when the server cannot tell what
      // this page missed (it reconnected to another API process, or after a restart).
      source.onmessage = refreshSoon;
      source.onerror = () => {
        // The browser reconnects by itself while the stream is CONNECTING; CLOSED means it gave up.
        if (source.readyState === EventSource.CLOSED) startPolling();
        else setState('connecting');
      };
    } else {
      startPolling();
    }
    return () => {
      source?.close();
      clearInterval(idleCheck);
      clearTimeout(refresh);
      clearInterval(polling);
    };
  }, [campaignId, client]);

  return state;
}
