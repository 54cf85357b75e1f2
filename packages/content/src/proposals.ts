import type { ChallengeType } from './schema';

/** A `${…}` answer field of a QROC/QROCM challenge. */
export interface ProposalBlock {
  readonly key: string;
  readonly placeholder?: string;
  readonly label?: string;
  /** Present for a drop-down (select block). */
  readonly options?: readonly string[];
}

/** A piece of QROC/QROCM proposals: Markdown text or an answer field, in display order. */
export type ProposalPart = { readonly kind: 'text'; readonly text: string } | ({ readonly kind: 'block' } & ProposalBlock);

export type ParsedProposals =
  | { readonly kind: 'options'; readonly options: readonly string[] }
  | { readonly kind: 'blocks'; readonly parts: readonly ProposalPart[]; readonly blocks: readonly ProposalBlock[] };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const keyPattern = /^[A-Za-z][A-Za-z0-9_]*/;

/** Reads a JSON array starting at `from`, honouring quotes; returns it and the index after `]`. */
function readJsonArray(text: string, from: number): { value: unknown; end: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[') depth += 1;
    else if (char === ']') {
      depth -= 1;
      if (depth === 0) {
        try {
          return { value: JSON.parse(text.slice(from, i + 1)), end: i + 1 };
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}

function parseBlock(text: string, start: number): ParseResult<{ block: ProposalBlock; end: number }> {
  let i = start + 2;
  const key = keyPattern.exec(text.slice(i))?.[0];
  if (!key) return { ok: false, error: `block at character ${start + 1} has no valid key` };
  i += key.length;
  let options: string[] | undefined;
  if (text.startsWith(' options=', i)) {
    const array = readJsonArray(text, i + ' options='.length);
    const valid =
      array && Array.isArray(array.value) && array.value.length > 0 && array.value.every((o) => typeof o === 'string');
    if (!array || !valid) return { ok: false, error: `block ${key}: options must be a non-empty JSON array of strings` };
    options = array.value as string[];
    if (new Set(options).size !== options.length) return { ok: false, error: `block ${key}: duplicate options` };
    i = array.end;
  }
  const close = text.indexOf('}', i);
  if (close < 0) return { ok: false, error: `block ${key} is not closed with }` };
  const rest = text.slice(i, close);
  const decoration = /^(?:#([^§]*))?(?:§(.*))?$/s.exec(rest);
  if (!decoration) return { ok: false, error: `block ${key}: unexpected "${rest}"` };
  const block: ProposalBlock = {
    key,
    ...(decoration[1] !== undefined ? { placeholder: decoration[1] } : {}),
    ...(decoration[2] !== undefined ? { label: decoration[2] } : {}),
    ...(options ? { options } : {}),
  };
  return { ok: true, value: { block, end: close + 1 } };
}

function parseBlocks(text: string): ParseResult<{ parts: ProposalPart[]; blocks: ProposalBlock[] }> {
  const parts: ProposalPart[] = [];
  const blocks: ProposalBlock[] = [];
  let buffer = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('\\${', i)) {
      buffer += '${';
      i += 3;
    } else if (text.startsWith('${', i)) {
      const parsed = parseBlock(text, i);
      if (!parsed.ok) return parsed;
      if (buffer) parts.push({ kind: 'text', text: buffer });
      buffer = '';
      parts.push({ kind: 'block', ...parsed.value.block });
      blocks.push(parsed.value.block);
      i = parsed.value.end;
    } else {
      buffer += text[i];
      i += 1;
    }
  }
  if (buffer) parts.push({ kind: 'text', text: buffer });
  return { ok: true, value: { parts, blocks } };
}

/**
 * Parses a challenge's `proposals` (spec content-model §4.1): options for QCU/QCM,
 * text and answer fields for QROC/QROCM, with the counts each type requires.
 */
export function parseProposals(type: ChallengeType, proposals: string): ParseResult<ParsedProposals> {
  if (type === 'QCU' || type === 'QCM') {
    const lines = proposals.split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
    const stray = lines.find((line) => !line.startsWith('- '));
    if (stray !== undefined) return { ok: false, error: `option line must start with "- ": "${stray}"` };
    const options = lines.map((line) => line.slice(2).trim());
    if (options.some((option) => option === '')) return { ok: false, error: 'empty option' };
    const minimum = type === 'QCU' ? 2 : 3;
    if (options.length < minimum) return { ok: false, error: `${type} needs at least ${minimum} options, found ${options.length}` };
    return { ok: true, value: { kind: 'options', options } };
  }
  const parsed = parseBlocks(proposals);
  if (!parsed.ok) return parsed;
  const { blocks } = parsed.value;
  const keys = blocks.map((block) => block.key);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate) return { ok: false, error: `duplicate block key ${duplicate}` };
  if (type === 'QROC' && blocks.length !== 1) return { ok: false, error: `QROC needs exactly one block, found ${blocks.length}` };
  if (type !== 'QROC' && blocks.length < 2) return { ok: false, error: `${type} needs at least two blocks, found ${blocks.length}` };
  return { ok: true, value: { kind: 'blocks', ...parsed.value } };
}
