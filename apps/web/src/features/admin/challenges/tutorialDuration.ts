/** A tutorial's `HH:MM:SS` duration in whole minutes, rounded up: « 10 min » reads better than « 00:10:00 ». */
export function tutorialMinutes(duration: string): number | undefined {
  const match = /^(\d+):(\d{2}):(\d{2})$/.exec(duration);
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Math.max(1, Number(hours) * 60 + Number(minutes) + Math.ceil(Number(seconds) / 60));
}
