import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignUpForm } from './pages/auth';
import { Admin } from './pages/admin';
import { Orga } from './pages/orga';
import { expectAccessible, launchBrowser, newVisitor, screenshot } from './support/browser';

const PASSWORD = 'Jalon-demo-2026';
let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe('the Team tab (seed items 2–5)', () => {
  it('Alice invites Claire, who joins through the outbox link and lands in Orga as a member without « Équipe »', async () => {
    const alice = await newVisitor(browser, baseUrl);
    const orga = new Orga(alice.page);
    await orga.signInAs('alice.martin@example.org', PASSWORD);
    await expect.poll(() => alice.page.getByRole('heading', { level: 1 }).innerText()).toContain('Collège Victor-Hugo');
    await expectAccessible(alice.page);
    await screenshot(alice.page, 'orga-home-alice');
    expect(await orga.menuEntry('Équipe').isVisible()).toBe(true);
    expect(await orga.menuEntry('Certifications').isVisible()).toBe(true);

    await orga.invite('claire@example.org');
    await expectAccessible(alice.page);
    expect(await orga.pendingInvitations()).toContain('claire@example.org');
    await expectAccessible(alice.page);
    await screenshot(alice.page, 'orga-invitations');

    const operator = await newVisitor(browser, baseUrl);
    const admin = new Admin(operator.page);
    await admin.signInAs('admin@example.org', PASSWORD);
    await expectAccessible(operator.page);
    const link = await admin.linkInLatestMailTo('claire@example.org');
    await expectAccessible(operator.page);
    expect(new URL(link).pathname).toBe('/orga/rejoindre');

    const claire = await newVisitor(browser, baseUrl);
    await claire.page.goto(new URL(link).pathname + new URL(link).search);
    await claire.page.getByTestId('join-organization-name').waitFor();
    expect(await claire.page.getByTestId('join-organization-name').innerText()).toContain('Collège Victor-Hugo');
    await expectAccessible(claire.page);
    await claire.page.getByTestId('join-mode-sign-up').click();
    await new SignUpForm(claire.page).submit({ firstName: 'Claire', lastName: 'Lemoine', email: 'claire@example.org', password: 'Bienvenue-2026' });
    await claire.page.getByTestId('accept-invitation').click();
    await claire.page.waitForURL((url) => url.pathname === '/orga/' || url.pathname === '/orga/cgu');
    if (new URL(claire.page.url()).pathname === '/orga/cgu') await claire.page.getByTestId('orga-terms-accept').click();
    await claire.page.waitForURL((url) => url.pathname === '/orga/');
    const claireOrga = new Orga(claire.page);
    await claireOrga.menuEntry('Campagnes').waitFor();
    expect(await claireOrga.menuEntry('Équipe').count()).toBe(0);
    expect(await claireOrga.menuEntry('Certifications').count()).toBe(0);
    await screenshot(claire.page, 'orga-home-claire');

    expect(await orga.pendingInvitations()).not.toContain('claire@example.org');
    await alice.page.goto('/orga/equipe/membres');
    await alice.page.getByTestId('member-row').filter({ hasText: 'Claire' }).waitFor();
    expect(await alice.page.getByTestId('member-row').filter({ hasText: 'Claire' }).getByTestId('member-role').innerText()).toBe('Membre');
    await expectAccessible(alice.page);

    await claire.page.goto(new URL(link).pathname + new URL(link).search);
    await expect.poll(() => claire.page.locator('main').innerText()).toMatch(/déjà été acceptée ou annulée/i);

    await Promise.all([alice.context.close(), operator.context.close(), claire.context.close()]);
  });

  it('Bruno, a member, has no « Équipe » entry and gets a 403 page on /orga/equipe/membres', async () => {
    const bruno = await newVisitor(browser, baseUrl);
    const orga = new Orga(bruno.page);
    await orga.signInAs('bruno.petit@example.org', PASSWORD);
    await orga.menuEntry('Campagnes').waitFor();
    expect(await orga.menuEntry('Équipe').count()).toBe(0);
    expect(await orga.menuEntry('Certifications').count()).toBe(0);
    await bruno.page.goto('/orga/equipe/membres');
    await expect.poll(() => bruno.page.getByRole('heading', { level: 1 }).innerText()).toMatch(/accès refusé/i);
    await expectAccessible(bruno.page);
    await screenshot(bruno.page, 'orga-forbidden');
    await bruno.page.goto('/orga/certifications');
    await expect.poll(() => bruno.page.getByRole('heading', { level: 1 }).innerText()).toMatch(/accès refusé/i);
    await bruno.context.close();
  });

  it('the footer links to the organization’s documentation on every Orga page', async () => {
    const bruno = await newVisitor(browser, baseUrl);
    await new Orga(bruno.page).signInAs('bruno.petit@example.org', PASSWORD);
    for (const path of ['/orga/', '/orga/campagnes/les-miennes', '/orga/documentation']) {
      await bruno.page.goto(path);
      const footerLink = bruno.page.locator('footer').getByRole('link', { name: /aide|documentation/i }).first();
      await footerLink.waitFor();
      expect(await footerLink.getAttribute('href')).toBe('https://example.org/jalon');
      await expectAccessible(bruno.page);
    }
    await bruno.context.close();
  });
});

describe('sign-in protection (seed item 3)', () => {
  it('after seven wrong passwords the form shows three remaining attempts', async () => {
    const visitor = await newVisitor(browser, baseUrl);
    const orga = new Orga(visitor.page);
    await orga.signIn.open('/orga/connexion');
    await expectAccessible(visitor.page);
    for (let attempt = 1; attempt <= 7; attempt++) {
      await orga.signIn.submit('dominique.roux@example.org', `Mauvais-${attempt}`);
      await expect.poll(() => orga.signIn.errors().innerText()).toMatch(/identifiant ou le mot de passe|incorrect/i);
    }
    await expect.poll(() => orga.signIn.errors().innerText()).toContain('Tentatives restantes avant un blocage temporaire : 3.');
    await screenshot(visitor.page, 'orga-sign-in-remaining');
    await visitor.context.close();
  });

  it('an account without membership is told it is not a member of any organization', async () => {
    const visitor = await newVisitor(browser, baseUrl);
    const orga = new Orga(visitor.page);
    await orga.signIn.open('/orga/connexion');
    await orga.signIn.submit('lea.dubois@example.org', PASSWORD);
    await expect.poll(() => visitor.page.locator('main').innerText()).toMatch(/membre d’aucune organisation|n’êtes membre/i);
    await expectAccessible(visitor.page);
    await visitor.context.close();
  });
});
