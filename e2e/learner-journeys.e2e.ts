import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignUpForm } from './pages/auth';
import { Campaigns } from './pages/campaigns';
import { Learner } from './pages/learner';
import { Orga } from './pages/orga';
import { expectAccessible, launchBrowser, newVisitor, screenshot } from './support/browser';
import { shiftServerClock } from './support/clock';

const PASSWORD = 'Jalon-demo-2026';
const PUPIL_PASSWORD = 'Eleve-2026-ok';
const DAY = 86_400;
/** A pupil types at human speed; zero-delay typing is faster than any keyboard. */
const KEY_DELAY_MS = 40;
let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

/** Bruno creates a campaign in « Collège Victor-Hugo » and returns its code. */
async function brunoCreates(options: { name: string; collect?: boolean; multipleSendings?: boolean }): Promise<string> {
  const { context, page } = await newVisitor(browser, baseUrl);
  await new Orga(page).signInAs('bruno.petit@example.org', PASSWORD);
  const campaigns = new Campaigns(page);
  await campaigns.openMine();
  await campaigns.openCreation();
  await campaigns.chooseType(options.collect ? 'Collecter les profils Jalon des participants' : 'Évaluer les participants');
  await campaigns.field('Nom de la campagne').fill(options.name);
  if (!options.collect) {
    await campaigns.filterCategory('Disciplinaires');
    await campaigns.chooseParcours('Arts plastiques cycle 4');
  }
  if (options.multipleSendings) await page.getByLabel('Permettre l’envoi multiple des résultats').check();
  await campaigns.submitCreation();
  await page.getByTestId('campaign-page').waitFor();
  await expectAccessible(page);
  const code = await campaigns.code();
  await context.close();
  return code;
}

/** A pupil of the fixture signs up on the campaign's landing page and links their account with their birthdate. */
async function pupilJoins(page: Page, code: string, pupil: { firstName: string; lastName: string; email: string; birthdate: string }) {
  const learner = new Learner(page);
  await learner.enterCode(code.toLowerCase());
  await learner.landing().waitFor();
  await expectAccessible(page);
  await page.getByTestId('campaign-sign-up-tab').click();
  await new SignUpForm(page).submit({ firstName: pupil.firstName, lastName: pupil.lastName, email: pupil.email, password: PUPIL_PASSWORD });
  await page.getByTestId('campaign-start').waitFor();
  await learner.start();
  expect(page.url()).toMatch(/\/rejoindre$/);
  await expectAccessible(page);
  await learner.reconcile(pupil.birthdate);
  await page.getByTestId('reconciliation-confirm').waitFor();
  await expectAccessible(page);
  await page.getByTestId('reconciliation-confirm').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/rejoindre'));
  if (page.url().endsWith('/didacticiel')) {
    await expectAccessible(page);
    await learner.skipTutorialIfShown();
  }
  return learner;
}

describe('the pupil’s journey (issue 5; seed items 13, 16, 19–27)', () => {
  it('Charles joins Bruno’s campaign with the code, answers to the end through the checkpoints and sends; Bruno sees « Résultats reçus »', async () => {
    const code = await brunoCreates({ name: 'Arts plastiques — 3A' });
    expect(code).toMatch(/^[A-HJKMNP-Z]{6}[2-9]{3}$/);

    const { context, page } = await newVisitor(browser, baseUrl);
    const learner = await pupilJoins(page, code, { firstName: 'Charles', lastName: 'Durand', email: 'charles.durand@example.org', birthdate: '14/03/2010' });
    await learner.currentChallenge();
    await expectAccessible(page);
    await screenshot(page, 'learner-challenge');
    const checkpoints = await learner.answerToTheEnd({ kind: 'first-option' });
    expect(checkpoints).toBeGreaterThanOrEqual(2);
    await page.getByTestId('campaign-results-page').waitFor();
    await expectAccessible(page);
    expect(await learner.masteryText()).toMatch(/\d+\s?%/);

    // Back, unsent, asks first; staying keeps the results page (seed item 24).
    await page.goBack();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByTestId('results-share').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/\/resultats$/);

    // Finished but not sent: the teacher sees it waiting (seed item 24).
    const bruno = await newVisitor(browser, baseUrl);
    await new Orga(bruno.page).signInAs('bruno.petit@example.org', PASSWORD);
    const campaigns = new Campaigns(bruno.page);
    await campaigns.openMine();
    await campaigns.openCampaign('Arts plastiques — 3A');
    const row = bruno.page.getByTestId('participant-row').filter({ hasText: 'Durand' });
    await row.waitFor();
    expect(await row.getByTestId('participant-status').innerText()).toBe('En attente d’envoi');

    await learner.sendResults();
    await screenshot(page, 'learner-results-sent');
    await bruno.page.reload();
    await row.waitFor();
    expect(await row.getByTestId('participant-status').innerText()).toBe('Résultats reçus');
    await expectAccessible(bruno.page);
    await bruno.context.close();

    // « Voir mon profil » opens the 16 competences in 5 areas (seed item 22).
    await page.getByTestId('results-profile').click();
    await page.getByTestId('profile-page').waitFor();
    await expect.poll(() => page.getByTestId('competence-card').count()).toBe(16);
    expect(await page.getByTestId('competence-area').count()).toBe(5);
    await expectAccessible(page);
    await context.close();
  });

  it('Inès sends her profile from a profile collection without any question', async () => {
    const code = await brunoCreates({ name: 'Collecte des profils — 3B', collect: true });
    const { context, page } = await newVisitor(browser, baseUrl);
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    await pupilJoins(page, code, { firstName: 'Inès', lastName: 'Moreau', email: 'ines.moreau@example.org', birthdate: '09/01/2010' });
    await page.getByTestId('profile-collection-page').waitFor();
    await expectAccessible(page);
    expect(await page.getByTestId('competence-card').count()).toBe(16);
    await page.getByTestId('collection-share').click();
    await page.getByTestId('collection-sent').waitFor();
    expect(visited.some((url) => url.includes('/assessments/'))).toBe(false);
    await context.close();
  });

  it('Garance fails everything, sends, waits: at 3 days « dans 1 jour », at 4 days « Retenter » starts a new test', async () => {
    const code = await brunoCreates({ name: 'Arts plastiques — retenter', multipleSendings: true });
    const { context, page } = await newVisitor(browser, baseUrl);
    const learner = await pupilJoins(page, code, { firstName: 'Garance', lastName: 'Leroy', email: 'garance.leroy@example.org', birthdate: '21/11/2010' });
    await learner.answerToTheEnd({ kind: 'skip' });
    await page.getByTestId('campaign-results-page').waitFor();
    await learner.sendResults();
    const resultsUrl = page.url();

    try {
      // Days later her session has expired: she signs in again and comes back to her results.
      const comeBack = async () => {
        await page.goto('/connexion');
        await page.getByLabel('Adresse e-mail ou identifiant').fill('garance.leroy@example.org');
        await page.getByLabel('Mot de passe', { exact: true }).fill(PUPIL_PASSWORD);
        await page.getByTestId('sign-in-submit').click();
        await page.waitForURL((url) => url.pathname === '/');
        await page.goto(resultsUrl);
      };
      await shiftServerClock(browser, baseUrl, 3 * DAY);
      await comeBack();
      await page.getByTestId('results-retry-later').waitFor();
      expect(await page.getByTestId('results-retry-later').innerText()).toContain('1 jour');
      expect(await page.getByTestId('results-retry').count()).toBe(0);
      await expectAccessible(page);

      await shiftServerClock(browser, baseUrl, 4 * DAY);
      await comeBack();
      await page.getByTestId('results-retry').click();
      await learner.currentChallenge();
      expect(page.url()).toMatch(/\/assessments\/[\w-]+\/challenges\/1$/);
    } finally {
      await shiftServerClock(browser, baseUrl, 0);
    }
    await context.close();
  });

  it('Louis takes a whole campaign with the keyboard alone', async () => {
    const code = await brunoCreates({ name: 'Au clavier' });
    const { context, page } = await newVisitor(browser, baseUrl);
    const keyboard = page.keyboard;
    /** Presses Tab until the element is focused, as a keyboard user moves through the page. */
    async function tabTo(testId: string) {
      for (let i = 0; i < 60; i++) {
        if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
        await keyboard.press('Tab');
      }
      throw new Error(`${testId} is not reachable with Tab`);
    }
    async function tabToInput(label: string) {
      for (let i = 0; i < 60; i++) {
        if (await page.evaluate((wanted) => {
          const el = document.activeElement as HTMLInputElement | null;
          return !!el && !!el.labels && [...el.labels].some((l) => l.textContent?.trim().startsWith(wanted));
        }, label)) return;
        await keyboard.press('Tab');
      }
      throw new Error(`the field « ${label} » is not reachable with Tab`);
    }

    await page.goto('/campagnes');
    await tabTo('campaign-code-input');
    await keyboard.type(code, { delay: KEY_DELAY_MS });
    await keyboard.press('Enter');
    await page.getByTestId('campaign-landing').waitFor();
    await tabTo('campaign-sign-up-tab');
    await keyboard.press('Enter');
    for (const [label, value] of [
      ['Prénom', 'Louis'],
      ['Nom', 'Bernard'],
      ['Adresse e-mail', 'louis.bernard@example.org'],
      ['Mot de passe', PUPIL_PASSWORD],
    ] as const) {
      await tabToInput(label);
      await keyboard.type(value, { delay: KEY_DELAY_MS });
    }
    await tabToInput('J’accepte');
    await keyboard.press('Space');
    await keyboard.press('Enter');
    await page.getByTestId('campaign-start').waitFor();
    await tabTo('campaign-start');
    await keyboard.press('Enter');
    await page.waitForURL(/\/rejoindre$/);
    for (const [label, value] of [
      ['Jour', '02'],
      ['Mois', '07'],
      ['Année', '2010'],
    ] as const) {
      await tabToInput(label);
      await keyboard.type(value, { delay: KEY_DELAY_MS });
    }
    await tabTo('reconciliation-submit');
    await tabTo('reconciliation-submit');
    await keyboard.press('Enter');
    await page.getByTestId('reconciliation-confirm').waitFor();
    await tabTo('reconciliation-confirm');
    await keyboard.press('Enter');
    await page.waitForURL(/\/didacticiel$|\/assessments\//);
    if (page.url().endsWith('/didacticiel')) {
      await tabTo('tutorial-skip');
      await keyboard.press('Enter');
    }
    for (let step = 0; step < 200; step++) {
      await page.waitForURL(/\/challenges\/\d+|\/checkpoint|\/resultats$/);
      if (page.url().endsWith('/resultats')) break;
      if (page.url().includes('/checkpoint')) {
        await page.locator('[data-testid=checkpoint-continue], [data-testid=checkpoint-see-results]').first().waitFor();
        const last = (await page.getByTestId('checkpoint-see-results').count()) > 0;
        await tabTo(last ? 'checkpoint-see-results' : 'checkpoint-continue');
        await keyboard.press('Enter');
        await page.waitForURL((url) => !url.pathname.endsWith('/checkpoint'));
        continue;
      }
      await page.getByTestId('challenge-page').waitFor();
      if (await page.getByTestId('timed-start').count()) {
        await tabTo('timed-start');
        await keyboard.press('Enter');
      }
      const before = page.url();
      await tabTo('answer-skip');
      await keyboard.press('Enter');
      await page.waitForURL((url) => url.toString() !== before);
    }
    await page.getByTestId('campaign-results-page').waitFor();
    await tabTo('results-share');
    await keyboard.press('Enter');
    await page.getByTestId('results-sent').waitFor();
    await context.close();
  });
});
