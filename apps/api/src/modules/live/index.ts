/**
 * Live follow-up (`beyond-the-reference.md` §1): database triggers notify `campaign_events`,
 * each API process listens and streams the events of a campaign to the teachers following
 * it (Server-Sent Events).
 */
export { listenCampaignEvents } from './campaign-events';
export { LiveHub } from './live-hub';
export { liveRoutes } from './routes';
