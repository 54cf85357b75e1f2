import zlib from 'node:zlib';

/**
 * SIECLE « ElevesSansAdresses » files for the import tests and `bench:import`: the XML a
 * school exports, ISO-8859-1 by default as SIECLE writes it, optionally zipped.
 */
export interface SieclePupil {
  eleveId: string;
  /** null: the tag is absent. */
  ine: string | null;
  lastName: string;
  preferredLastName?: string;
  firstName: string;
  middleName?: string;
  thirdName?: string;
  /** DD/MM/YYYY; null: the tag is absent. */
  birthdate: string | null;
  countryCode?: string;
  cityCode?: string | null;
  city?: string;
  provinceCode?: string;
  mefCode?: string;
  status?: string;
  /** A DATE_SORTIE: the pupil left the school. */
  leftOn?: string;
  /** The class (TYPE_STRUCTURE D); null: no class. */
  division: string | null;
}

export interface SiecleFile {
  uai: string;
  pupils: SieclePupil[];
  encoding?: 'ISO-8859-1' | 'UTF-8';
  /** Omit the `encoding` attribute of the XML declaration (the file stays in `encoding`). */
  undeclaredEncoding?: boolean;
}

const FIRST_NAMES = ['Élodie', 'Chloé', 'Noël', 'Françoise', 'Bérénice', 'Zoé', 'Inès', 'Loïc', 'Maël', 'Jérôme', 'Anaïs', 'Hélène', 'Raphaël', 'Léa', 'Théo', 'Agnès'];
const LAST_NAMES = ['Dupré', 'Lefèvre', 'Mercier', 'Bonnaïeu', 'Garçon', 'Moreau', 'Côté', 'Rivière', 'Perrin', 'Nguyen', 'Fontaine', 'Brûlé', 'Lambert', 'Chevalier', 'Renée', 'Faure'];

function xmlEscape(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** A valid INE-like identifier: 10 digits and a letter, unique per index. */
export function ineOf(index: number): string {
  return `${String(100000000 + index).padStart(10, '0')}${'ABCDEFGHJK'[index % 10]}`;
}

/** `count` pupils spread over `classes` classes (`6A`, `6B`…), deterministic. */
export function generatePupils(count: number, classes: number, offset = 0): SieclePupil[] {
  const divisions = Array.from({ length: classes }, (_, index) => `${6 + Math.floor(index / 10)}${String.fromCharCode(65 + (index % 10))}`);
  return Array.from({ length: count }, (_, position) => {
    const index = position + offset;
    const day = (index % 28) + 1;
    const month = (index % 12) + 1;
    return {
      eleveId: String(900000 + index),
      ine: ineOf(index),
      lastName: `${LAST_NAMES[index % LAST_NAMES.length]}${index >= LAST_NAMES.length ? `-${Math.floor(index / LAST_NAMES.length)}` : ''}`,
      firstName: FIRST_NAMES[(index * 7) % FIRST_NAMES.length]!,
      birthdate: `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${2010 + (index % 4)}`,
      countryCode: '100',
      cityCode: '21231',
      city: 'DIJON',
      provinceCode: '021',
      mefCode: '10010012110',
      status: 'ST',
      division: divisions[index % classes]!,
    };
  });
}

function tag(name: string, value: string | null | undefined): string {
  return value === undefined || value === null ? '' : `      <${name}>${xmlEscape(value)}</${name}>\n`;
}

export function siecleXmlText(file: SiecleFile): string {
  const encoding = file.encoding ?? 'ISO-8859-1';
  const declaration = file.undeclaredEncoding ? '<?xml version="1.0"?>' : `<?xml version="1.0" encoding="${encoding}"?>`;
  const eleves = file.pupils
    .map(
      (pupil) =>
        `    <ELEVE ELEVE_ID="${pupil.eleveId}" ELENOET="${pupil.eleveId}">\n` +
        tag('ID_NATIONAL', pupil.ine) +
        tag('NOM_DE_FAMILLE', pupil.lastName) +
        tag('NOM_USAGE', pupil.preferredLastName) +
        tag('PRENOM', pupil.firstName) +
        tag('PRENOM2', pupil.middleName) +
        tag('PRENOM3', pupil.thirdName) +
        tag('DATE_NAISS', pupil.birthdate) +
        tag('CODE_SEXE', '2') +
        tag('CODE_PAYS', pupil.countryCode ?? '100') +
        tag('CODE_DEPARTEMENT_NAISS', pupil.provinceCode) +
        tag('CODE_COMMUNE_INSEE_NAISS', pupil.cityCode) +
        tag('VILLE_NAISS', pupil.city) +
        tag('CODE_MEF', pupil.mefCode) +
        tag('CODE_STATUT', pupil.status) +
        tag('DATE_SORTIE', pupil.leftOn) +
        `      <SCOLARITE_AN_DERNIER>\n        <CODE_STRUCTURE>5Z</CODE_STRUCTURE>\n      </SCOLARITE_AN_DERNIER>\n` +
        `    </ELEVE>\n`,
    )
    .join('');
  const structures = file.pupils
    .filter((pupil) => pupil.division !== null)
    .map(
      (pupil) =>
        `    <STRUCTURES_ELEVE ELEVE_ID="${pupil.eleveId}">\n` +
        `      <STRUCTURE>\n        <CODE_STRUCTURE>${xmlEscape(pupil.division!)}</CODE_STRUCTURE>\n        <TYPE_STRUCTURE>D</TYPE_STRUCTURE>\n      </STRUCTURE>\n` +
        `      <STRUCTURE>\n        <CODE_STRUCTURE>G1</CODE_STRUCTURE>\n        <TYPE_STRUCTURE>G</TYPE_STRUCTURE>\n      </STRUCTURE>\n` +
        `    </STRUCTURES_ELEVE>\n`,
    )
    .join('');
  return (
    `${declaration}\n<BEE_ELEVES VERSION="3.1">\n  <PARAMETRES>\n    <UAJ>${xmlEscape(file.uai)}</UAJ>\n    <ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>\n  </PARAMETRES>\n` +
    `  <DONNEES>\n  <ELEVES>\n${eleves}  </ELEVES>\n  <STRUCTURES>\n${structures}  </STRUCTURES>\n  </DONNEES>\n</BEE_ELEVES>\n`
  );
}

/** The XML's bytes in its encoding. */
export function siecleXml(file: SiecleFile): Buffer {
  return Buffer.from(siecleXmlText(file), (file.encoding ?? 'ISO-8859-1') === 'UTF-8' ? 'utf8' : 'latin1');
}

export interface ZipEntryInput {
  name: string;
  content: Buffer;
  /** Write this uncompressed size in the headers instead of the real one (a lying archive). */
  declaredSize?: number;
}

/** A plain ZIP archive (deflated entries), as SIECLE and desktop tools write them. */
export function zip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = zlib.deflateRawSync(entry.content);
    const crc = zlib.crc32(entry.content);
    const size = entry.declaredSize ?? entry.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The pupils as a zipped ISO-8859-1 SIECLE export of the school `uai`. */
export function siecleZip(uai: string, pupils: SieclePupil[]): Buffer {
  return zip([{ name: 'ElevesSansAdresses.xml', content: siecleXml({ uai, pupils }) }]);
}
