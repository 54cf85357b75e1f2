import { loadRelease, type ReleaseChallenge } from '@jalon/content';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Admin } from './pages/admin';
import { ChallengePreview } from './pages/challenge-preview';
import { Documentation } from './pages/documentation';
import { Orga } from './pages/orga';
import { expectAccessible, launchBrowser, newVisitor, screenshot } from './support/browser';

const PASSWORD = 'Jalon-demo-2026';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
let browser: Browser;
const baseUrl = inject('baseUrl');
// The same release the server loaded: the test needs the solutions the preview never sends.
const { release } = loadRelease();

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

describe('parcours documentation in Orga (issue 3, item 6)', () => {
  it('Bruno lists the parcours, opens « Arts plastiques cycle 4 » and downloads its PDF', async () => {
    const bruno = await newVisitor(browser, baseUrl);
    await bruno.page.setViewportSize(DESKTOP);
    await new Orga(bruno.page).signInAs('bruno.petit@example.org', PASSWORD);
    const documentation = new Documentation(bruno.page);
    await documentation.openFromMenu();
    const names = await documentation.parcoursNames();
    expect(names).toContain('Arts plastiques cycle 4');
    expect(names.length).toBeGreaterThanOrEqual(22);
    await expectAccessible(bruno.page);
    await screenshotBoth(bruno.page, 'orga-documentation');

    await documentation.openParcours('Arts plastiques cycle 4');
    const arts = release.targetProfiles.find((p) => p.name === 'Arts plastiques cycle 4')!;
    expect(new URL(bruno.page.url()).pathname).toBe(`/orga/documentation/parcours/${arts.id}`);
    expect(await bruno.page.getByRole('heading', { level: 1 }).innerText()).toBe('Arts plastiques cycle 4');
    const headings = await documentation.competenceHeadings();
    expect(headings.length).toBeGreaterThan(0);
    expect(headings.every((heading) => /^\d\.\d /.test(heading))).toBe(true);
    const levels = await documentation.tubeLevels();
    expect(levels).toHaveLength(arts.tubes.length);
    expect(levels.every((level) => /^Niveau max \d$/.test(level))).toBe(true);
    await expectAccessible(bruno.page);
    await screenshotBoth(bruno.page, 'orga-parcours-arts-plastiques');

    const href = await documentation.pdfLink().getAttribute('href');
    const pdf = await bruno.context.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toContain('Parcours-Arts-plastiques-cycle-4.pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('challenge preview in Admin (issue 3, item 7)', () => {
  const validated = (type: ReleaseChallenge['type']) => release.challenges.find((c) => c.type === type && c.status === 'validated')!;

  it('previews one challenge of each type as the learner sees it; the stated solution of a QCU is accepted', async () => {
    const operator = await newVisitor(browser, baseUrl);
    await operator.page.setViewportSize(DESKTOP);
    await new Admin(operator.page).signInAs('admin@example.org', PASSWORD);
    const preview = new ChallengePreview(operator.page);
    await preview.openList();
    await expectAccessible(operator.page);
    await screenshotBoth(operator.page, 'admin-challenges');

    const expectedControls = { QCU: 'radio', QCM: 'checkbox', QROC: 'field', 'QROCM-ind': 'field', 'QROCM-dep': 'field' } as const;
    for (const type of ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'] as const) {
      const challenge = validated(type);
      await preview.open(challenge.id);
      expect(await operator.page.getByTestId('challenge-type').innerText()).toBe(type);
      const area = preview.answerArea();
      if (expectedControls[type] === 'field') expect(await area.locator('input[type="text"], textarea, select').count()).toBeGreaterThan(0);
      else expect(await area.getByRole(expectedControls[type]).count()).toBeGreaterThanOrEqual(2);
      await expectAccessible(operator.page);
      await screenshot(operator.page, `admin-preview-${type}`);
    }

    const qcu = validated('QCU');
    await preview.open(qcu.id);
    await preview.tick([Number(qcu.solution)]);
    expect(await preview.check()).toBe('ok');
    await expectAccessible(operator.page);
    await screenshotBoth(operator.page, 'admin-preview-qcu-corrected');

    await preview.tick([qcu.solution === '1' ? 2 : 1]);
    expect(await preview.check()).toBe('ko');
    expect(await operator.page.getByTestId('correction-right-options').innerText()).not.toBe('');

    const illustrated = release.challenges.find((c) => c.illustration?.alt && c.status === 'validated')!;
    await preview.open(illustrated.id);
    expect(await operator.page.getByTestId('challenge-illustration').getAttribute('alt')).toBe(illustrated.illustration!.alt);
    await expectAccessible(operator.page);
    await screenshot(operator.page, 'admin-preview-illustrated');
  });
});
