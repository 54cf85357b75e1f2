import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siecleXml, zip, type SieclePupil } from '../apps/api/test/support/siecle';
import { startApi, type ApiServer } from '../bench/support/api-server';
import { SignInForm } from './pages/auth';
import { Campaigns } from './pages/campaigns';
import { Orga } from './pages/orga';
import { expectAccessible, launchBrowser, newVisitor, screenshot } from './support/browser';

const PASSWORD = 'Jalon-demo-2026';
const UAI = '0219999E';

// The pupils of the demo fixture as SIECLE lists them, and one newcomer in 3B.
const FIXTURE_PUPILS: SieclePupil[] = [
  { eleveId: '4101', ine: '123456789AB', firstName: 'Charles', lastName: 'Durand', birthdate: '14/03/2010', division: '3A' },
  { eleveId: '4102', ine: '123456790AC', firstName: 'Louis', lastName: 'Bernard', birthdate: '02/07/2010', division: '3A' },
  { eleveId: '4103', ine: '123456791AD', firstName: 'Garance', lastName: 'Leroy', birthdate: '21/11/2010', division: '3A' },
  { eleveId: '4104', ine: '123456792AE', firstName: 'Inès', lastName: 'Moreau', birthdate: '09/01/2010', division: '3B' },
  { eleveId: '4105', ine: '123456793AF', firstName: 'Noé', lastName: 'Séverin', birthdate: '30/05/2010', division: '3B' },
].map((pupil) => ({ ...pupil, countryCode: '100', cityCode: '21231', city: 'DIJON', provinceCode: '021', mefCode: '10310019110', status: 'ST' }));

// Its own server: these journeys link the demo pupils to accounts (Médiacentre, username),
// which the other files' journeys, sharing the global server, must not find already done.
let server: ApiServer;
let dataDir: string;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-e2e-learners-'));
  const log = fs.createWriteStream(path.join(dataDir, 'server.log'));
  server = await startApi({ env: { JALON_DATA_DIR: dataDir, JALON_DEMO: 'on', LOG_LEVEL: 'warn', NODE_ENV: 'test' }, output: log });
  baseUrl = server.url;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function orgaAs(email: string) {
  const visitor = await newVisitor(browser, baseUrl);
  await new Orga(visitor.page).signInAs(email, PASSWORD);
  return visitor;
}

async function openPupils(page: Page) {
  await page.goto('/orga/eleves');
  await page.getByTestId('learners-table').or(page.getByTestId('no-learners')).first().waitFor();
}

function pupilRow(page: Page, lastName: string) {
  return page.getByTestId('learner-row').filter({ hasText: lastName });
}

async function importFile(page: Page, file: { name: string; buffer: Buffer }) {
  await page.goto('/orga/eleves/import');
  await page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
  await page.getByTestId('import-submit').click();
}

/** The banner's final status text, once the job has finished with that file. */
async function finalImportStatus(page: Page, fileName: string): Promise<string> {
  const banner = page.getByTestId('import-banner');
  const status = banner.getByTestId('import-banner-status');
  await expect
    .poll(async () => ((await banner.count()) > 0 && (await banner.innerText()).includes(fileName) ? status.innerText() : ''), { timeout: 60_000 })
    .toMatch(/Import réussi|Aucune donnée n’a été modifiée/);
  return status.innerText();
}

describe('« Élèves »: imports, Médiacentre sign-in and pupil accounts (issue 7; seed items 6, 7, 18, 19)', () => {
  it('Alice imports a SIECLE file of the fixture’s pupils; the list shows them with their classes', async () => {
    const { context, page } = await orgaAs('alice.martin@example.org');
    await new Orga(page).menuEntry('Élèves').click();
    await page.getByTestId('learners-table').waitFor();
    await page.getByTestId('learners-import').click();
    await page.getByTestId('learner-import-page').waitFor();
    await expectAccessible(page);

    await importFile(page, { name: 'ElevesSansAdresses.zip', buffer: zip([{ name: 'ElevesSansAdresses.xml', content: siecleXml({ uai: UAI, pupils: FIXTURE_PUPILS }) }]) });
    expect(await finalImportStatus(page, 'ElevesSansAdresses.zip')).toContain('Import réussi');
    await screenshot(page, 'orga-import-siecle');
    await expectAccessible(page);

    await openPupils(page);
    await pupilRow(page, 'Séverin').waitFor();
    expect(await pupilRow(page, 'Séverin').getByTestId('learner-division').innerText()).toBe('3B');
    expect(await pupilRow(page, 'Durand').getByTestId('learner-division').innerText()).toBe('3A');
    expect(await page.getByTestId('learner-row').count()).toBe(5);
    await expectAccessible(page);
    await screenshot(page, 'orga-pupils');
    await context.close();
  });

  it('a malformed SIECLE file (wrong UAI, missing INE, an entity bomb, a zip bomb) is refused with clear errors and changes nothing', async () => {
    const { context, page } = await orgaAs('alice.martin@example.org');
    await openPupils(page);
    const before = await page.getByTestId('learner-row').allInnerTexts();

    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const files = [
      { name: 'autre-college.zip', buffer: zip([{ name: 'eleves.xml', content: siecleXml({ uai: '0210001A', pupils: FIXTURE_PUPILS }) }]), says: /établissement|UAI/i },
      {
        name: 'sans-ine.xml',
        buffer: siecleXml({ uai: UAI, pupils: [...FIXTURE_PUPILS, { ...FIXTURE_PUPILS[0]!, eleveId: '4199', ine: null, lastName: 'Sansine' }] }),
        says: /ELEVE_ID 4199/,
      },
      {
        name: 'bombe.xml',
        buffer: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE BEE_ELEVES [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n<BEE_ELEVES><PARAMETRES><UAJ>&lol9;</UAJ></PARAMETRES></BEE_ELEVES>\n`),
        says: /.+/,
      },
      { name: 'bombe.zip', buffer: zip([{ name: 'eleves.xml', content: Buffer.alloc(50 * 1024 * 1024), declaredSize: 1000 }]), says: /.+/ },
    ];
    for (const file of files) {
      await importFile(page, file);
      expect(await finalImportStatus(page, file.name), file.name).toMatch(/Aucune donnée n’a été modifiée/);
      const errors = page.getByTestId('import-banner-errors');
      await errors.waitFor();
      expect(await errors.innerText(), file.name).toMatch(file.says);
      await screenshot(page, `orga-import-refused-${file.name.replace(/\W+/g, '-')}`);
    }
    await expectAccessible(page);

    await openPupils(page);
    expect(await page.getByTestId('learner-row').allInnerTexts()).toEqual(before);
    await context.close();
  });

  it('Charles signs in through the demonstration Médiacentre, types the code, gives his birthdate and lands on the campaign; « Élèves » shows « Médiacentre »', async () => {
    const bruno = await orgaAs('bruno.petit@example.org');
    const { code } = await new Campaigns(bruno.page).createArtsAssessment('Arts plastiques — Médiacentre');

    const { context, page } = await newVisitor(browser, baseUrl);
    await page.goto('/connexion');
    await page.getByRole('link', { name: /Médiacentre de démonstration/ }).click();
    await expectAccessible(page);
    await screenshot(page, 'demo-mediacentre');
    await page.getByRole('button', { name: 'Ouvrir Jalon en tant que Charles Durand' }).click();
    await page.getByLabel('Code de la campagne').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Code de la campagne').fill(code);
    await page.getByLabel('Jour').fill('14');
    await page.getByLabel('Mois').fill('03');
    await page.getByLabel('Année').fill('2010');
    await screenshot(page, 'mediacentre-first-sign-in');
    await page.getByRole('button', { name: 'Je rejoins la campagne' }).click();
    await page.waitForURL((url) => url.pathname === `/campagnes/${code}/presentation`);
    await page.getByTestId('campaign-landing').waitFor();
    await expectAccessible(page);

    await openPupils(bruno.page);
    const charles = pupilRow(bruno.page, 'Durand');
    await charles.waitFor();
    expect(await charles.getByTestId('learner-login-methods').innerText()).toContain('Médiacentre');
    await screenshot(bruno.page, 'orga-pupils-mediacentre');
    await Promise.all([context.close(), bruno.context.close()]);
  });

  it('Bruno creates a username and a temporary password for Inès, who signs in with them and must choose her own password', async () => {
    const bruno = await orgaAs('bruno.petit@example.org');
    await openPupils(bruno.page);
    const ines = pupilRow(bruno.page, 'Moreau');
    await ines.waitFor();
    await ines.getByRole('button', { name: /Gérer le compte/ }).click();
    const dialog = bruno.page.getByTestId('manage-account-dialog');
    await dialog.waitFor();
    await expectAccessible(bruno.page);
    await dialog.getByTestId('create-account').click();
    await dialog.getByTestId('temporary-password').waitFor();
    const username = await dialog.getByTestId('pupil-account-username').innerText();
    const temporary = await dialog.getByTestId('temporary-password').innerText();
    expect(username).toMatch(/ines\.moreau\d{4}/);
    expect(temporary).toMatch(/^[A-Z][a-z]{5}\d{2}$/);
    await screenshot(bruno.page, 'orga-manage-account');
    await expectAccessible(bruno.page);

    const { context, page } = await newVisitor(browser, baseUrl);
    const signIn = new SignInForm(page);
    await signIn.open('/connexion');
    await signIn.submit(username.match(/ines\.moreau\d{4}/)![0], temporary);
    await page.getByTestId('password-change-required').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Nouveau mot de passe').fill('Ines-choisit-2026');
    await page.getByTestId('change-password-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/changer-mot-de-passe'));
    expect(await page.getByTestId('password-change-required').count()).toBe(0);

    await openPupils(bruno.page);
    expect(await pupilRow(bruno.page, 'Moreau').getByTestId('learner-login-methods').innerText()).toContain('Identifiant');
    await Promise.all([context.close(), bruno.context.close()]);
  });
});
