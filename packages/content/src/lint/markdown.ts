/** Raw HTML tags a Markdown field may use; anything else is refused (L11). */
const allowedTags = new Set(['br', 'sub', 'sup', 'kbd', 'abbr', 'mark']);

/** Raw HTML tags of a Markdown text that are not allowed, each once, ignoring code and autolinks. */
export function forbiddenHtmlTags(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const found = new Set<string>();
  for (const match of withoutCode.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)(?![A-Za-z0-9-]*:)/g)) {
    const tag = match[1]?.toLowerCase();
    if (tag && !allowedTags.has(tag)) found.add(tag);
  }
  return [...found];
}
