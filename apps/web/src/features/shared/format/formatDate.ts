export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Dates are stored in UTC and shown in the organization's time zone (spec README, « Time »). */
export function formatDate(iso: string, language: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone }).format(date);
}

export function formatDateTime(iso: string, language: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(date);
}
