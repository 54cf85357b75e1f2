import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { validateHeaderValue } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificationCandidates, certificationSittings } from '../apps/api/src/modules/certification-centre';
import { certificationCourses } from '../apps/api/src/modules/certification-course';
import { certificationResults } from '../apps/api/src/modules/certification-results/schema';
import { participations } from '../apps/api/src/modules/campaigns';
import { learnerSortKey } from '../apps/api/src/modules/organizations';
import { targetProfiles } from '../apps/api/src/modules/catalogue';
import { attachmentDisposition } from '../apps/api/src/platform/http/attachment';
import { createCampaign, createLearner } from '../apps/api/test/support/campaign-factory';
import { createTeam, createUser, PASSWORD } from '../apps/api/test/support/factory';
import { Agent } from '../apps/api/test/support/http';
import { createTestApp, type TestApp } from '../apps/api/test/support/test-app';
import type {} from '../apps/api/test/support/global-setup';

// What a user typed reaches files others open: CSV cells a spreadsheet may run as formulas,
// file names a browser saves to disk, names drawn into PDFs. Each must come out inert.

/** What a spreadsheet would run or mangle: a DDE command, arithmetic, a function, a leading tab or CR. */
const FORMULAS = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1)', '\t=1+1', '\r=1+1'];

/** File names a user may give a campaign or a class. */
const HOSTILE_NAMES = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'a"b;filename=evil.exe',
  'a\r\nSet-Cookie: x=1',
  '%2e%2e%2fsecret',
  '..%2f..%2f',
  '\u202Egpj.exe',
  'é\u0301👩‍👩‍👧‍👦🇫🇷',
  'L'.repeat(255),
  '漢'.repeat(255),
  'é'.repeat(255),
];

const UNSAFE_IN_NAME = /[/\\"\p{Cc}\p{Cf}]|\.\./u;

/** The header is one a server may send, and names a bare, short file, whichever form a browser reads. */
function expectSafeDisposition(header: unknown, what: string) {
  expect(typeof header, what).toBe('string');
  const value = header as string;
  expect(() => validateHeaderValue('content-disposition', value), what).not.toThrow();
  expect(value.length, `${what}: ${value.length} characters`).toBeLessThanOrEqual(800);
  const match = /^attachment; filename="([\x20-\x7e]*)"(?:; filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]+))?$/.exec(value);
  expect(match, `${what}: ${value}`).not.toBeNull();
  const names = [match![1]!, ...(match![2] ? [decodeURIComponent(match![2])] : [])];
  for (const name of names) {
    expect(name, what).not.toMatch(UNSAFE_IN_NAME);
    expect(name.startsWith('.'), what).toBe(false);
    expect(name.length, what).toBeGreaterThan(0);
    expect(Buffer.byteLength(name), what).toBeLessThanOrEqual(200);
  }
}

interface Cell {
  quoted: boolean;
  value: string;
}

/** §8.1 CSV: BOM, `;`, `\n` between lines, fields in `"` with `""` (and `\r`, `\n`, `;` kept inside). */
function parseCsv(text: string): Cell[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = 1;
  while (i < text.length) {
    let cell: Cell;
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quoted field');
        else value += text[i++];
      }
      cell = { quoted: true, value };
    } else {
      let value = '';
      while (i < text.length && text[i] !== ';' && text[i] !== '\n') value += text[i++];
      cell = { quoted: false, value };
    }
    row.push(cell);
    if (text[i] === ';') i++;
    else if (text[i] === '\n' || i >= text.length) {
      rows.push(row);
      row = [];
      i++;
    } else throw new Error(`garbage after a field at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
  }
  return rows;
}

/**
 * Every cell a spreadsheet reads: unquoted ones are numbers, dates or empty (digits and hyphens,
 * or a decimal comma); quoted ones never start with what starts a formula.
 */
function expectInert(csv: string, what: string): string[] {
  const cells = parseCsv(csv).flat();
  for (const cell of cells) {
    if (cell.quoted) expect(cell.value, `${what}: ${JSON.stringify(cell.value)}`).not.toMatch(/^[=+\-@\t\r]/);
    else expect(cell.value, `${what}: ${JSON.stringify(cell.value)}`).toMatch(/^(?:[0-9-]*|\d+,\d+)$/);
  }
  return cells.map((cell) => cell.value);
}

/** Each payload shows as text: the very string, after the `'` that tells a spreadsheet so. */
function expectNeutralised(values: string[], payloads: readonly string[], what: string) {
  for (const payload of payloads) expect(values, `${what}: ${JSON.stringify(payload)}`).toContain(`'${payload}`);
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t?.close());

async function signedIn(email: string) {
  const agent = new Agent(t.app);
  await agent.signIn(email, PASSWORD);
  return agent;
}

describe('file names of every download', () => {
  it('the one Content-Disposition helper gives a bare, short, header-safe name whatever it is given', () => {
    for (const name of [...HOSTILE_NAMES, 'a\u0000b', 'x\uD800y', '', '...', '.bashrc', `${'漢'.repeat(300)}-0b6a-2026-09-01.csv`]) {
      expectSafeDisposition(attachmentDisposition(name), JSON.stringify(name.slice(0, 30)));
    }
    // The end of a long name — the campaign id and the date — survives the shortening.
    expect(attachmentDisposition(`Resultats-${'漢'.repeat(255)}-0b6a1c2e-2026-09-01.csv`)).toMatch(/-0b6a1c2e-2026-09-01\.csv$/);
    // An ASCII name needs no second form.
    expect(attachmentDisposition('modele-import-eleves.csv')).toBe('attachment; filename="modele-import-eleves.csv"');
  });

  it('campaign exports named after hostile campaign names', async () => {
    const db = t.database.db;
    const team = await createTeam(db, { type: 'SCO', isManagingStudents: true });
    const agent = await signedIn(team.member.email);
    for (const name of HOSTILE_NAMES) {
      const campaign = await createCampaign(db, t.content.release, { organizationId: team.organization.id, ownerId: team.admin.id, name });
      const response = await agent.get<string>(`/api/campaigns/${campaign.id}/export.csv`);
      expect(response.status, name).toBe(200);
      expectSafeDisposition(response.headers['content-disposition'], `campaign ${JSON.stringify(name.slice(0, 30))}`);
    }
  });

  it('the parcours PDF of a parcours with a hostile name', async () => {
    const db = t.database.db;
    const team = await createTeam(db);
    const agent = await signedIn(team.member.email);
    for (const [index, name] of HOSTILE_NAMES.entries()) {
      const id = `tp-hostile-${index}`;
      await db.insert(targetProfiles).values({
        id,
        name,
        category: 'CUSTOM',
        locales: ['fr'],
        tubes: [{ tubeId: t.content.release.tubes[0]!.id, level: 2 }],
        stages: [],
        badges: [],
        origin: 'custom',
        ownerOrganizationId: team.organization.id,
      });
      const response = await agent.get<string>(`/api/organizations/${team.organization.id}/target-profiles/${id}/pdf`);
      expect(response.status, name).toBe(200);
      expect(response.body.startsWith('%PDF-')).toBe(true);
      expectSafeDisposition(response.headers['content-disposition'], `parcours ${JSON.stringify(name.slice(0, 30))}`);
    }
  });
});

/**
 * A SCO school with the certification results tab, and for each class a published sitting where
 * one pupil per hostile text passed: the class results CSV and the certificates PDF read them.
 */
async function certifiedClass(division: string, texts: readonly string[], statuses: readonly ResultStatus[]) {
  const db = t.database.db;
  const team = await createTeam(db, { type: 'SCO', isManagingStudents: true, name: texts[0] });
  await db.execute(sql`insert into organization_features (organization_id, feature) values (${team.organization.id}, 'CERTIFICATION_RESULTS')`);
  const [sitting] = await db
    .insert(certificationSittings)
    .values({ centerId: team.organization.id, address: texts[1 % texts.length]!, room: 'CDI', date: '2026-06-12', time: '09:00', invigilatorName: 'M. Surveillant', accessCode: randomUUID().slice(0, 6).toUpperCase(), createdBy: team.admin.id, status: 'published' })
    .returning({ id: certificationSittings.id });
  for (const [index, text] of texts.entries()) {
    const pupil = await createUser(db, { firstName: text, lastName: text });
    const learner = await createLearner(db, team.organization.id, { firstName: text, lastName: text, birthdate: '2011-05-04', division, userId: pupil.id });
    const [candidate] = await db
      .insert(certificationCandidates)
      .values({
        sittingId: sitting!.id,
        firstName: text,
        lastName: text,
        sortKey: learnerSortKey(text, text),
        birthdate: '2011-05-04',
        birthCity: text,
        birthCountry: text,
        externalId: text,
        organizationLearnerId: learner.id,
        userId: pupil.id,
        authorizedAt: new Date(),
      })
      .returning({ id: certificationCandidates.id });
    const [course] = await db
      .insert(certificationCourses)
      .values({ candidateId: candidate!.id, sittingId: sitting!.id, userId: pupil.id, startedAt: new Date(), endedAt: new Date(), endReason: 'COMPLETED' })
      .returning({ id: certificationCourses.id });
    await db.insert(certificationResults).values({
      courseId: course!.id,
      status: statuses[index % statuses.length]!,
      pixScore: 312,
      competenceLevels: {},
      answerCount: 32,
      publicComment: text,
      verificationCode: `J-${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`,
      computedAt: new Date(),
    });
  }
  return { team, agent: await signedIn(team.admin.email) };
}

type ResultStatus = 'validated' | 'rejected' | 'cancelled';

describe('formula injection in every exported CSV', () => {
  it('campaign results of each campaign type: organization, campaign, parcours, badge, external-id label, names, class, group, student number, external id', async () => {
    const db = t.database.db;
    // The parcours and its badge are named by whoever edits the catalogue: hostile too.
    await db.execute(sql`update target_profiles set name = ${FORMULAS[2]}, badges = ${JSON.stringify([{ key: 'hostile', title: FORMULAS[3] }])}::jsonb where id = 'tp-arts-plastiques-cycle-4'`);
    const sco = await createTeam(db, { type: 'SCO', isManagingStudents: true, name: FORMULAS[0] });
    const sup = await createTeam(db, { type: 'SUP', isManagingStudents: true, name: FORMULAS[1] });
    for (const [organization, fields] of [
      [sco, (text: string) => ({ division: text })],
      [sup, (text: string) => ({ group: text, studentNumber: text })],
    ] as const) {
      const agent = await signedIn(organization.member.email);
      for (const [index, type] of (['ASSESSMENT', 'EXAM', 'PROFILES_COLLECTION'] as const).entries()) {
        const campaign = await createCampaign(db, t.content.release, {
          organizationId: organization.organization.id,
          ownerId: organization.admin.id,
          type,
          name: FORMULAS[index + 3]!,
          externalIdLabel: FORMULAS[(index + 4) % FORMULAS.length]!,
        });
        for (const text of FORMULAS) {
          const pupil = await createUser(db, { firstName: text, lastName: text });
          const learner = await createLearner(db, organization.organization.id, { firstName: text, lastName: text, birthdate: '2012-01-02', userId: pupil.id, ...fields(`${text}${index}`) });
          await db.insert(participations).values({ campaignId: campaign.id, userId: pupil.id, organizationLearnerId: learner.id, status: 'STARTED', participantExternalId: text });
        }
        const response = await agent.get<string>(`/api/campaigns/${campaign.id}/export.csv`);
        const what = `${type} export of a ${organization === sco ? 'SCO' : 'SUP'} organization`;
        expect(response.status, what).toBe(200);
        const values = expectInert(response.body, what);
        expectNeutralised(values, FORMULAS, what);
        expectNeutralised(values, FORMULAS.map((text) => `${text}${index}`), `${what}, class / group / student number`);
        // What the product itself writes stays a number or a date: the start date, the progression.
        const lines = parseCsv(response.body);
        expect(lines).toHaveLength(1 + FORMULAS.length);
        const header = lines[0]!.map((cell) => cell.value);
        const start = header.indexOf('Date de début');
        if (start >= 0) expect(lines[1]![start]).toEqual({ quoted: false, value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
        const progression = header.indexOf('% de progression');
        if (progression >= 0) expect(lines[1]![progression]).toEqual({ quoted: false, value: '0,00' });
      }
    }
  });

  it('certification results of a class: names, birthplace, external id, jury comment', async () => {
    // The class name is in the file name only; the query trims it, so whitespace payloads stay in the cells.
    for (const division of ['=HYPERLINK("http://x")', '@SUM(1)']) {
      // Each status writes its own figures: a score, `0`, and the `-` of a cancelled test.
      const { team, agent } = await certifiedClass(division, FORMULAS, ['validated', 'rejected', 'cancelled']);
      const response = await agent.get<string>(`/api/organizations/${team.organization.id}/certification-results/export?division=${encodeURIComponent(division)}`);
      expect(response.status, division).toBe(200);
      const values = expectInert(response.body, `class ${division}`);
      expectNeutralised(values, FORMULAS, `class ${division}`);
      expectSafeDisposition(response.headers['content-disposition'], `class ${division}`);
      const rows = parseCsv(response.body).slice(1);
      // The `-` of a cancelled test and the dates DD/MM/YYYY are the product's own: untouched.
      expect(rows.map((row) => row[7]!.value).sort()).toEqual(['-', '-', '0', '0', '312', '312']);
      expect(rows.every((row) => row.at(-1)!.value === '12/06/2026')).toBe(true);
    }
  });

  it('pupil credentials: class and names', async () => {
    const db = t.database.db;
    const team = await createTeam(db, { type: 'SCO', isManagingStudents: true });
    const agent = await signedIn(team.member.email);
    const ids: string[] = [];
    for (const [index, text] of FORMULAS.entries()) {
      // A username is made of the letters of the names: each pupil has some.
      const learner = await createLearner(db, team.organization.id, { firstName: `${text}Léa`, lastName: `${text}Roux${'abcdef'[index]}`, birthdate: '2012-03-04', division: text });
      ids.push(learner.id);
    }
    const response = await agent.post<string>(`/api/organizations/${team.organization.id}/learners/credentials`, { learnerIds: ids, action: 'GENERATE' });
    expect(response.status).toBe(200);
    const values = expectInert(response.body, 'credentials');
    expectNeutralised(values, FORMULAS, 'credentials, class');
    expectNeutralised(values, FORMULAS.map((text) => `${text}Léa`), 'credentials, first name');
  });
});

describe('PDFs drawn from hostile names', () => {
  it('the certificates of a class whose pupils have hostile names are generated whole', async () => {
    const texts = ['<script>alert(1)</script>', '\u202Eevil\u202C', '👩‍👩‍👧‍👦🇫🇷', '漢字テスト مرحبا', 'A'.repeat(2000), "=cmd|' /C calc'!A0"];
    const division = '3e "A"/../x';
    const { team, agent } = await certifiedClass(division, texts, ['validated']);
    const response = await agent.get<string>(`/api/organizations/${team.organization.id}/certification-results/certificates?division=${encodeURIComponent(division)}`);
    expect(response.status).toBe(200);
    expect(response.body.startsWith('%PDF-')).toBe(true);
    expect(response.body.trimEnd().endsWith('%%EOF')).toBe(true);
    // A page (at least) for each pupil: none was dropped or cut short by its name.
    expect(response.body.match(/\/Type \/Page\b/g)!.length).toBeGreaterThanOrEqual(texts.length);
    expectSafeDisposition(response.headers['content-disposition'], 'class certificates');
  });
});

describe('files served by path', () => {
  it('no encoded traversal leaves the web app folder or the content assets', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-web-'));
    const webDist = path.join(root, 'dist');
    fs.mkdirSync(path.join(webDist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Jalon</title>');
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("app")');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET');
    const web = await createTestApp({ startJobs: false, configOverrides: { webDist } });
    try {
      expect((await web.app.inject({ url: '/assets/app.js' })).body).toContain('console.log');
      for (const url of [
        '/../secret.txt',
        '/..%2fsecret.txt',
        '/%2e%2e/secret.txt',
        '/%2e%2e%2fsecret.txt',
        '/assets/..%2f..%2fsecret.txt',
        '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
        '/assets/..%5c..%5csecret.txt',
        '/%252e%252e%252fsecret.txt',
        '/assets/app.js%00.txt',
        '/secret.txt%00',
        '/%c0%ae%c0%ae/secret.txt',
        '/api/content/..%2f..%2f..%2fpackage.json',
        '/api/content/%2e%2e/%2e%2e/package.json',
        '/api/content/x%00',
      ]) {
        const response = await web.app.inject({ url });
        expect(response.statusCode, url).toBeLessThan(500);
        expect(response.body, url).not.toContain('TOP-SECRET');
        expect(response.body, url).not.toContain('"workspaces"');
        // Either a refusal with our code, or the web app's own page for an unknown browser path.
        if (response.statusCode >= 400) expect(response.body, url).toMatch(/"code":"[A-Z_]+"/);
        else expect(response.body, url).toContain('<title>Jalon</title>');
      }
    } finally {
      await web.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
