import zlib from 'node:zlib';
import { AppError } from '../../platform/http/errors';

/**
 * Reads the one XML file of a SIECLE archive without trusting the archive: a zip bomb is
 * stopped while it inflates, not after. Only what SIECLE exports need is supported
 * (stored or deflated entries, no encryption, no ZIP64).
 */
const ZIP_LIMITS = {
  /** SIECLE archives hold one file; a few more (e.g. a macOS `__MACOSX` folder) are tolerated. */
  maxEntries: 16,
  /** Largest XML once inflated: a SIECLE export of 5,000 pupils is about 25 MB. */
  maxInflatedBytes: 100 * 1024 * 1024,
  /** XML compresses about 10–30 times; far more means padding built to exhaust memory. */
  maxRatio: 100,
} as const;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  inflatedSize: number;
  localHeaderOffset: number;
}

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL_SIGNATURE;
}

function unsafe(reason: string): AppError {
  return new AppError('ZIP_UNSAFE', { meta: { reason } });
}

function malformed(reason: string): AppError {
  return new AppError('FILE_FORMAT_INVALID', { meta: { reason } });
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH);
  for (let offset = bytes.length - EOCD_MIN_LENGTH; offset >= lowest; offset--) {
    if (bytes.readUInt32LE(offset) === EOCD_SIGNATURE) return offset;
  }
  throw malformed('zip end of central directory not found');
}

function readEntries(bytes: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw unsafe('zip64');
  if (count > ZIP_LIMITS.maxEntries) throw unsafe('too many entries');
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw malformed('zip central directory truncated');
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push({
      flags: bytes.readUInt16LE(offset + 8),
      method: bytes.readUInt16LE(offset + 10),
      crc32: bytes.readUInt32LE(offset + 16),
      compressedSize: bytes.readUInt32LE(offset + 20),
      inflatedSize: bytes.readUInt32LE(offset + 24),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function isXmlEntry(entry: ZipEntry): boolean {
  // macOS adds `__MACOSX/._name.xml` resource forks beside the real file.
  return !entry.name.endsWith('/') && !entry.name.startsWith('__MACOSX/') && entry.name.toLowerCase().endsWith('.xml');
}

/** The compressed bytes of an entry, found through its local header (whose own sizes may be zero). */
function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const offset = entry.localHeaderOffset;
  if (offset + 30 > bytes.length || bytes.readUInt32LE(offset) !== LOCAL_SIGNATURE) throw malformed('zip local header missing');
  const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw malformed('zip entry truncated');
  return bytes.subarray(start, end);
}

/**
 * Checks the archive and returns the XML entry's bytes as they inflate. The declared sizes
 * are checked first (entry count, size, ratio), then every inflated chunk is counted, so an
 * archive that lies about its sizes is stopped as soon as it exceeds what it declared.
 */
export function xmlOfZip(bytes: Buffer): { name: string; inflatedSize: number; chunks: () => AsyncGenerator<Buffer> } {
  const xmlEntries = readEntries(bytes).filter(isXmlEntry);
  if (xmlEntries.length !== 1) throw new AppError('ZIP_MUST_CONTAIN_ONE_XML', { meta: { xmlFiles: xmlEntries.length } });
  const entry = xmlEntries[0]!;
  if ((entry.flags & 0x1) !== 0) throw malformed('zip entry encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw malformed('zip compression method unsupported');
  if (entry.inflatedSize > ZIP_LIMITS.maxInflatedBytes) throw unsafe('declared size too large');
  if (entry.inflatedSize > Math.max(entry.compressedSize, 1) * ZIP_LIMITS.maxRatio) throw unsafe('compression ratio too high');
  const data = entryData(bytes, entry);

  async function* chunks(): AsyncGenerator<Buffer> {
    if (entry.method === 0) {
      if (data.length !== entry.inflatedSize) throw malformed('zip stored size mismatch');
      if (zlib.crc32(data) !== entry.crc32) throw malformed('zip checksum mismatch');
      yield data;
      return;
    }
    const inflater = zlib.createInflateRaw();
    inflater.end(data);
    let inflated = 0;
    let crc = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > entry.inflatedSize) throw unsafe('inflates beyond its declared size');
        crc = zlib.crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw malformed('zip entry does not inflate');
    } finally {
      inflater.destroy();
    }
    if (inflated !== entry.inflatedSize) throw malformed('zip inflated size mismatch');
    if (crc !== entry.crc32) throw malformed('zip checksum mismatch');
  }

  return { name: entry.name, inflatedSize: entry.inflatedSize, chunks };
}
