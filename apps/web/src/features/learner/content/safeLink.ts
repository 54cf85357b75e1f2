/** Links a learner may follow from data we did not write (tutorials, a teacher's button): web pages and mail only, never `javascript:` or `data:`. */
export function isSafeLink(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href);
}
