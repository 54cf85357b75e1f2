import { SaxesParser } from 'saxes';
import { AppError } from '../../platform/http/errors';
import { chunkDecoder, declaredXmlEncoding } from './encoding';
import { clean, ImportRefused, IssueList, parseFrenchDate, type ImportedLearner, type LearnerValues, type ParsedRoster } from './roster';
import { isZip, xmlOfZip } from './zip';

/** Bytes of the XML, in chunks, from the start each time it is called. */
type ChunkSource = () => AsyncIterable<Uint8Array>;

/** Chunks handed to the XML parser: small enough to report progress, large enough to be cheap. */
const CHUNK_BYTES = 256 * 1024;

/** The direct children of `ELEVE` that Jalon reads (`CODE_SEXE` and the rest are never kept). */
const ELEVE_FIELDS = new Set([
  'ID_NATIONAL',
  'NOM_DE_FAMILLE',
  'NOM_USAGE',
  'PRENOM',
  'PRENOM2',
  'PRENOM3',
  'DATE_NAISS',
  'CODE_PAYS',
  'CODE_DEPARTEMENT_NAISS',
  'CODE_COMMUNE_INSEE_NAISS',
  'VILLE_NAISS',
  'CODE_MEF',
  'CODE_STATUT',
  'DATE_SORTIE',
]);

/** SIECLE's code of France in `CODE_PAYS`. */
const FRANCE = '100';

interface Eleve {
  id: string;
  line: number;
  fields: Map<string, string>;
}

function* split(bytes: Uint8Array): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES);
}

/** The XML of a `.xml` file or of the single XML of a `.zip`, with its size for the progress bar. */
export function siecleSource(bytes: Buffer): { chunks: ChunkSource; size: number } {
  if (isZip(bytes)) {
    const xml = xmlOfZip(bytes);
    return { chunks: xml.chunks, size: xml.inflatedSize };
  }
  return { chunks: async function* () { yield* split(bytes); }, size: bytes.length };
}

/**
 * Reads a SIECLE « ElevesSansAdresses » export (`learners-and-accounts.md` §2.1) as a stream:
 * no DTD (a DOCTYPE is refused outright, so neither entity expansion nor external entities
 * can happen), the organization's UAI checked as soon as it is read, every pupil validated
 * with the line of its ELEVE tag. The whole file is refused at the first broken rule's end.
 */
export async function parseSiecle(
  source: { chunks: ChunkSource; size: number },
  organizationUai: string | null,
  onProgress: (share: number) => Promise<void>,
): Promise<ParsedRoster> {
  const first = await firstChunk(source.chunks);
  const declared = declaredXmlEncoding(first);
  try {
    return await parseDecoded(source, declared ?? 'utf-8', organizationUai, onProgress);
  } catch (error) {
    // No declaration and not UTF-8: the Windows-1252 superset of ISO-8859-1 French files use.
    if (declared === null && error instanceof AppError && error.code === 'FILE_ENCODING_UNSUPPORTED') {
      return parseDecoded(source, 'windows-1252', organizationUai, onProgress);
    }
    throw error;
  }
}

async function firstChunk(chunks: ChunkSource): Promise<Uint8Array> {
  for await (const chunk of chunks()) return chunk;
  throw new AppError('IMPORT_FILE_EMPTY');
}

async function parseDecoded(
  source: { chunks: ChunkSource; size: number },
  encoding: string,
  organizationUai: string | null,
  onProgress: (share: number) => Promise<void>,
): Promise<ParsedRoster> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const issues = new IssueList();
  const eleves: Eleve[] = [];
  const divisions = new Map<string, string>();
  const path: string[] = [];
  let text = '';
  let eleve: Eleve | null = null;
  let eleveTagLine = 0;
  let structureOf: string | null = null;
  let structure: { code?: string; type?: string } | null = null;
  let skippedLeft = 0;

  const fail = (reason: string) => new AppError('FILE_FORMAT_INVALID', { meta: { line: parser.line, reason } });

  parser.on('doctype', () => {
    throw new AppError('XML_DOCTYPE_FORBIDDEN', { meta: { line: parser.line } });
  });
  parser.on('opentagstart', (tag) => {
    if (tag.name === 'ELEVE') eleveTagLine = parser.line;
  });
  let inProlog = true;
  parser.on('opentag', (tag) => {
    inProlog = false;
    if (path.length === 0 && tag.name !== 'BEE_ELEVES') throw fail(`root element ${tag.name.slice(0, 40)}`);
    path.push(tag.name);
    text = '';
    if (tag.name === 'ELEVE' && path.length === 4) {
      eleve = { id: attribute(tag.attributes, 'ELEVE_ID'), line: eleveTagLine, fields: new Map() };
    } else if (tag.name === 'STRUCTURES_ELEVE') {
      structureOf = attribute(tag.attributes, 'ELEVE_ID');
    } else if (tag.name === 'STRUCTURE' && structureOf !== null) {
      structure = {};
    }
  });
  parser.on('text', (value) => {
    text += value;
  });
  parser.on('cdata', (value) => {
    text += value;
  });
  parser.on('closetag', (tag) => {
    const parent = path[path.length - 2];
    const value = text.trim();
    text = '';
    if (tag.name === 'UAJ' && parent === 'PARAMETRES') checkUai(value, organizationUai);
    else if (eleve !== null && parent === 'ELEVE' && path.length === 5 && ELEVE_FIELDS.has(tag.name)) eleve.fields.set(tag.name, value);
    else if (tag.name === 'ELEVE' && eleve !== null) {
      if (eleve.fields.get('DATE_SORTIE')) skippedLeft++;
      else eleves.push(eleve);
      eleve = null;
    } else if (structure !== null && parent === 'STRUCTURE') {
      if (tag.name === 'CODE_STRUCTURE') structure.code = value;
      else if (tag.name === 'TYPE_STRUCTURE') structure.type = value;
    } else if (tag.name === 'STRUCTURE' && structure !== null && structureOf !== null) {
      if (structure.type === 'D' && structure.code && structure.code !== 'Inactifs') divisions.set(structureOf, structure.code);
      structure = null;
    } else if (tag.name === 'STRUCTURES_ELEVE') structureOf = null;
    path.pop();
  });

  let uaiSeen = false;
  function checkUai(value: string, expected: string | null) {
    uaiSeen = true;
    if (expected === null || value.toUpperCase() !== expected.toUpperCase()) {
      throw new AppError('UAI_MISMATCHED', { meta: { fileUai: value.slice(0, 20) } });
    }
  }

  const decoder = chunkDecoder(encoding);
  // A DOCTYPE may only stand in the prolog: refusing it there, before the parser has read
  // (and buffered) its internal subset, stops an entity bomb at its first bytes.
  let tail = '';
  const feed = (decoded: string) => {
    if (inProlog && (tail + decoded).includes('<!DOCTYPE')) throw new AppError('XML_DOCTYPE_FORBIDDEN');
    tail = decoded.slice(-'<!DOCTYPE'.length);
    parser.write(decoded);
  };
  let read = 0;
  let reported = 0;
  try {
    for await (const chunk of source.chunks()) {
      feed(decoder.write(chunk));
      read += chunk.length;
      const share = source.size > 0 ? read / source.size : 1;
      if (share - reported >= 0.05) {
        reported = share;
        await onProgress(share);
      }
    }
    feed(decoder.end());
    parser.close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // saxes reports a malformed document as a plain Error whose message starts with its position.
    throw fail(error instanceof Error ? error.message.slice(0, 200) : 'unparseable');
  }
  if (!uaiSeen) throw fail('missing PARAMETRES/UAJ');

  const learners = validate(eleves, divisions, issues);
  if (issues.count > 0) throw new ImportRefused(issues.kept, issues.count);
  return { learners, warnings: [], skippedWithoutClass: eleves.length - learners.length, skippedLeft };
}

function attribute(attributes: Record<string, string>, name: string): string {
  return (attributes[name] ?? '').trim();
}

/** The rules of §2.1 for the pupils still in the school; those without a class are skipped. */
function validate(eleves: Eleve[], divisions: Map<string, string>, issues: IssueList): ImportedLearner[] {
  const seenIne = new Set<string>();
  const learners: ImportedLearner[] = [];
  for (const eleve of eleves) {
    const where = { line: eleve.line, elementId: eleve.id };
    const field = (name: string) => clean(eleve.fields.get(name));
    const ine = field('ID_NATIONAL');
    if (ine === null) issues.add('INE_REQUIRED', where);
    else if (seenIne.has(ine.toUpperCase())) issues.add('INE_DUPLICATE_IN_FILE', where);
    else seenIne.add(ine.toUpperCase());
    const lastName = field('NOM_DE_FAMILLE');
    const firstName = field('PRENOM');
    if (lastName === null) issues.add('FIELD_REQUIRED', { ...where, column: 'NOM_DE_FAMILLE' });
    if (firstName === null) issues.add('FIELD_REQUIRED', { ...where, column: 'PRENOM' });
    const rawBirthdate = field('DATE_NAISS');
    const birthdate = rawBirthdate === null ? null : parseFrenchDate(rawBirthdate);
    if (rawBirthdate === null) issues.add('BIRTHDATE_REQUIRED', where);
    else if (birthdate === null) issues.add('BIRTHDATE_INVALID', { ...where, meta: { expected: '31/12/2012' } });
    const country = field('CODE_PAYS');
    const cityCode = field('CODE_COMMUNE_INSEE_NAISS');
    if (country === FRANCE && cityCode === null) issues.add('BIRTH_CITY_CODE_REQUIRED', where);

    const division = divisions.get(eleve.id);
    if (division === undefined || ine === null || lastName === null || firstName === null || birthdate === null) continue;
    const values: LearnerValues = {
      nationalStudentId: ine,
      lastName,
      preferredLastName: field('NOM_USAGE'),
      firstName,
      middleName: field('PRENOM2'),
      thirdName: field('PRENOM3'),
      birthdate,
      // SIECLE gives the INSEE country code without its `99` prefix; the CSV imports give all five digits.
      birthCountryCode: country === null ? null : country.length === 3 ? `99${country}` : country,
      birthProvinceCode: field('CODE_DEPARTEMENT_NAISS'),
      birthCityCode: cityCode,
      birthCity: field('VILLE_NAISS'),
      mefCode: field('CODE_MEF'),
      status: field('CODE_STATUT'),
      division,
    };
    learners.push({ key: ine, values });
  }
  return learners;
}
