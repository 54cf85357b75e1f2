import type { Page } from 'playwright-core';
import { SignInForm } from './auth';

/** Orga: sign-in with the terms at first use, the shell's menu, and the Team tab. */
export class Orga {
  readonly signIn: SignInForm;

  constructor(private readonly page: Page) {
    this.signIn = new SignInForm(page);
  }

  /** Signs in and accepts Orga's terms when they are asked for, then waits for the home page. */
  async signInAs(email: string, password: string) {
    await this.signIn.open('/orga/connexion');
    await this.signIn.submit(email, password);
    await this.page.waitForURL((url) => url.pathname === '/orga/' || url.pathname === '/orga/cgu');
    if (new URL(this.page.url()).pathname === '/orga/cgu') {
      await this.page.getByTestId('orga-terms-accept').click();
      await this.page.waitForURL((url) => url.pathname === '/orga/');
    }
  }

  menu() {
    return this.page.getByRole('navigation', { name: /menu/i });
  }

  menuEntry(name: string) {
    return this.menu().getByRole('link', { name, exact: true });
  }

  async invite(emails: string, role: 'Automatique' | 'Membre' | 'Administrateur' = 'Membre') {
    await this.page.goto('/orga/equipe/inviter');
    await this.page.getByLabel('Adresses e-mail').fill(emails);
    await this.page.getByLabel('Rôle').selectOption({ label: role });
    await this.page.getByLabel('Je sais que les membres de l’organisation voient les résultats des participants.').check();
    await this.page.getByRole('button', { name: 'Inviter', exact: true }).click();
    await this.page.getByTestId('invitation-results').waitFor();
  }

  async pendingInvitations(): Promise<string[]> {
    await this.page.goto('/orga/equipe/invitations');
    await this.page.getByTestId('invitations-page').or(this.page.getByTestId('no-invitations')).first().waitFor();
    await this.page.getByTestId('invitations-table').or(this.page.getByTestId('no-invitations')).first().waitFor();
    return this.page.getByTestId('invitation-row').locator('td:first-child').allInnerTexts();
  }
}
