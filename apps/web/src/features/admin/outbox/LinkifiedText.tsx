import type { ReactNode } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** Mail text with its http(s) links made clickable, so an invitation can be followed from the outbox. */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const raw = match[0];
    const trailing = TRAILING_PUNCTUATION.exec(raw)?.[0] ?? '';
    const url = raw.slice(0, raw.length - trailing.length);
    parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url} data-testid="mail-link">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return <pre className="mail-text">{parts}</pre>;
}
