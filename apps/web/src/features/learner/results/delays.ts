const DAY_SECONDS = 86_400;

/** « Vous pourrez retenter dans N jours »: whole days, rounded up (`campaigns-and-participation.md` §6). */
export function daysUntil(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / DAY_SECONDS));
}
