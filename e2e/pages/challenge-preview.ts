import type { Page } from 'playwright-core';

/** Admin « Épreuves »: the list and the preview of one challenge as a learner sees it. */
export class ChallengePreview {
  constructor(private readonly page: Page) {}

  async openList() {
    await this.page.getByRole('navigation', { name: 'Menu d’administration' }).getByRole('link', { name: 'Épreuves' }).click();
    await this.page.getByTestId('challenge-row').first().waitFor();
  }

  async open(challengeId: string) {
    await this.page.goto(`/admin/epreuves/${encodeURIComponent(challengeId)}`);
    await this.page.getByTestId('answer-area').waitFor();
  }

  answerArea() {
    return this.page.getByTestId('answer-area');
  }

  /** Ticks options by their number (1-based, file order, as the preview shows them). */
  async tick(numbers: number[]) {
    const inputs = this.answerArea().locator('input[type="radio"], input[type="checkbox"]');
    for (const number of numbers) await inputs.nth(number - 1).check();
  }

  async check(): Promise<string | null> {
    await this.page.getByRole('button', { name: 'Vérifier' }).click();
    const result = this.page.getByTestId('correction-result');
    await result.waitFor();
    return result.getAttribute('data-result');
  }
}
