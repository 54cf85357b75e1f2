import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

async function joins(page: Page, code: string, firstName: string, lastName: string): Promise<Learner> {
  const learner = new Learner(page);
  await learner.joinAsNewcomer(code.toLowerCase(), firstName, lastName);
  return learner;
}

describe('following a campaign in Orga (issue 6, items 1–2)', () => {
  it('one sent, one unfinished, one finished but unsent: the cards, the donut 1/1/1, the table and the results', async () => {
    const { context, page } = await newVisitor(browser, baseUrl);
    await new Orga(page).signInAs('dominique.roux@example.org', PASSWORD);
    const { code, campaignId } = await new Campaigns(page).createArtsAssessment('Suivi — atelier');

    const pupils = await Promise.all(Array.from({ length: 3 }, () => newVisitor(browser, baseUrl)));
    const charles = await joins(pupils[0]!.page, code, 'Charles', 'Durand');
    await charles.answerToTheEnd({ kind: 'first-option' });
    await charles.sendResults();
    const louis = await joins(pupils[1]!.page, code, 'Louis', 'Bernard');
    await louis.answer({ kind: 'first-option' });
    const garance = await joins(pupils[2]!.page, code, 'Garance', 'Leroy');
    await garance.answerToTheEnd({ kind: 'skip' });
    await pupils[2]!.page.getByTestId('campaign-results-page').waitFor();

    const followUp = new FollowUp(page);
    await followUp.openActivity(campaignId);
    expect(await followUp.card('card-participants')).toBe('3');
    expect(await followUp.card('card-shared')).toBe('1');
    expect([await followUp.donutCount('STARTED'), await followUp.donutCount('TO_SHARE'), await followUp.donutCount('SHARED')]).toEqual([1, 1, 1]);
    expect(await followUp.statuses()).toEqual(['En cours', 'Résultats reçus', 'En attente d’envoi']);
    expect(await followUp.row('Bernard').getByTestId('participant-progression').innerText()).toMatch(/^\d+ %$/);
    await expectAccessible(page);
    await screenshot(page, 'follow-up-activity');

    await followUp.search('garanse');
    await expect.poll(() => followUp.statuses()).toEqual(['En attente d’envoi']);

    await followUp.openActivity(campaignId);
    await followUp.row('Durand').getByTestId('see-results').click();
    await page.getByTestId('participant-page').waitFor();
    // Charles's page: his mastery and per-competence results, then his analysis with tutorials.
    expect(await page.getByTestId('participant-mastery').innerText()).toMatch(/\d+ %/);
    expect(await page.getByTestId('participant-competence').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.getByTestId('participant-tab-analysis').click();
    await page.getByTestId('participant-analysis').waitFor();
    await page.getByTestId('tube-tutorials-toggle').first().click();
    expect(await page.getByTestId('analysis-tutorial').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'follow-up-participant-analysis');

    // The class as a whole: « Analyse » ranks topics, « Résultats collectifs » gauges the competences.
    await page.goto(`/orga/campagnes/${campaignId}/analyse`);
    await page.getByTestId('analysis-tube').first().waitFor();
    expect(await page.getByTestId('analysis-count').innerText()).toContain('1');
    await expectAccessible(page);
    await page.goto(`/orga/campagnes/${campaignId}/resultats-collectifs`);
    await page.getByTestId('collective-competence').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'follow-up-collective');
    await followUp.openResults(campaignId);
    expect(await followUp.resultRows().count()).toBe(1);
    expect(await followUp.resultRows().first().getByTestId('result-mastery').innerText()).toMatch(/^\d+ %$/);
    await expectAccessible(page);
    await screenshot(page, 'follow-up-results');

    // Keyboard only: « Supprimer la participation » of Louis, confirmed in the dialog.
    await followUp.openActivity(campaignId);
    await followUp.row('Bernard').getByTestId('delete-participation').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-dialog-confirm').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('participation-deleted').waitFor();
    await expect.poll(() => followUp.statuses()).toEqual(['Résultats reçus', 'En attente d’envoi']);
    await expect.poll(() => followUp.card('card-participants')).toBe('2');

    for (const pupil of pupils) await pupil.context.close();
    await context.close();
  });
});
