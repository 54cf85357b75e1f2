import type { AnswerBlock } from './challenge';

const BLOCK_KEY = /^[A-Za-z][A-Za-z0-9_]*/u;
const OPTIONS = /^\s+options=(\[.*\])\s*$/su;

function parseOptions(json: string, key: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new SyntaxError(`block ${key}: options are not a list of quoted strings`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((option) => typeof option === 'string')) {
    throw new SyntaxError(`block ${key}: options must be a non-empty list of strings`);
  }
  return parsed;
}

/** Index of the `}` closing a block opened just before `from`, skipping quoted option text. */
function closingBrace(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '\\') i++;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && char === '}') return i;
  }
  return -1;
}

/**
 * Reads the input blocks of QROC/QROCM proposals, in order: `${key}`, with an optional
 * `#placeholder` and `§label`, or `${key options=["A","B"]}` for a select block. A literal
 * `\${` is not a block.
 *
 * @throws SyntaxError on an unterminated block, a bad key or malformed options.
 */
export function parseAnswerBlocks(proposals: string): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  for (let i = proposals.indexOf('${'); i !== -1; i = proposals.indexOf('${', i + 2)) {
    if (i > 0 && proposals[i - 1] === '\\') continue;
    const end = closingBrace(proposals, i + 2);
    if (end === -1) throw new SyntaxError(`unterminated block at offset ${i}`);
    const body = proposals.slice(i + 2, end);
    const key = BLOCK_KEY.exec(body)?.[0];
    if (key === undefined) throw new SyntaxError(`block at offset ${i} has no valid key`);
    const rest = body.slice(key.length);
    const options = OPTIONS.exec(rest)?.[1];
    if (options !== undefined) blocks.push({ key, options: parseOptions(options, key) });
    else if (rest === '' || rest.startsWith('#') || rest.startsWith('§')) blocks.push({ key });
    else throw new SyntaxError(`block ${key}: unexpected "${rest}"`);
    i = end - 1;
  }
  return blocks;
}
