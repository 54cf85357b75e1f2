/**
 * The one `Content-Disposition` of every download. File names are built from what users typed
 * (campaign and class names…), so whatever a builder lets through, the header carries a bare
 * file name: no folder, no quote, no control or bidi character, nothing a header cannot hold.
 */

/**
 * Replaced by `_`: path separators, quotes, what Windows refuses in a file name, control and
 * format characters (CR/LF, NUL, the right-to-left override that turns `gpj.exe` around,
 * zero-width joiners), lone surrogates, and the `%` a browser might decode once more.
 */
const UNSAFE = /[/\\"*:<>?|%\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/**
 * Under a file system's 255 bytes, and short enough that the header (about three times the
 * UTF-8 bytes once percent-encoded) stays well inside a reverse proxy's header buffer.
 */
const MAX_BYTES = 180;
/** The end of a name is its most useful part (`-{campaignId}-{date}.csv`): it is kept whole. */
const TAIL_BYTES = 64;

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest run of whole code points from the start (or the end) within `budget` bytes. */
function within(chars: readonly string[], budget: number, fromEnd: boolean): string {
  const kept: string[] = [];
  let bytes = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[fromEnd ? chars.length - 1 - i : i]!;
    bytes += utf8Length(char);
    if (bytes > budget) break;
    kept.push(char);
  }
  return (fromEnd ? kept.reverse() : kept).join('');
}

/** A file name safe to hand to any browser and file system, never empty. */
export function safeFileName(fileName: string): string {
  let name = fileName
    .normalize('NFC')
    .replace(UNSAFE, '_')
    // No `..` anywhere, and no hidden file: a name is never read as a path.
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (utf8Length(name) > MAX_BYTES) {
    const chars = [...name];
    const tail = within(chars, TAIL_BYTES, true);
    name = `${within(chars, MAX_BYTES - TAIL_BYTES - 1, false)}_${tail}`;
  }
  return name || 'fichier';
}

/**
 * `attachment` with the safe name, as an ASCII `filename` (accents dropped, anything else
 * non-ASCII as `_`) and, when the name is not plain ASCII, as `filename*` (RFC 6266 / 5987,
 * UTF-8) which browsers prefer.
 */
export function attachmentDisposition(fileName: string): string {
  const name = safeFileName(fileName);
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_');
  if (ascii === name) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
