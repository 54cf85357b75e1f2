import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../e2e/support/browser';
import { createCampaign } from '../apps/api/test/support/campaign-factory';
import { createTeam, createUser, PASSWORD } from '../apps/api/test/support/factory';
import { createTestApp, type TestApp } from '../apps/api/test/support/test-app';
import type {} from '../apps/api/test/support/global-setup';

// A teacher's landing text and every name a pupil sees come from other people's keyboards. In a
// real browser, on the built web app served by the API, none of them may run a script, fetch
// from another host or turn into markup: the pupil reads them as typed.

const webDist = path.resolve(import.meta.dirname, '../apps/web/dist');

/** Each payload, if it ever ran, would leave its number in `window.__pwned` or open a dialog. */
const LANDING_TEXT = [
  'Bonjour **la classe**.',
  '<script>window.__pwned = 1</script>',
  '<img src="https://evil.example/pixel.png" onerror="window.__pwned = 2">',
  '[le site](javascript:window.__pwned=3) et [le vrai](https://www.education.gouv.fr/)',
  '![traceur](https://evil.example/track.png)',
  '<iframe src="https://evil.example/frame"></iframe> <svg onload="alert(4)"></svg>',
  '<a href="javascript:alert(5)">lien</a> <abbr title="x" onmouseover="alert(6)">abbr</abbr>',
  '[x](https://evil.example/"onmouseover="alert(7))',
  '<style>body{background:url(https://evil.example/bg.png)}</style>',
].join('\n\n');
const ORGANIZATION = '<img src=x onerror="window.__pwned=8">Collège';
const TITLE = '<script>window.__pwned=9</script>Évaluation';
const FIRST_NAME = '<b onmouseover="alert(10)">Zoé</b>';

let t: TestApp;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build:web` first (npm test does, before this CI step).');
  }
  t = await createTestApp({ startJobs: false, configOverrides: { webDist } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('hostile texts in the browser', () => {
  it('a campaign landing shows the texts and names as typed: no script, no remote request, no markup', async () => {
    const db = t.database.db;
    const team = await createTeam(db, { name: ORGANIZATION });
    const campaign = await createCampaign(db, t.content.release, {
      organizationId: team.organization.id,
      ownerId: team.admin.id,
      title: TITLE,
      customLandingPageText: LANDING_TEXT,
    });
    const pupil = await createUser(db, { firstName: FIRST_NAME, lastName: 'Martin' });

    const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const elsewhere: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Every request is watched; one to another host is recorded and never leaves the machine.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).host === new URL(baseUrl).host) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const signIn = await context.request.post('/api/auth/sign-in', { data: { login: pupil.email, password: PASSWORD } });
    expect(signIn.status()).toBe(200);

    await page.goto(`/campagnes/${campaign.code}`);
    const text = page.getByTestId('campaign-landing-text');
    await text.waitFor();
    // Give event handlers and lazy loads their chance to fire, then hover what a pupil would.
    await page.mouse.move(10, 10);
    for (const selector of ['[data-testid="campaign-landing-text"] a', 'h1', '[data-testid="campaign-organization"]']) {
      for (const element of await page.locator(selector).all()) await element.hover();
    }
    await page.waitForLoadState('networkidle');

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(elsewhere).toEqual([]);

    // Shown literally; Markdown's image syntax gives at most a link, never an image.
    const shown = (await text.textContent()) ?? '';
    for (const literal of ['<script>window.__pwned = 1</script>', '<img src="https://evil.example/pixel.png"', '<iframe src=', '<svg onload=', '<style>', '!traceur', 'le site']) {
      expect(shown).toContain(literal);
    }
    expect(await page.getByTestId('campaign-organization').textContent()).toContain(ORGANIZATION);
    expect(await page.locator('h1').first().textContent()).toContain(TITLE);
    expect(await page.locator('body').textContent()).toContain(FIRST_NAME);

    // No markup made of them: Markdown's own emphasis, and links only to https pages.
    expect(await text.locator('strong').textContent()).toBe('la classe');
    expect(await page.locator('main script, main img, main iframe, main svg:not([aria-hidden="true"]), main style, main object, main embed').count()).toBe(0);
    const links = await text.locator('a').evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') })));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.href).toMatch(/^https:\/\//);
      expect(link.rel).toContain('noopener');
      expect(link.rel).toContain('noreferrer');
    }
    expect(await page.locator('a[href^="javascript:" i], [onerror], [onload], [onmouseover]').count()).toBe(0);
    await context.close();
  });
});
