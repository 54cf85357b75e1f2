/** Only same-app paths are honoured, so a crafted link cannot send someone to another site after sign-in. */
export function safeReturnPath(value: string | null, fallback: string): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
