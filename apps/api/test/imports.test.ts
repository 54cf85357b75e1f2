import { randomInt } from 'node:crypto';
import type { LatestLearnerImport, LearnerImport, LearnerImportSettings } from '@jalon/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerImportFiles, learnerImports } from '../src/modules/imports';
import { learnerSortKey, organizationFeatures, organizationLearners } from '../src/modules/organizations';
import { createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes, type Response } from './support/http';
import { generatePupils, siecleXml, siecleXmlText, siecleZip, zip, type SiecleFile, type SieclePupil } from './support/siecle';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A UAI of its own for each school of the file (the column is unique). */
function uai(): string {
  return `0${String(randomInt(1_000_000)).padStart(6, '0')}Z`;
}

async function organization(fields: Parameters<typeof createTeam>[1]) {
  const team = await createTeam(t.database.db, fields);
  const admin = new Agent(t.app);
  await admin.signIn(team.admin.email, PASSWORD);
  const member = new Agent(t.app);
  await member.signIn(team.member.email, PASSWORD);
  return { ...team, adminAgent: admin, memberAgent: member };
}

async function school() {
  const code = uai();
  return { ...(await organization({ type: 'SCO', isManagingStudents: true, externalId: code })), uai: code };
}

function upload(agent: Agent, organizationId: string, fileName: string, bytes: Buffer, mode?: string): Promise<Response<{ import: LearnerImport }>> {
  const search = new URLSearchParams({ fileName, ...(mode ? { mode } : {}) });
  return agent.request('POST', `/api/organizations/${organizationId}/learner-imports?${search}`, bytes, { 'content-type': 'application/octet-stream' });
}

async function latest(agent: Agent, organizationId: string): Promise<LearnerImport | null> {
  const response = await agent.get<LatestLearnerImport>(`/api/organizations/${organizationId}/learner-imports/latest`);
  expect(response.status).toBe(200);
  return response.body.import;
}

/** Waits for the job to end (a bounded wait, not a timing assertion) and returns the banner. */
async function settled(agent: Agent, organizationId: string): Promise<LearnerImport> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const current = await latest(agent, organizationId);
    if (current && !['UPLOADED', 'VALIDATED'].includes(current.status)) return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not end');
}

/** Uploads, expects 202, and waits for the outcome. */
async function imported(agent: Agent, organizationId: string, fileName: string, bytes: Buffer, mode?: string): Promise<LearnerImport> {
  const response = await upload(agent, organizationId, fileName, bytes, mode);
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  expect(response.body.import.status).toBe('UPLOADED');
  return settled(agent, organizationId);
}

function roster(organizationId: string) {
  return t.database.db
    .select()
    .from(organizationLearners)
    .where(eq(organizationLearners.organizationId, organizationId))
    .orderBy(asc(organizationLearners.sortKey), asc(organizationLearners.id));
}

async function filesLeft(importId: string): Promise<number> {
  const rows = await t.database.db.select({ id: learnerImportFiles.importId }).from(learnerImportFiles).where(eq(learnerImportFiles.importId, importId));
  return rows.length;
}

/** The XML line of an ELEVE tag, as the error list must give it. */
function lineOf(file: SiecleFile, eleveId: string): number {
  const text = siecleXmlText(file);
  return text.slice(0, text.indexOf(`<ELEVE ELEVE_ID="${eleveId}"`)).split('\n').length;
}

function csv(lines: string[], separator = ';'): Buffer {
  return Buffer.from(lines.map((line) => line.replaceAll(';', separator)).join('\r\n'), 'utf8');
}

const SCO_HEADER =
  "Identifiant unique;Premier prénom;Deuxième prénom;Troisième prénom;Nom de famille;Nom d'usage;Date de naissance (jj/mm/aaaa);Code commune naissance;Libellé commune naissance;Code département naissance;Code pays naissance;Statut;Code MEF;Division";
const SUP_HEADER =
  "Premier prénom;Deuxième prénom;Troisième prénom;Nom de famille;Nom d'usage;Date de naissance (jj/mm/aaaa);Email;Numéro étudiant;Composante;Équipe pédagogique;Groupe;Diplôme;Régime";

describe('SIECLE', () => {
  it('imports a zipped ISO-8859-1 export: accents, fields, classes, pupils who left or have no class, and drops the file', async () => {
    const s = await school();
    const pupils = generatePupils(30, 2);
    const left: SieclePupil = { ...generatePupils(1, 1, 100)[0]!, leftOn: '15/01/2026' };
    const withoutClass: SieclePupil = { ...generatePupils(1, 1, 101)[0]!, division: null };
    pupils[0] = { ...pupils[0]!, lastName: 'Bérénice-Noël', preferredLastName: 'Lefèvre', middleName: 'Anaïs', thirdName: 'Zoé', firstName: 'Françoise' };
    pupils[1] = { ...pupils[1]!, countryCode: '216', cityCode: null, city: 'TUNIS', provinceCode: '99' };
    const done = await imported(s.adminAgent, s.organization.id, 'ElevesSansAdresses.zip', siecleZip(s.uai, [...pupils, left, withoutClass]));

    expect(done).toMatchObject({ status: 'IMPORTED', progress: 100, format: 'SIECLE', errors: [], author: { firstName: 'Ada', lastName: 'Admin' } });
    expect(done.counts).toEqual({ created: 30, updated: 0, disabled: 0, enabled: 0, skippedWithoutClass: 1, skippedLeft: 1 });
    expect(await filesLeft(done.id)).toBe(0);
    const rows = await roster(s.organization.id);
    expect(rows).toHaveLength(30);
    const francoise = rows.find((row) => row.nationalStudentId === pupils[0]!.ine)!;
    expect(francoise).toMatchObject({
      firstName: 'Françoise',
      middleName: 'Anaïs',
      thirdName: 'Zoé',
      lastName: 'Bérénice-Noël',
      preferredLastName: 'Lefèvre',
      birthdate: '2010-01-01',
      birthCountryCode: '99100',
      birthProvinceCode: '021',
      birthCityCode: '21231',
      birthCity: 'DIJON',
      mefCode: '10010012110',
      status: 'ST',
      division: '6A',
      isDisabled: false,
      userId: null,
    });
    expect(francoise.sortKey).toBe(learnerSortKey('Bérénice-Noël', 'Françoise'));
    expect(rows.find((row) => row.nationalStudentId === pupils[1]!.ine)).toMatchObject({ birthCountryCode: '99216', birthCityCode: null, birthCity: 'TUNIS', division: '6B' });
    expect(new Set(rows.map((row) => row.division))).toEqual(new Set(['6A', '6B']));
  });

  it('re-imports: left pupils disabled then enabled by a later file, changes applied, account links kept', async () => {
    const s = await school();
    const pupils = generatePupils(5, 1);
    await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils }));
    const pupilUser = await createUser(t.database.db, { firstName: 'Théo', lastName: 'Élève' });
    await t.database.db.update(organizationLearners).set({ userId: pupilUser.id }).where(eq(organizationLearners.nationalStudentId, pupils[1]!.ine!));
    const outsider = await createLearner(t.database.db, s.organization.id, { firstName: 'Hors', lastName: 'Fichier', birthdate: '2011-02-03' });

    const changed = [{ ...pupils[1]!, division: '5C', lastName: 'Nouveau-Nom' }, ...pupils.slice(2), ...generatePupils(1, 1, 50)];
    const second = await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils: changed }));
    expect(second.counts).toEqual({ created: 1, updated: 4, disabled: 2, enabled: 0, skippedWithoutClass: 0, skippedLeft: 0 });
    let rows = await roster(s.organization.id);
    const byIne = (ine: string | null) => rows.find((row) => row.nationalStudentId === ine)!;
    expect(byIne(pupils[0]!.ine)).toMatchObject({ isDisabled: true });
    expect(byIne(pupils[0]!.ine).disabledAt).not.toBeNull();
    expect(rows.find((row) => row.id === outsider.id)).toMatchObject({ isDisabled: true });
    expect(byIne(pupils[1]!.ine)).toMatchObject({ division: '5C', lastName: 'Nouveau-Nom', userId: pupilUser.id, isDisabled: false });

    const third = await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils: [...pupils, ...generatePupils(1, 1, 50)] }));
    expect(third.counts).toMatchObject({ created: 0, updated: 6, enabled: 1, disabled: 0 });
    rows = await roster(s.organization.id);
    expect(byIne(pupils[0]!.ine)).toMatchObject({ isDisabled: false, disabledAt: null });
    expect(byIne(pupils[1]!.ine)).toMatchObject({ division: '6A', userId: pupilUser.id });
    expect(rows).toHaveLength(7);
  });

  it('refuses a file with broken pupils, giving the line of each ELEVE tag and its ELEVE_ID, and changes nothing', async () => {
    const s = await school();
    const before = generatePupils(3, 1, 200);
    await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils: before }));
    const snapshot = await roster(s.organization.id);

    const pupils = generatePupils(8, 2, 300);
    pupils[1] = { ...pupils[1]!, ine: null };
    pupils[2] = { ...pupils[2]!, ine: pupils[0]!.ine };
    pupils[3] = { ...pupils[3]!, birthdate: null };
    pupils[4] = { ...pupils[4]!, birthdate: '31/02/2012' };
    pupils[5] = { ...pupils[5]!, countryCode: '100', cityCode: null };
    // Left the school: none of its problems count.
    pupils[6] = { ...pupils[6]!, ine: null, birthdate: null, leftOn: '01/09/2025' };
    const file = { uai: s.uai, pupils };
    const done = await imported(s.adminAgent, s.organization.id, 'eleves.zip', zip([{ name: 'eleves.xml', content: siecleXml(file) }]));

    expect(done.status).toBe('VALIDATION_ERROR');
    expect(done.counts).toBeNull();
    const where = (index: number) => ({ line: lineOf(file, pupils[index]!.eleveId), elementId: pupils[index]!.eleveId });
    expect(done.errors).toEqual([
      { code: 'INE_REQUIRED', ...where(1) },
      { code: 'INE_DUPLICATE_IN_FILE', ...where(2) },
      { code: 'BIRTHDATE_REQUIRED', ...where(3) },
      { code: 'BIRTHDATE_INVALID', ...where(4), meta: { expected: '31/12/2012' } },
      { code: 'BIRTH_CITY_CODE_REQUIRED', ...where(5) },
    ]);
    expect(done.errorCount).toBe(5);
    expect(where(1).line).toBeGreaterThan(10);
    expect(await roster(s.organization.id)).toEqual(snapshot);
    expect(await filesLeft(done.id)).toBe(0);
  });

  it('rolls back a write that fails halfway (IMPORT_ERROR): the roster is as it was', async () => {
    const s = await school();
    const pupils = generatePupils(3, 1, 400);
    await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils }));
    const snapshot = await roster(s.organization.id);
    // The database itself refuses the last new pupil, after the updates and the other inserts ran.
    await t.database.db.execute(sql`create function refuse_echec() returns trigger language plpgsql as $$
      begin if new.last_name = 'Échec' then raise exception 'refused by the test'; end if; return new; end $$`);
    await t.database.db.execute(sql`create trigger refuse_echec before insert on organization_learners for each row execute function refuse_echec()`);
    try {
      const changed = [...pupils.slice(1).map((pupil) => ({ ...pupil, division: '3C' })), ...generatePupils(2, 1, 500), { ...generatePupils(1, 1, 600)[0]!, lastName: 'Échec' }];
      const done = await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils: changed }));
      expect(done).toMatchObject({ status: 'IMPORT_ERROR', errors: [{ code: 'IMPORT_FAILED' }], counts: null });
      expect(await roster(s.organization.id)).toEqual(snapshot);
      expect(await filesLeft(done.id)).toBe(0);
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_echec on organization_learners`);
      await t.database.db.execute(sql`drop function refuse_echec()`);
    }
  });

  it('refuses the file of another school (UAI_MISMATCHED) and changes nothing', async () => {
    const s = await school();
    const done = await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: '0759999X', pupils: generatePupils(3, 1) }));
    expect(done).toMatchObject({ status: 'VALIDATION_ERROR', errors: [{ code: 'UAI_MISMATCHED', meta: { fileUai: '0759999X' } }] });
    expect(await roster(s.organization.id)).toHaveLength(0);
  });

  it('refuses an XML entity bomb and an external entity (XXE) before expanding anything', async () => {
    const s = await school();
    const laughs = Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE BEE_ELEVES [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n<BEE_ELEVES><PARAMETRES><UAJ>&lol9;</UAJ></PARAMETRES></BEE_ELEVES>\n`;
    const first = await imported(s.adminAgent, s.organization.id, 'bombe.xml', Buffer.from(bomb));
    expect(first).toMatchObject({ status: 'VALIDATION_ERROR', errors: [{ code: 'XML_DOCTYPE_FORBIDDEN' }] });

    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE BEE_ELEVES [<!ENTITY uai SYSTEM "file:///etc/passwd">]>\n<BEE_ELEVES><PARAMETRES><UAJ>&uai;</UAJ></PARAMETRES></BEE_ELEVES>\n`;
    const second = await imported(s.adminAgent, s.organization.id, 'xxe.xml', Buffer.from(xxe));
    expect(second).toMatchObject({ status: 'VALIDATION_ERROR', errors: [{ code: 'XML_DOCTYPE_FORBIDDEN' }] });
    expect(await roster(s.organization.id)).toHaveLength(0);
  });

  it('refuses a zip bomb, by its declared ratio or as soon as it inflates beyond its declared size', async () => {
    const s = await school();
    const zeros = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const declared = await imported(s.adminAgent, s.organization.id, 'bombe.zip', zip([{ name: 'eleves.xml', content: zeros }]));
    expect(declared).toMatchObject({ status: 'UPLOAD_ERROR', errors: [{ code: 'ZIP_UNSAFE', meta: { reason: 'compression ratio too high' } }] });

    const lying = await imported(s.adminAgent, s.organization.id, 'bombe.zip', zip([{ name: 'eleves.xml', content: zeros, declaredSize: 100_000 }]));
    expect(lying).toMatchObject({ status: 'UPLOAD_ERROR', errors: [{ code: 'ZIP_UNSAFE', meta: { reason: 'inflates beyond its declared size' } }] });
    expect(await filesLeft(lying.id)).toBe(0);
  });

  it('refuses a zip without exactly one XML, a malformed XML and an unknown encoding', async () => {
    const s = await school();
    const xml = siecleXml({ uai: s.uai, pupils: generatePupils(2, 1) });
    const two = await imported(s.adminAgent, s.organization.id, 'eleves.zip', zip([{ name: 'a.xml', content: xml }, { name: 'b.xml', content: xml }]));
    expect(two).toMatchObject({ status: 'UPLOAD_ERROR', errors: [{ code: 'ZIP_MUST_CONTAIN_ONE_XML' }] });
    const none = await imported(s.adminAgent, s.organization.id, 'eleves.zip', zip([{ name: 'lisez-moi.txt', content: Buffer.from('bonjour') }]));
    expect(none).toMatchObject({ status: 'UPLOAD_ERROR', errors: [{ code: 'ZIP_MUST_CONTAIN_ONE_XML' }] });

    const truncated = await imported(s.adminAgent, s.organization.id, 'eleves.xml', xml.subarray(0, xml.length - 40));
    expect(truncated).toMatchObject({ status: 'VALIDATION_ERROR', errors: [{ code: 'FILE_FORMAT_INVALID' }] });

    const shiftJis = Buffer.from(siecleXmlText({ uai: s.uai, pupils: generatePupils(1, 1) }).replace('ISO-8859-1', 'Shift_JIS'), 'latin1');
    const unknown = await imported(s.adminAgent, s.organization.id, 'eleves.xml', shiftJis);
    expect(unknown).toMatchObject({ status: 'UPLOAD_ERROR', errors: [{ code: 'FILE_ENCODING_UNSUPPORTED' }] });
    expect(await roster(s.organization.id)).toHaveLength(0);
  });

  it('detects ISO-8859-1 when the XML declares no encoding, and reads UTF-8 files too', async () => {
    const s = await school();
    const pupils = generatePupils(4, 1);
    const undeclared = await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils, undeclaredEncoding: true }));
    expect(undeclared.status).toBe('IMPORTED');
    let rows = await roster(s.organization.id);
    expect(rows.map((row) => row.firstName).sort()).toEqual(pupils.map((pupil) => pupil.firstName).sort());

    const utf8 = await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils, encoding: 'UTF-8' }));
    expect(utf8.counts).toMatchObject({ updated: 4, created: 0 });
    rows = await roster(s.organization.id);
    expect(rows.map((row) => row.lastName).sort()).toEqual(pupils.map((pupil) => pupil.lastName).sort());
  });
});

describe('SCO CSV', () => {
  it('imports the CSV of agricultural schools (comma separator, BOM) keyed by its unique identifier', async () => {
    const s = await school();
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv(
        [
          SCO_HEADER,
          '123456789AB;Inès;;;Moreau;;09/01/2012;21231;Dijon;21;99100;ST;10010012110;4B',
          '223456789AB;Loïc;Jean;;"Durand, dit Dudu";;10/02/2012;;Tunis;99;99216;AP;10010012110;4B',
        ],
        ',',
      ),
    ]);
    const done = await imported(s.adminAgent, s.organization.id, 'eleves.csv', file);
    expect(done).toMatchObject({ status: 'IMPORTED', format: 'SCO_CSV', counts: { created: 2 } });
    const rows = await roster(s.organization.id);
    expect(rows.map((row) => [row.nationalStudentId, row.firstName, row.lastName, row.birthdate, row.division, row.status, row.birthCity])).toEqual([
      ['223456789AB', 'Loïc', 'Durand, dit Dudu', '2012-02-10', '4B', 'AP', 'Tunis'],
      ['123456789AB', 'Inès', 'Moreau', '2012-01-09', '4B', 'ST', 'Dijon'],
    ]);
  });

  it('gives the line and column of every error, and a missing header column', async () => {
    const s = await school();
    const long = 'x'.repeat(256);
    const file = csv([
      SCO_HEADER,
      ';Inès;;;Moreau;;09/01/2012;21231;Dijon;21;99100;ST;10010012110;4B',
      `A1;${long};;;Moreau;;09/01/2012;21231;Dijon;21;99100;ST;10010012110;4B`,
      'A2;Inès;;;Moreau;;2012-01-09;21231;Dijon;21;100;XX;10010012110;4B',
      'A2;Inès;;;Moreau;;09/01/2012;;Dijon;21;99100;ST;10010012110;4B',
    ]);
    const done = await imported(s.adminAgent, s.organization.id, 'eleves.csv', file);
    expect(done.status).toBe('VALIDATION_ERROR');
    expect(done.errors).toEqual([
      { code: 'FIELD_REQUIRED', line: 2, column: 'Identifiant unique' },
      { code: 'FIELD_TOO_LONG', line: 3, column: 'Premier prénom', meta: { max: 255 } },
      { code: 'FIELD_FORMAT_INVALID', line: 4, column: 'Date de naissance (jj/mm/aaaa)', meta: { expected: '31/12/2012' } },
      { code: 'FIELD_FORMAT_INVALID', line: 4, column: 'Code pays naissance', meta: { expected: '99100' } },
      { code: 'FIELD_FORMAT_INVALID', line: 4, column: 'Statut', meta: { expected: 'ST, AP' } },
      { code: 'DUPLICATE_IN_FILE', line: 5, column: 'Identifiant unique' },
      { code: 'FIELD_REQUIRED', line: 5, column: 'Code commune naissance' },
    ]);

    const noDivision = await imported(s.adminAgent, s.organization.id, 'eleves.csv', csv([SCO_HEADER.replace(';Division', ''), 'A1;Inès;;;Moreau;;09/01/2012;21231;Dijon;21;99100;ST;10010012110']));
    expect(noDivision.errors).toEqual([{ code: 'HEADER_MISSING_COLUMN', line: 1, column: 'Division', meta: { column: 'Division' } }]);
    expect(await roster(s.organization.id)).toHaveLength(0);
  });

  it('refuses a CSV that is not UTF-8', async () => {
    const s = await school();
    const latin1 = Buffer.from(`${SCO_HEADER}\r\nA1;Inès;;;Moreau;;09/01/2012;21231;Dijon;21;99100;ST;10010012110;4B`, 'latin1');
    const done = await imported(s.adminAgent, s.organization.id, 'eleves.csv', latin1);
    expect(done).toMatchObject({ status: 'UPLOAD_ERROR', errors: [{ code: 'FILE_ENCODING_UNSUPPORTED' }] });
  });
});

describe('SUP CSV', () => {
  it('adds and updates by student number, warns about unknown diplomas, and « Remplacer » disables the absent', async () => {
    const u = await organization({ type: 'SUP', isManagingStudents: true });
    const first = csv([
      SUP_HEADER,
      'Camille;;;Martin;;01/02/2003;camille@example.org;E001;Sciences;;G1;Master;Formation initiale',
      'Hugo;;;Bernard;;03/04/2002;;E002;Lettres;Équipe A;G2;Licence pro de cuisine;formation CONTINUE',
    ]);
    const done = await imported(u.adminAgent, u.organization.id, 'etudiants.csv', first, 'ADD_OR_UPDATE');
    expect(done).toMatchObject({ status: 'IMPORTED', format: 'SUP_CSV', mode: 'ADD_OR_UPDATE', counts: { created: 2 } });
    expect(done.warnings).toEqual([{ code: 'DIPLOMA_NOT_RECOGNIZED', line: 3, column: 'Diplôme', meta: { value: 'Licence pro de cuisine' } }]);
    let rows = await roster(u.organization.id);
    expect(rows.find((row) => row.studentNumber === 'E002')).toMatchObject({ diploma: 'Non reconnu', studyScheme: 'Formation continue', group: 'G2', educationalTeam: 'Équipe A' });

    const addOnly = await imported(u.adminAgent, u.organization.id, 'etudiants.csv', csv([SUP_HEADER, 'Camille;;;Martin-Durand;;01/02/2003;;E001;;;G3;;']), 'ADD_OR_UPDATE');
    expect(addOnly.counts).toMatchObject({ created: 0, updated: 1, disabled: 0 });
    rows = await roster(u.organization.id);
    expect(rows.every((row) => !row.isDisabled)).toBe(true);
    expect(rows.find((row) => row.studentNumber === 'E001')).toMatchObject({ lastName: 'Martin-Durand', group: 'G3' });

    const replace = await imported(u.adminAgent, u.organization.id, 'etudiants.csv', csv([SUP_HEADER, 'Lina;;;Petit;;05/06/2004;;E003;;;;;']), 'REPLACE');
    expect(replace.counts).toMatchObject({ created: 1, updated: 0, disabled: 2 });
    rows = await roster(u.organization.id);
    expect(rows.filter((row) => row.isDisabled).map((row) => row.studentNumber).sort()).toEqual(['E001', 'E002']);
  });

  it('requires the mode, and refuses invalid or duplicate student numbers', async () => {
    const u = await organization({ type: 'SUP', isManagingStudents: true });
    const file = csv([SUP_HEADER, 'Camille;;;Martin;;01/02/2003;pas-un-email;E 001;;;;;', 'Hugo;;;Bernard;;03/04/2002;;E002;;;;;', 'Léa;;;Roux;;03/04/2002;;e002;;;;;']);
    const noMode = await upload(u.adminAgent, u.organization.id, 'etudiants.csv', file);
    expect(noMode.status).toBe(422);
    expect(errorCodes(noMode)).toEqual(['IMPORT_MODE_REQUIRED']);
    const done = await imported(u.adminAgent, u.organization.id, 'etudiants.csv', file, 'REPLACE');
    expect(done.errors).toEqual([
      { code: 'FIELD_FORMAT_INVALID', line: 2, column: 'Email', meta: { expected: 'prenom.nom@example.org' } },
      { code: 'FIELD_FORMAT_INVALID', line: 2, column: 'Numéro étudiant', meta: { expected: 'A-Z a-z 0-9 _ -' } },
      { code: 'DUPLICATE_IN_FILE', line: 4, column: 'Numéro étudiant' },
    ]);
  });
});

describe('generic CSV', () => {
  it('imports with the default columns, keyed by « Identifiant »', async () => {
    const p = await organization({ type: 'PRO' });
    await t.database.db.insert(organizationFeatures).values({ organizationId: p.organization.id, feature: 'LEARNER_IMPORT' });
    const settings = await p.adminAgent.get<LearnerImportSettings>(`/api/organizations/${p.organization.id}/learner-imports/settings`);
    expect(settings.body).toMatchObject({ accept: ['.csv'], formats: ['GENERIC_CSV'], modeRequired: false, csvHeader: ['Identifiant', 'Nom', 'Prénom', 'Date de naissance (jj/mm/aaaa)', 'Classe'] });
    const done = await imported(p.adminAgent, p.organization.id, 'participants.csv', csv(['Identifiant;Nom;Prénom;Date de naissance (jj/mm/aaaa);Classe', 'P1;Roux;Léa;;Atelier 1', 'P2;Faure;Noé;12/12/1990;']));
    expect(done).toMatchObject({ status: 'IMPORTED', format: 'GENERIC_CSV', counts: { created: 2 } });
    const again = await imported(p.adminAgent, p.organization.id, 'participants.csv', csv(['Identifiant;Nom;Prénom;Classe', 'P1;Roux;Léa;Atelier 2']));
    expect(again.counts).toMatchObject({ created: 0, updated: 1, disabled: 1 });
    const rows = await roster(p.organization.id);
    expect(rows.find((row) => row.firstName === 'Léa')).toMatchObject({ division: 'Atelier 2', attributes: { Identifiant: 'P1' }, isDisabled: false });
  });

  it('follows the organization’s own LEARNER_IMPORT configuration', async () => {
    const p = await organization({ type: 'SCO-1D' });
    await t.database.db.insert(organizationFeatures).values({
      organizationId: p.organization.id,
      feature: 'LEARNER_IMPORT',
      params: {
        columns: [
          { name: 'Matricule', required: true },
          { name: 'Nom élève', field: 'lastName', required: true },
          { name: 'Prénom élève', field: 'firstName', required: true },
          { name: 'Niveau', required: false },
          { name: 'Classe', field: 'division', required: true },
        ],
        key: 'Matricule',
        filters: ['Classe', 'Niveau'],
      },
    });
    const file = csv(['Matricule,Nom élève,Prénom élève,Niveau,Classe', 'M1,Roux,Léa,CM1,CM1-A', 'M2,Faure,Noé,,'], ',');
    const refused = await imported(p.adminAgent, p.organization.id, 'eleves.csv', file);
    expect(refused.errors).toEqual([{ code: 'FIELD_REQUIRED', line: 3, column: 'Classe' }]);
    const done = await imported(p.adminAgent, p.organization.id, 'eleves.csv', csv(['Matricule,Nom élève,Prénom élève,Niveau,Classe', 'M1,Roux,Léa,CM1,CM1-A'], ','));
    expect(done.status).toBe('IMPORTED');
    const [row] = await roster(p.organization.id);
    expect(row).toMatchObject({ firstName: 'Léa', division: 'CM1-A', attributes: { Matricule: 'M1', Niveau: 'CM1' } });
    const template = await p.adminAgent.get(`/api/organizations/${p.organization.id}/learner-imports/template`);
    expect(template.body).toBe('\uFEFFMatricule;Nom élève;Prénom élève;Niveau;Classe\r\n');
  });
});

describe('upload rules', () => {
  it('is for ADMINs only, and a MEMBER learns nothing', async () => {
    const s = await school();
    const response = await upload(s.memberAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils: generatePupils(1, 1) }));
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['ADMIN_ROLE_REQUIRED']);
    expect((await s.memberAgent.get(`/api/organizations/${s.organization.id}/learner-imports/template`)).status).toBe(403);
    // The banner is for the whole team.
    expect(await latest(s.memberAgent, s.organization.id)).toBeNull();
  });

  it('allows one import at a time (409 IMPORT_IN_PROGRESS)', async () => {
    const s = await school();
    await t.database.db.insert(learnerImports).values({ organizationId: s.organization.id, createdBy: s.admin.id, format: 'SIECLE', fileName: 'en-cours.zip', status: 'VALIDATED' });
    const response = await upload(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils: generatePupils(1, 1) }));
    expect(response.status).toBe(409);
    expect(errorCodes(response)).toEqual(['IMPORT_IN_PROGRESS']);
    const running = await t.database.db.select().from(learnerImports).where(and(eq(learnerImports.organizationId, s.organization.id)));
    expect(running).toHaveLength(1);
  });

  it('ends an import whose job was lost long ago instead of blocking the school forever', async () => {
    const s = await school();
    const [lost] = await t.database.db
      .insert(learnerImports)
      .values({ organizationId: s.organization.id, createdBy: s.admin.id, format: 'SIECLE', fileName: 'perdu.zip', status: 'UPLOADED', updatedAt: new Date(Date.now() - 2 * 3_600_000) })
      .returning();
    await t.database.db.insert(learnerImportFiles).values({ importId: lost!.id, content: Buffer.from('<x/>') });
    const done = await imported(s.adminAgent, s.organization.id, 'eleves.xml', siecleXml({ uai: s.uai, pupils: generatePupils(2, 1) }));
    expect(done.status).toBe('IMPORTED');
    const [row] = await t.database.db.select().from(learnerImports).where(eq(learnerImports.id, lost!.id));
    expect(row).toMatchObject({ status: 'IMPORT_ERROR', errors: [{ code: 'IMPORT_FAILED' }] });
    expect(await filesLeft(lost!.id)).toBe(0);
  });

  it('refuses files over 20 MB, empty files, other extensions and schools that do not manage their pupils', async () => {
    const s = await school();
    const tooLarge = await upload(s.adminAgent, s.organization.id, 'eleves.xml', Buffer.alloc(20 * 1024 * 1024 + 1, 0x20));
    expect(tooLarge.status).toBe(413);
    expect(errorCodes(tooLarge)).toEqual(['IMPORT_FILE_TOO_LARGE']);
    const empty = await upload(s.adminAgent, s.organization.id, 'eleves.xml', Buffer.alloc(0));
    expect(errorCodes(empty)).toEqual(['IMPORT_FILE_EMPTY']);
    const pdf = await upload(s.adminAgent, s.organization.id, 'eleves.pdf', Buffer.from('%PDF'));
    expect(pdf.status).toBe(422);
    expect(errorCodes(pdf)).toEqual(['IMPORT_FILE_TYPE_UNSUPPORTED']);
    expect(await latest(s.adminAgent, s.organization.id)).toBeNull();

    const notManaging = await organization({ type: 'SCO', isManagingStudents: false, externalId: uai() });
    const refused = await upload(notManaging.adminAgent, notManaging.organization.id, 'eleves.xml', Buffer.from('<x/>'));
    expect(refused.status).toBe(403);
    expect(errorCodes(refused)).toEqual(['IMPORT_NOT_ALLOWED']);
  });

  it('is only for organizations whose roster matters: managing their students or with the LEARNER_IMPORT toggle, whose format wins', async () => {
    const p = await organization({ type: 'PRO' });
    const refused = await upload(p.adminAgent, p.organization.id, 'participants.csv', csv(['Identifiant;Nom;Prénom', 'P1;Roux;Léa']));
    expect(refused.status).toBe(403);
    expect(errorCodes(refused)).toEqual(['IMPORT_NOT_ALLOWED']);
    expect(errorCodes(await p.adminAgent.get(`/api/organizations/${p.organization.id}/learner-imports/settings`))).toEqual(['IMPORT_NOT_ALLOWED']);

    await t.database.db.insert(organizationFeatures).values({ organizationId: p.organization.id, feature: 'LEARNER_IMPORT', params: { format: 'SUP_CSV' } });
    const settings = await p.adminAgent.get<LearnerImportSettings>(`/api/organizations/${p.organization.id}/learner-imports/settings`);
    expect(settings.body).toMatchObject({ accept: ['.csv'], formats: ['SUP_CSV'], modeRequired: true, csvHeader: SUP_HEADER.split(';') });
    await t.database.db.update(organizationFeatures).set({ params: { format: 'ONEROSTER' } }).where(eq(organizationFeatures.organizationId, p.organization.id));
    expect(errorCodes(await p.adminAgent.get(`/api/organizations/${p.organization.id}/learner-imports/settings`))).toEqual(['IMPORT_CONFIG_INVALID']);
  });

  it('offers the SCO CSV and SUP templates', async () => {
    const s = await school();
    const sco = await s.adminAgent.get(`/api/organizations/${s.organization.id}/learner-imports/template`);
    expect(sco.status).toBe(200);
    expect(sco.headers['content-disposition']).toBe('attachment; filename="modele-import-eleves.csv"');
    expect(sco.body).toBe(`\uFEFF${SCO_HEADER}\r\n`);
    const u = await organization({ type: 'SUP', isManagingStudents: true });
    const sup = await u.adminAgent.get(`/api/organizations/${u.organization.id}/learner-imports/template`);
    expect(sup.body).toBe(`\uFEFF${SUP_HEADER}\r\n`);
    const settings = await s.adminAgent.get<LearnerImportSettings>(`/api/organizations/${s.organization.id}/learner-imports/settings`);
    expect(settings.body).toMatchObject({ accept: ['.xml', '.zip', '.csv'], formats: ['SIECLE', 'SCO_CSV'], modeRequired: false });
  });

  it('never keeps a file: no file row is left once imports end', async () => {
    const [row] = await t.database.db.select({ count: sql<number>`count(*)::int` }).from(learnerImportFiles);
    expect(row!.count).toBe(0);
  });
});
