import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiServer } from '../bench/support/api-server';
import { Admin } from './pages/admin';
import { SignInForm } from './pages/auth';
import { CertificationCandidate, Certif, Jury, OrgaCertifications, Verification, type Candidate } from './pages/certif';
import { Orga } from './pages/orga';
import { expectAccessible, launchBrowser, newVisitor, screenshot } from './support/browser';

const PASSWORD = 'Jalon-demo-2026';
const CHARLES: Candidate = { firstName: 'Charles', lastName: 'Durand', birthdate: '14/03/2010' };
const INES: Candidate = { firstName: 'Inès', lastName: 'Moreau', birthdate: '09/01/2010' };
/** The core framework's 16 competences, columns 9–24 of the class CSV (`analytics-and-exports.md` §8.4). */
const COMPETENCE_COLUMNS = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '5.1', '5.2'];
const CSV_HEADER = [
  'Numéro de certification',
  'Prénom',
  'Nom',
  'Date de naissance',
  'Lieu de naissance',
  'Identifiant Externe',
  'Statut',
  'Nombre de Pix',
  ...COMPETENCE_COLUMNS,
  "Commentaire jury pour l'organisation",
  'Numéro de session',
  'Date de passage de la certification',
];
/** The verification code's alphabet (no 0, 1, I, L, O). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

// Its own server: the journey gives the demo pupils accounts and a certification, which
// the other files' journeys, sharing the global server, must not find already done.
let server: ApiServer;
let dataDir: string;
let baseUrl: string;
let browser: Browser;
const opened: BrowserContext[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-e2e-certification-'));
  const log = fs.createWriteStream(path.join(dataDir, 'server.log'));
  server = await startApi({ env: { JALON_DATA_DIR: dataDir, JALON_DEMO: 'on', LOG_LEVEL: 'warn', NODE_ENV: 'test' }, output: log });
  baseUrl = server.url;
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(opened.map((context) => context.close()));
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function visitor(): Promise<Page> {
  const { context, page } = await newVisitor(browser, baseUrl);
  opened.push(context);
  return page;
}

/**
 * axe on one state of a page whose address does not change (`/certification` shows the entry
 * form, the waiting screen, then the access code; the test page its questions, then the
 * end): `expectAccessible` checks each address once, so these states would go unchecked.
 */
async function expectStateAccessible(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${state}`).toEqual([]);
}

/** Today in Paris, `YYYY-MM-DD`: the sitting's date, and the day the test is taken. */
function todayInParis(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A `;` CSV as the exports write it (§8.1): quoted fields with doubled quotes, CRLF or LF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The text a PDF shows, line by line: pdfkit writes each line of built-in Helvetica as a
 * `[<hex> kerning <hex>] TJ` array inside deflated content streams.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n/g)) {
    const start = stream.index + stream[0].length;
    let content: string;
    try {
      content = zlib.inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a deflated content stream (a font, an image)
    }
    for (const shown of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      lines.push([...shown[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('\n');
}

/** A code of the right shape that is not `code`: each character moved one place along the alphabet. */
function forged(code: string): string {
  const shifted = [...code.slice(2)].map((c) => CODE_ALPHABET[(CODE_ALPHABET.indexOf(c) + 1) % CODE_ALPHABET.length]).join('');
  return `J-${shifted}`;
}

/**
 * Alice gives the pupil a username and a temporary password (« Gérer le compte »); the
 * pupil signs in with them and chooses a password. Returns the pupil's signed-in page.
 */
async function pupilAccount(alice: Page, pupil: Candidate): Promise<Page> {
  await alice.goto('/orga/eleves');
  const row = alice.getByTestId('learner-row').filter({ hasText: pupil.lastName });
  await row.getByRole('button', { name: /Gérer le compte/ }).click();
  const dialog = alice.getByTestId('manage-account-dialog');
  await dialog.getByTestId('create-account').click();
  const username = ((await dialog.getByTestId('pupil-account-username').innerText()).match(/[\w.]+\d{4}/) ?? [''])[0];
  const temporary = await dialog.getByTestId('temporary-password').innerText();
  expect(username).not.toBe('');

  const page = await visitor();
  const signIn = new SignInForm(page);
  await signIn.open('/connexion');
  await signIn.submit(username, temporary);
  await page.getByTestId('password-change-required').waitFor();
  await page.getByLabel('Nouveau mot de passe').fill(`${pupil.firstName}-certif-2026`);
  await page.getByTestId('change-password-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/changer-mot-de-passe'));
  return page;
}

/**
 * The pupil's live profile gets level 1 in 5 core competences through the test-support
 * route of non-production builds (`apps/api/src/modules/support`): a journey of the
 * certification cannot spend an hour of « Je me teste » first.
 */
async function makeCertifiable(admin: Page, pupil: Page) {
  const me = await pupil.request.get('/api/me');
  const { id } = (await me.json()) as { id: string };
  const csrf = (await admin.context().cookies()).find((c) => c.name === 'jalon_csrf')?.value ?? '';
  const written = await admin.request.post(`/api/admin/users/${id}/certifiable-profile`, { headers: { 'x-csrf-token': csrf } });
  expect(written.status(), await written.text()).toBe(201);
}

describe('the certification from sitting to verification (issue 8, « Done when »)', () => {
  let alice: Page;
  let admin: Page;
  let bruno: Page;
  let charles: Page;
  let ines: Page;
  let sitting: { number: string; accessCode: string; url: string };
  let code = '';
  let pix = '';

  it('Charles (3A) and Inès (3B) get accounts linked to the roster and a certifiable profile', async () => {
    alice = await visitor();
    await new Orga(alice).signInAs('alice.martin@example.org', PASSWORD);
    admin = await visitor();
    await new Admin(admin).signInAs('admin@example.org', PASSWORD);

    charles = await pupilAccount(alice, CHARLES);
    ines = await pupilAccount(alice, INES);
    for (const pupil of [charles, ines]) {
      await makeCertifiable(admin, pupil);
      await pupil.goto('/');
      await pupil.getByTestId('home-certification').waitFor();
    }
    await expectAccessible(charles);
    await screenshot(charles, 'certification-home-certifiable');
  });

  it('Bruno, invigilator of the centre, creates a sitting and enrols Charles and Inès from their classes', async () => {
    bruno = await visitor();
    const certif = new Certif(bruno);
    await certif.signInAs('bruno.petit@example.org', PASSWORD);
    await expectAccessible(bruno);
    sitting = await certif.createSitting({
      address: '12 rue Victor-Hugo, 21000 Dijon',
      room: 'Salle informatique B12',
      date: todayInParis(),
      time: '09:00',
      invigilatorName: 'Bruno Petit',
    });
    expect(sitting.number).toMatch(/^\d+$/);
    expect(sitting.accessCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    await expectAccessible(bruno);

    await certif.enrolFromClass('3A', ['Durand']);
    await certif.enrolFromClass('3B', ['Moreau']);
    await certif.candidateRow('Moreau').waitFor();
    expect(await bruno.getByTestId('candidate-row').count()).toBe(2);
    for (const lastName of ['Durand', 'Moreau']) {
      expect(await certif.candidateRow(lastName).getByTestId('candidate-eligibility').innerText()).toBe('Certifiable');
    }
    expect(await bruno.getByTestId('not-certifiable-warning').count()).toBe(0);
    await screenshot(bruno, 'certif-candidates');
  });

  it('both enter the sitting, Bruno authorises them in the console, and they answer to the end with the access code', async () => {
    const certif = new Certif(bruno);
    await certif.openConsole();
    await expectAccessible(bruno);

    for (const [page, candidate] of [
      [charles, CHARLES],
      [ines, INES],
    ] as const) {
      const entry = new CertificationCandidate(page);
      await entry.openFromHome();
      await expectAccessible(page);
      await entry.enter(sitting.number, candidate);
      await expectStateAccessible(page, 'the waiting screen');
      await certif.authorize(candidate.lastName);
      await entry.waitForAuthorization();
      await expectStateAccessible(page, 'the access code');
      await entry.startWithCode(sitting.accessCode);
      await expectAccessible(page);
      await screenshot(page, `certification-question-${candidate.lastName.toLowerCase()}`);
      await certif.waitForState(candidate.lastName, 'IN_PROGRESS');
      expect(await entry.answerToTheEnd()).toBe(32);
      await expectStateAccessible(page, 'the end of the test');
      await screenshot(page, `certification-ended-${candidate.lastName.toLowerCase()}`);
      await certif.waitForState(candidate.lastName, 'FINISHED');
    }
    await screenshot(bruno, 'certif-console-finished');
    expect(await certif.consoleRow('Durand').getByTestId('console-progress').innerText()).toMatch(/32/);
  });

  it('Bruno finalises the sitting and the instance admin publishes it', async () => {
    await new Certif(bruno).finalize('Session sans incident.');
    await bruno.reload();
    expect(await bruno.getByTestId('sitting-status').innerText()).toBe('Finalisée');

    await new Jury(admin).publish(sitting.number);
    await expectAccessible(admin);
    await screenshot(admin, 'admin-jury-published');
  });

  it('Charles reads his result and verification code in « Mes certifications »', async () => {
    await charles.goto('/mes-certifications');
    const mine = charles.getByTestId('my-certification');
    await mine.waitFor();
    expect(await mine.getByTestId('my-certification-status').innerText()).toMatch(/^Validée/);
    pix = (await mine.getByTestId('my-certification-score').innerText()).match(/^(\d+) pix$/)?.[1] ?? '';
    expect(pix).not.toBe('');
    code = (await mine.getByTestId('my-certification-code').innerText()).trim();
    expect(code).toMatch(/^J-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    await expectAccessible(charles);
    await screenshot(charles, 'my-certifications');
  });

  it('Alice downloads the 3A results (CSV, parsed) and certificates (PDF, one page for Charles)', async () => {
    const results = new OrgaCertifications(alice);
    await results.open();
    await results.chooseDivision('3A');
    await expectAccessible(alice);
    await screenshot(alice, 'orga-certifications-3a');

    const csv = await results.csv();
    const day = todayInParis();
    expect(csv.name).toBe(`${day.replaceAll('-', '')}_resultats_3A.csv`);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((name, i) => [name, rows[0]![i]]));
    expect(rows[0]).toHaveLength(27);
    expect(row['Prénom']).toBe('Charles');
    expect(row['Nom']).toBe('Durand');
    expect(row['Date de naissance']).toBe('14/03/2010');
    expect(row['Statut']).toBe('Validée');
    expect(row['Nombre de Pix']).toBe(pix);
    for (const competence of COMPETENCE_COLUMNS) expect(row[competence], competence).toMatch(/^(-|[0-8])$/);
    expect(row['Numéro de session']).toBe(sitting.number);
    const [year, month, date] = day.split('-');
    expect(row['Date de passage de la certification']).toBe(`${date}/${month}/${year}`);
    expect(row['Numéro de certification']).toMatch(/^[0-9a-f-]{36}$/);

    const pdf = await results.pdf();
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.body.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    const certificate = pdfText(pdf.body);
    expect(certificate).toContain('Charles DURAND');
    expect(certificate).toContain('Né(e) le 14/03/2010');
    expect(certificate).toContain(`${pix} pix`);
    expect(certificate).toContain(code);
    const shots = process.env.JALON_E2E_SHOTS ?? path.join(os.tmpdir(), 'jalon-e2e-shots');
    fs.mkdirSync(shots, { recursive: true });
    fs.writeFileSync(path.join(shots, 'certificats-3A.pdf'), pdf.body);
  });

  it('the public verification page confirms Charles’s code and rejects a forged one', async () => {
    const page = await visitor();
    const verification = new Verification(page);
    await verification.check(code.toLowerCase());
    const result = page.getByTestId('verification-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('Charles');
    expect(await result.innerText()).toContain('Durand');
    expect(await page.getByTestId('verification-score').innerText()).toBe(`${pix} pix`);
    await expectAccessible(page);
    await screenshot(page, 'verification-confirmed');

    await verification.check(forged(code));
    await page.getByTestId('form-errors').waitFor();
    expect(await page.getByTestId('form-errors').innerText()).toContain('Aucun certificat ne correspond à ce code');
    expect(await result.count()).toBe(0);
    await screenshot(page, 'verification-forged');
  });
});
