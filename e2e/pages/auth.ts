import type { Page } from 'playwright-core';

/** The sign-in form shared by the three spaces (`/connexion`, `/orga/connexion`, `/admin/connexion`). */
export class SignInForm {
  constructor(private readonly page: Page) {}

  async open(path: '/connexion' | '/orga/connexion' | '/admin/connexion') {
    await this.page.goto(path);
    await this.page.getByTestId('sign-in-submit').waitFor();
  }

  async submit(login: string, password: string) {
    await this.page.getByLabel('Adresse e-mail ou identifiant').fill(login);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await this.page.getByTestId('sign-in-submit').click();
  }

  errors() {
    return this.page.getByTestId('form-errors');
  }
}

/** The sign-up form, on `/inscription` and inline on the invitation page. */
export class SignUpForm {
  constructor(private readonly page: Page) {}

  async submit(fields: { firstName: string; lastName: string; email: string; password: string }) {
    await this.page.getByLabel('Prénom').fill(fields.firstName);
    await this.page.getByLabel('Nom', { exact: true }).fill(fields.lastName);
    await this.page.getByLabel('Adresse e-mail', { exact: true }).fill(fields.email);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(fields.password);
    await this.page.getByLabel('J’accepte les conditions d’utilisation de Jalon').check();
    await this.page.getByTestId('sign-up-submit').click();
  }
}
