import type { Page } from 'playwright-core';
import { SignInForm } from './auth';

/** Admin: sign-in and « Boîte d'envoi », where mails wait when no SMTP server is set. */
export class Admin {
  constructor(private readonly page: Page) {}

  async signInAs(email: string, password: string) {
    const form = new SignInForm(this.page);
    await form.open('/admin/connexion');
    await form.submit(email, password);
    await this.page.waitForURL((url) => url.pathname.startsWith('/admin/organisations'));
  }

  /** Opens the newest mail sent to `to` and returns the first link it contains. */
  async linkInLatestMailTo(to: string): Promise<string> {
    await this.page.goto('/admin/boite-d-envoi');
    const row = this.page.getByTestId('outbox-row').filter({ hasText: to }).first();
    await row.getByRole('link').first().click();
    await this.page.getByTestId('mail-to').waitFor();
    const href = await this.page.getByTestId('mail-link').first().getAttribute('href');
    if (!href) throw new Error(`no link in the mail to ${to}`);
    return href;
  }
}
