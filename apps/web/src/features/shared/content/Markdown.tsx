import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { assetUrl } from './assetUrl';
import './content.css';

/**
 * The Markdown subset the content bank uses (content-model: instructions, proposals, hints),
 * turned into React elements: paragraphs and line breaks, fenced code, lists, quotes,
 * emphasis, inline code, links, and the few tags authors may write (`br`, `sub`, `sup`,
 * `kbd`, `abbr`, `mark`). Any other HTML stays visible text: nothing is ever parsed as markup,
 * so no content can inject a script.
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return <div className={['markdown', className].filter(Boolean).join(' ')}>{renderBlocks(text)}</div>;
}

/** One line of Markdown inside running text (an option label, the text around answer fields). */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{withBreaks(text.split('\n'))}</>;
}

type Block =
  | { kind: 'paragraph' | 'quote'; lines: string[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: string[] };

const BULLET = /^\s*[-*+]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;
const FENCE = /^\s*```/;

function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let inFence = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      current = inFence ? { kind: 'code', lines: [] } : null;
      if (current) blocks.push(current);
      continue;
    }
    if (inFence && current?.kind === 'code') {
      current.lines.push(line);
      continue;
    }
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const ordered = NUMBERED.test(line);
    if (ordered || BULLET.test(line)) {
      const item = line.replace(ordered ? NUMBERED : BULLET, '');
      if (current?.kind === 'list' && current.ordered === ordered) current.items.push(item);
      else blocks.push((current = { kind: 'list', ordered, items: [item] }));
      continue;
    }
    const kind = line.startsWith('>') ? 'quote' : 'paragraph';
    const content = kind === 'quote' ? line.replace(/^>\s?/, '') : line;
    if (current?.kind === kind) current.lines.push(content);
    else if (current?.kind === 'list') current.items[current.items.length - 1] += ` ${content.trim()}`;
    else blocks.push((current = { kind, lines: [content] }));
  }
  return blocks;
}

function renderBlocks(text: string): ReactNode[] {
  return parseBlocks(text).map((block, index) => {
    switch (block.kind) {
      case 'code':
        return (
          <pre key={index} className="markdown__code">
            <code>{block.lines.join('\n')}</code>
          </pre>
        );
      case 'list': {
        const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{inline(item)}</li>);
        return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
      }
      case 'quote':
        return <blockquote key={index}>{withBreaks(block.lines)}</blockquote>;
      case 'paragraph':
        return <p key={index}>{withBreaks(block.lines)}</p>;
    }
  });
}

function withBreaks(lines: string[]): ReactNode[] {
  return lines.map((line, index) => (
    <Fragment key={index}>
      {index > 0 ? <br /> : null}
      {inline(line)}
    </Fragment>
  ));
}

// The first construct found at the earliest position wins; a backslash keeps the next mark literal.
const INLINE =
  /\\([\\`*_[\]<>$])|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<![\p{L}\p{N}])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}])|<br\s*\/?>|<(sub|sup|kbd|mark)>(.*?)<\/\8>|<abbr title="([^"]*)">(.*?)<\/abbr>/u;

function inline(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest !== '') {
    const match = INLINE.exec(rest);
    if (match === null) {
      nodes.push(rest);
      break;
    }
    if (match.index > 0) nodes.push(rest.slice(0, match.index));
    nodes.push(<Fragment key={key++}>{token(match)}</Fragment>);
    rest = rest.slice(match.index + match[0].length);
  }
  return nodes;
}

function token(match: RegExpExecArray): ReactNode {
  const [whole, escaped, code, label, href, strong, em, underscored, tag, tagged, abbrTitle, abbr] = match;
  if (escaped !== undefined) return escaped;
  if (code !== undefined) return <code>{code}</code>;
  if (label !== undefined && href !== undefined) return <ContentLink label={label} href={href} />;
  if (strong !== undefined) return <strong>{inline(strong)}</strong>;
  if (em !== undefined) return <em>{inline(em)}</em>;
  if (underscored !== undefined) return <em>{inline(underscored)}</em>;
  if (tag !== undefined && tagged !== undefined) {
    const Tag = tag as 'sub' | 'sup' | 'kbd' | 'mark';
    return <Tag>{inline(tagged)}</Tag>;
  }
  if (abbr !== undefined) return <abbr title={abbrTitle}>{inline(abbr)}</abbr>;
  return whole.startsWith('<br') ? <br /> : whole;
}

/** Release assets from our origin and https pages; any other scheme (javascript:, data:…) stays plain text. */
function ContentLink({ label, href }: { label: string; href: string }) {
  if (href.startsWith('assets/')) return <a href={assetUrl(href)}>{inline(label)}</a>;
  if (!/^https:\/\//i.test(href)) return <>{inline(label)}</>;
  return (
    <a href={href} rel="noopener noreferrer">
      {inline(label)}
    </a>
  );
}
