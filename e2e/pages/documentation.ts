import type { Page } from 'playwright-core';

/** Orga « Documentation »: the parcours available to the school and one parcours' content. */
export class Documentation {
  constructor(private readonly page: Page) {}

  async openFromMenu() {
    await this.page.getByTestId('menu-documentation').click();
    await this.page.waitForURL((url) => url.pathname === '/orga/documentation');
    await this.page.getByTestId('parcours-card').first().waitFor();
  }

  parcoursNames(): Promise<string[]> {
    return this.page.getByTestId('parcours-card').getByRole('heading').allInnerTexts();
  }

  async openParcours(name: string) {
    await this.page.getByTestId('parcours-card').getByRole('link', { name, exact: true }).click();
    await this.page.getByTestId('tube-row').first().waitFor();
  }

  competenceHeadings(): Promise<string[]> {
    return this.page.getByTestId('competence-heading').allInnerTexts();
  }

  tubeLevels(): Promise<string[]> {
    return this.page.getByTestId('tube-level').allInnerTexts();
  }

  pdfLink() {
    return this.page.getByRole('link', { name: 'Télécharger en PDF' });
  }
}
