import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Campaigns } from './pages/campaigns';
import { Orga } from './pages/orga';
import { expectAccessible, launchBrowser, newVisitor, screenshot } from './support/browser';

const PASSWORD = 'Jalon-demo-2026';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const CODE = /^[A-HJKMNP-Z]{6}[2-9]{3}$/;
const ARTS = 'Arts plastiques cycle 4';
const COMPETENCE_1_1 = "1.1 Mener une recherche et une veille d'information";
let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

async function screenshotBoth(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

async function signedIn(email: string) {
  const visitor = await newVisitor(browser, baseUrl);
  await visitor.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await visitor.page.setViewportSize(DESKTOP);
  await new Orga(visitor.page).signInAs(email, PASSWORD);
  return { ...visitor, campaigns: new Campaigns(visitor.page) };
}

/** A PATCH as the web app sends it (session cookie and CSRF header), to read the API's own refusal. */
function patchFromPage(page: Page, campaignId: string, body: object) {
  return page.evaluate(
    async ({ id, payload }) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('jalon_csrf='))?.slice('jalon_csrf='.length) ?? '';
      const response = await fetch(`/api/campaigns/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: JSON.stringify(payload),
      });
      return { status: response.status, body: (await response.json()) as { errors?: { code: string }[] } };
    },
    { id: campaignId, payload: body },
  );
}

describe('campaigns in Orga (issue 5, seed items 9–12, 14–16)', () => {
  let aliceCampaignId = '';

  it('Alice creates a profile collection: choosing it hides the parcours picker and the title', async () => {
    const alice = await signedIn('alice.martin@example.org');
    await alice.campaigns.openMine();
    await alice.campaigns.openCreation();
    await expect.poll(() => alice.page.getByRole('radio').count()).toBe(2);
    await alice.campaigns.chooseType('Évaluer les participants');
    await alice.campaigns.picker().waitFor();
    expect(await alice.campaigns.field('Titre du parcours').isVisible()).toBe(true);
    await alice.campaigns.chooseType('Collecter les profils Jalon des participants');
    expect(await alice.campaigns.picker().count()).toBe(0);
    expect(await alice.campaigns.field('Titre du parcours').count()).toBe(0);
    await alice.campaigns.field('Nom de la campagne').fill('Profils des 3e');
    await alice.campaigns.submitCreation();
    await alice.page.getByTestId('campaign-page').waitFor();
    aliceCampaignId = new URL(alice.page.url()).pathname.split('/').at(-1)!;
    expect(await alice.campaigns.code()).toMatch(CODE);
    await alice.context.close();
  });

  it('Bruno creates an assessment campaign from « Arts plastiques cycle 4 », with each mistake shown beside its field, then copies the code', async () => {
    const bruno = await signedIn('bruno.petit@example.org');
    const { page, campaigns } = bruno;
    await campaigns.openMine();
    await expectAccessible(page);
    await screenshotBoth(page, 'orga-campaigns-mine');

    await campaigns.openCreation();
    await campaigns.chooseType('Évaluer les participants');
    await campaigns.picker().waitFor();
    await campaigns.filterCategory('Disciplinaires');
    await expect.poll(async () => !(await campaigns.parcoursNames()).includes(COMPETENCE_1_1)).toBe(true);
    expect(await campaigns.parcoursNames()).toContain(ARTS);
    await campaigns.filterCategory('Toutes les catégories');
    await campaigns.searchParcours('arts');
    await expect.poll(async () => (await campaigns.parcoursNames()).every((name) => /arts/i.test(name))).toBe(true);
    expect(await campaigns.parcoursNames()).toContain(ARTS);
    expect(await campaigns.documentationLink(ARTS).getAttribute('href')).toMatch(/^\/orga\/documentation\/parcours\/tp-/);
    await campaigns.chooseParcours(ARTS);
    await expectAccessible(page);
    await screenshotBoth(page, 'orga-campaign-creation');

    // No name, and a 51-character title: both refused, each beside its field, the rest kept.
    const title = 'T'.repeat(51);
    await campaigns.field('Titre du parcours').fill(title);
    await campaigns.field('Texte de la page d’accueil').fill('Bienvenue en arts plastiques.');
    await campaigns.submitCreation();
    await expect.poll(() => campaigns.errorOf('Nom de la campagne')).toBe('Indiquez le nom de la campagne.');
    expect(await campaigns.errorOf('Titre du parcours')).toBe('Le titre du parcours ne doit pas dépasser 50 caractères.');
    expect(await campaigns.field('Titre du parcours').inputValue()).toBe(title);
    expect(await campaigns.field('Texte de la page d’accueil').inputValue()).toBe('Bienvenue en arts plastiques.');
    expect(await page.getByTestId('parcours-chosen').innerText()).toBe(`Parcours choisi : ${ARTS}`);
    await screenshotBoth(page, 'orga-campaign-creation-errors');

    await campaigns.field('Nom de la campagne').fill('Arts plastiques 4e B');
    await campaigns.field('Titre du parcours').fill('Portfolio numérique');
    await campaigns.submitCreation();
    await page.getByTestId('campaign-page').waitFor();
    const code = await campaigns.code();
    expect(code).toMatch(CODE);
    expect(await campaigns.directLink()).toBe(`${baseUrl}/campagnes/${code}`);
    await campaigns.copyCode();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expectAccessible(page);
    await screenshotBoth(page, 'orga-campaign');

    // « Paramètres »: Bruno edits his landing text and sees it.
    await campaigns.openSettings();
    await campaigns.editLandingText('Prenez votre temps et répondez seul.');
    expect(await campaigns.landingText()).toBe('Prenez votre temps et répondez seul.');
    await expectAccessible(page);
    await screenshotBoth(page, 'orga-campaign-settings');

    // Archived, it says so in the header, which offers « Désarchiver ».
    await campaigns.archive();
    await expectAccessible(page);
    await screenshotBoth(page, 'orga-campaign-archived');
    await campaigns.unarchiveFromHeader();

    // The direct link opens the learner's landing page, which shows the new text.
    const learner = await newVisitor(browser, baseUrl);
    await learner.page.goto(await campaigns.directLink());
    await learner.page.waitForURL((url) => url.pathname === `/campagnes/${code}/presentation`);
    expect(await learner.page.getByTestId('campaign-landing-text').innerText()).toContain('Prenez votre temps et répondez seul.');
    await learner.context.close();

    // The list shows it with its code.
    await campaigns.openMine();
    expect(await campaigns.campaignNames()).toContain('Arts plastiques 4e B');
    expect(await page.getByTestId('campaign-row-code').allInnerTexts()).toContain(code);
    await bruno.context.close();
  });

  it('Bruno cannot edit Alice’s campaign: no edit button, and the API answers CAMPAIGN_EDIT_FORBIDDEN', async () => {
    const bruno = await signedIn('bruno.petit@example.org');
    const { page, campaigns } = bruno;
    await campaigns.openAll();
    expect(await campaigns.campaignNames()).toContain('Profils des 3e');
    await expectAccessible(page);
    await screenshotBoth(page, 'orga-campaigns-all');
    await campaigns.openCampaign('Profils des 3e');
    await campaigns.openSettings();
    await page.getByTestId('campaign-read-only').waitFor();
    expect(await page.getByTestId('edit-campaign').count()).toBe(0);
    const refused = await patchFromPage(page, aliceCampaignId, { customLandingPageText: 'Texte de Bruno' });
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.map((e) => e.code)).toEqual(['CAMPAIGN_EDIT_FORBIDDEN']);
    await bruno.context.close();
  });
});
