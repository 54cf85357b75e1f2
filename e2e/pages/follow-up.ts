import type { Page } from 'playwright-core';

/** A campaign's « Participants » and « Résultats » tabs in Orga. */
export class FollowUp {
  constructor(private readonly page: Page) {}

  async openActivity(campaignId: string, query = '') {
    await this.page.goto(`/orga/campagnes/${campaignId}${query}`);
    await this.page.getByTestId('participants-count').waitFor();
  }

  async openResults(campaignId: string, query = '') {
    await this.page.goto(`/orga/campagnes/${campaignId}/resultats${query}`);
    await this.page.getByTestId('results-count').waitFor();
  }

  /** The count the donut's legend gives a status (STARTED, TO_SHARE, SHARED). */
  async donutCount(status: string): Promise<number> {
    return Number(await this.page.getByTestId(`status-donut-${status}`).getAttribute('data-count'));
  }

  async card(testId: string): Promise<string> {
    return this.page.getByTestId(testId).locator('.card__value').innerText();
  }

  row(lastName: string) {
    return this.page.getByTestId('participant-row').filter({ hasText: lastName });
  }

  statuses(): Promise<string[]> {
    return this.page.getByTestId('participant-status').allInnerTexts();
  }

  async search(text: string) {
    await this.page.getByLabel('Rechercher un nom').fill(text);
    await this.page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await this.page.waitForURL(/search=/);
  }

  resultRows() {
    return this.page.getByTestId('result-row');
  }
}
