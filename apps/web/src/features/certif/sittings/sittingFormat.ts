/** A sitting's calendar date (`YYYY-MM-DD`, no time zone) in the reader's language. */
export function formatSittingDate(date: string, language: string): string {
  const parsed = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}

/** « Nom Prénom », the order of every list of the centre. */
export function candidateName(candidate: { firstName: string; lastName: string }): string {
  return `${candidate.lastName} ${candidate.firstName}`;
}
