import { AppError } from '../../platform/http/errors';

/** XML encodings SIECLE exports use, by the labels `TextDecoder` knows them. */
const XML_ENCODINGS = new Map<string, string>([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['iso-8859-1', 'iso-8859-1'],
  ['iso8859-1', 'iso-8859-1'],
  ['latin1', 'iso-8859-1'],
  ['latin-1', 'iso-8859-1'],
  ['iso-8859-15', 'iso-8859-15'],
  ['iso8859-15', 'iso-8859-15'],
  ['latin-9', 'iso-8859-15'],
  ['windows-1252', 'windows-1252'],
  ['cp1252', 'windows-1252'],
]);

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, index) => bytes[index] === byte);
}

/**
 * The encoding an XML file declares (`<?xml … encoding="…"?>`), read from its first bytes,
 * which are ASCII in every encoding accepted here. Null when it declares none.
 */
export function declaredXmlEncoding(head: Uint8Array): string | null {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || head[0] === 0 || head[1] === 0) {
    throw new AppError('FILE_ENCODING_UNSUPPORTED', { meta: { encoding: 'UTF-16' } });
  }
  const start = startsWithUtf8Bom(head) ? 3 : 0;
  const text = Buffer.from(head.subarray(start, start + 256)).toString('latin1');
  const declaration = /^<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(text);
  if (!declaration) return startsWithUtf8Bom(head) ? 'utf-8' : null;
  const label = XML_ENCODINGS.get(declaration[1]!.trim().toLowerCase());
  if (!label) throw new AppError('FILE_ENCODING_UNSUPPORTED', { meta: { encoding: declaration[1]!.slice(0, 40) } });
  return label;
}

/**
 * Decodes chunks as they come. A declared encoding is trusted but checked (invalid UTF-8 is
 * refused); without a declaration, UTF-8 is tried and the caller retries as Windows-1252
 * (the superset of ISO-8859-1 that French files really use) when it fails.
 */
export function chunkDecoder(label: string): { write(chunk: Uint8Array): string; end(): string } {
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  const decode = (chunk: Uint8Array | undefined, stream: boolean) => {
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      throw new AppError('FILE_ENCODING_UNSUPPORTED', { meta: { encoding: label } });
    }
  };
  return { write: (chunk) => decode(chunk, true), end: () => decode(undefined, false) };
}

/** A whole UTF-8 text file (CSV): BOM optional, checked on the bytes; any other encoding is refused. */
export function decodeUtf8(bytes: Buffer): string {
  const body = startsWithUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new AppError('FILE_ENCODING_UNSUPPORTED', { meta: { encoding: 'not UTF-8' } });
  }
}
