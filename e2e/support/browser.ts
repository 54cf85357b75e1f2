import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless, with no calls to the closed network. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh browser profile: cookies and storage start empty, as for a new visitor. */
export async function newVisitor(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  return { context, page };
}

const visited = new Set<string>();

/**
 * Runs axe-core on the current page and fails on any serious or critical violation.
 * Each distinct path is checked once per run.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const where = new URL(page.url()).pathname;
  if (visited.has(where)) return;
  visited.add(where);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id} (${v.impact}) on ${where}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe violations on ${where}`,
  ).toEqual([]);
}

/** Saves a screenshot under e2e/artifacts (ignored by git), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.JALON_E2E_SHOTS ?? path.join(os.tmpdir(), 'jalon-e2e-shots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
