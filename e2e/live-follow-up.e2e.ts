import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Admin } from './pages/admin';
import { Campaigns } from './pages/campaigns';
import { FollowUp } from './pages/follow-up';
import { Learner } from './pages/learner';
import { Orga } from './pages/orga';
import { expectAccessible, launchBrowser, newVisitor, screenshot } from './support/browser';

const PASSWORD = 'Jalon-demo-2026';
let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

async function joins(page: Page, code: string, firstName: string, lastName: string): Promise<{ learner: Learner; email: string }> {
  const learner = new Learner(page);
  return { learner, email: await learner.joinAsNewcomer(code, firstName, lastName) };
}

/** Splits one `;` line of the export: quoted fields may hold `;` and doubled quotes. */
function csvFields(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(?:;|$)/g)].map((m) => m[1]!.replace(/^"(.*)"$/s, '$1').replaceAll('""', '"')).slice(0, -1);
}

describe('live follow-up, reminders and the export (issue 6)', () => {
  it('the teacher sees pupils start and answer without reloading, nudges the one who did not send, and exports the class', async () => {
    const { context, page } = await newVisitor(browser, baseUrl);
    await new Orga(page).signInAs('dominique.roux@example.org', PASSWORD);
    const { code, campaignId } = await new Campaigns(page).createArtsAssessment('Suivi en direct');

    const followUp = new FollowUp(page);
    await followUp.openActivity(campaignId);
    await expect.poll(() => page.getByTestId('live-state').getAttribute('data-state')).toBe('live');

    // Louis starts in another browser: his row appears in the teacher's open table.
    const louisVisit = await newVisitor(browser, baseUrl);
    const louis = await joins(louisVisit.page, code, 'Louis', 'Bernard');
    await expect.poll(() => followUp.statuses()).toEqual(['En cours']);
    await louis.learner.answer({ kind: 'first-option' });
    await louis.learner.answer({ kind: 'first-option' });
    await expect.poll(() => followUp.row('Bernard').getByTestId('participant-progression').innerText()).toMatch(/^[1-9]\d* %$/);

    // Garance finishes without sending: « En attente d'envoi » shows live too.
    const garanceVisit = await newVisitor(browser, baseUrl);
    const garance = await joins(garanceVisit.page, code, 'Garance', 'Leroy');
    await garance.learner.answerToTheEnd({ kind: 'skip' });
    await garanceVisit.page.getByTestId('campaign-results-page').waitFor();
    await expect.poll(() => followUp.row('Leroy').getByTestId('participant-status').innerText()).toBe('En attente d’envoi');
    await expectAccessible(page);
    await screenshot(page, 'live-follow-up');

    // « Relancer » Garance: a mail and her banner; a second click the same day is refused.
    await followUp.row('Leroy').getByTestId('remind-participant').click();
    await expect.poll(() => page.getByTestId('reminder-sent').innerText()).toContain('a reçu un e-mail');
    await followUp.row('Leroy').getByTestId('remind-participant').click();
    await expect.poll(() => page.getByTestId('form-errors').innerText()).toContain('moins de 24 heures');
    await garanceVisit.page.goto('/');
    await garanceVisit.page.getByTestId('unsent-results-banner').waitFor();

    const adminVisit = await newVisitor(browser, baseUrl);
    await new Admin(adminVisit.page).signInAs('admin@example.org', PASSWORD);
    const outbox = (await (await adminVisit.page.request.get('/api/admin/outbox')).json()) as { items: { to: string; subject: string }[] };
    expect(outbox.items.filter((mail) => mail.to === garance.email).map((mail) => mail.subject)).toEqual(["Vous n'avez pas envoyé vos résultats"]);

    // The export, parsed back column by column.
    const response = await page.request.get(`/api/campaigns/${campaignId}/export.csv`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="Resultats-Suivi_en_direct-[0-9a-f-]+-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await response.text();
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = text.slice(1).trimEnd().split('\n').map(csvFields);
    const column = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(header!.slice(0, 7)).toEqual([
      "Nom de l'organisation",
      'ID Campagne',
      'Code',
      'Nom de la campagne',
      'Nom du Profil Cible',
      'Nom du Participant',
      'Prénom du Participant',
    ]);
    expect(lines.map((row) => column(row, 'Nom du Participant'))).toEqual(['Bernard', 'Leroy']);
    for (const row of lines) {
      expect(column(row, "Nom de l'organisation")).toBe('Association Clic Solidaire');
      expect(column(row, 'ID Campagne')).toBe(campaignId);
      expect(column(row, 'Code')).toBe(code);
      expect(column(row, 'Nom de la campagne')).toBe('Suivi en direct');
      expect(column(row, 'Nom du Profil Cible')).toBe('Arts plastiques cycle 4');
      expect(column(row, 'Partage (O/N)')).toBe('Non');
      expect(column(row, '% maitrise de l\'ensemble des acquis du profil')).toBe('NA');
    }
    const [louisRow, garanceRow] = lines;
    expect(column(louisRow!, 'Prénom du Participant')).toBe('Louis');
    expect(column(louisRow!, '% de progression')).toMatch(/^0,\d\d$/);
    expect(column(garanceRow!, '% de progression')).toBe('1,00');

    for (const visit of [louisVisit, garanceVisit, adminVisit]) await visit.context.close();
    await context.close();
  });
});
