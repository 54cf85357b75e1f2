import type { Locator, Page } from 'playwright-core';
import { SignUpForm } from './auth';

/** How a scripted learner answers: the first option (and a fixed text in every field), or « Je passe ». */
export type Answering = { kind: 'first-option' } | { kind: 'skip' };

/**
 * The learner space of issue 5 (`apps/web/src/features/learner/`): « J'ai un code », the
 * landing page and its detours, the runner, checkpoints, the end page and the profile.
 */
export class Learner {
  constructor(private readonly page: Page) {}

  async enterCode(typed: string) {
    await this.page.goto('/campagnes');
    await this.page.getByTestId('campaign-code-input').fill(typed);
    await this.page.getByTestId('campaign-code-submit').click();
  }

  landing() {
    return this.page.getByTestId('campaign-landing');
  }

  /**
   * Someone new joins an open organization's campaign with its code: signs up on the landing
   * page, starts, and waits on the first question. Returns the address signed up with.
   */
  async joinAsNewcomer(code: string, firstName: string, lastName: string): Promise<string> {
    await this.enterCode(code);
    await this.landing().waitFor();
    await this.page.getByTestId('campaign-sign-up-tab').click();
    const email = `${firstName}.${lastName}.${Date.now()}@example.org`.toLowerCase();
    await new SignUpForm(this.page).submit({ firstName, lastName, email, password: 'Eleve-2026-ok' });
    await this.page.getByTestId('campaign-start').waitFor();
    await this.start();
    await this.page.waitForURL(/\/didacticiel|\/challenges\//);
    await this.skipTutorialIfShown();
    await this.currentChallenge();
    return email;
  }

  /** « Je commence » (or « Je reprends »): waits for wherever it leads. */
  async start() {
    await this.page.getByTestId('campaign-start').click();
    await this.page.waitForURL(/\/(rejoindre|identifiant|didacticiel|resultats|collecte)$|\/assessments\//);
  }

  /** Reconciliation: names are prefilled from the account; the birthdate is `DD/MM/YYYY`. */
  async reconcile(birthdate: string, names?: { firstName: string; lastName: string }) {
    const [day = '', month = '', year = ''] = birthdate.split('/');
    if (names) {
      await this.page.getByLabel('Prénom').fill(names.firstName);
      await this.page.getByLabel('Nom', { exact: true }).fill(names.lastName);
    }
    await this.page.getByLabel('Jour').fill(day);
    await this.page.getByLabel('Mois').fill(month);
    await this.page.getByLabel('Année').fill(year);
    await this.page.getByTestId('reconciliation-submit').click();
  }

  async confirmReconciliation() {
    await this.page.getByTestId('reconciliation-confirm').click();
    await this.page.waitForURL(/\/(identifiant|didacticiel)$|\/assessments\//);
  }

  async giveExternalId(value: string) {
    await this.page.getByTestId('external-id-input').fill(value);
    await this.page.getByTestId('external-id-submit').click();
  }

  async skipTutorialIfShown() {
    if (this.page.url().endsWith('/didacticiel')) await this.page.getByTestId('tutorial-skip').click();
  }

  /** The question on screen, once its page (or the timed warning) is shown. */
  async currentChallenge(): Promise<Locator> {
    await this.page.getByTestId('challenge-page').waitFor();
    if (await this.page.getByTestId('timed-start').count()) await this.page.getByTestId('timed-start').click();
    return this.page.getByTestId('challenge-form');
  }

  async answer(how: Answering) {
    const form = await this.currentChallenge();
    const before = this.page.url();
    const options = form.locator('[data-testid=answer-area] input[type=radio], [data-testid=answer-area] input[type=checkbox]');
    // A scripted pupil picks the first option of a choice question and skips the rest: a typed
    // guess may be refused as malformed (a number field), and an embed answers by itself.
    if (how.kind === 'skip' || (await options.count()) === 0) {
      await this.page.getByTestId('answer-skip').click();
    } else {
      await options.first().check();
      await this.page.getByTestId('answer-validate').click();
    }
    await this.page.waitForURL((url) => url.toString() !== before);
  }

  isAtCheckpoint() {
    return this.page.url().includes('/checkpoint');
  }

  checkpointAnswers() {
    return this.page.getByTestId('checkpoint-answer');
  }

  /** « Continuer » after a checkpoint, or « Voir mes résultats » after the last one; true at the end. */
  async leaveCheckpoint(): Promise<boolean> {
    await this.page.locator('[data-testid=checkpoint-continue], [data-testid=checkpoint-see-results]').first().waitFor();
    const last = (await this.page.getByTestId('checkpoint-see-results').count()) > 0;
    await this.page.getByTestId(last ? 'checkpoint-see-results' : 'checkpoint-continue').click();
    return last;
  }

  /** Answers until the end page, through every checkpoint; returns how many checkpoints were seen (the final one included). */
  async answerToTheEnd(how: Answering): Promise<number> {
    let checkpoints = 0;
    for (;;) {
      await this.page.waitForURL(/\/challenges\/\d+|\/checkpoint/);
      if (this.isAtCheckpoint()) {
        checkpoints += 1;
        if (await this.leaveCheckpoint()) return checkpoints;
      } else {
        await this.answer(how);
      }
    }
  }

  async sendResults() {
    await this.page.getByTestId('results-share').click();
    await this.page.getByTestId('results-sent').waitFor();
  }

  masteryText() {
    return this.page.getByTestId('results-mastery').innerText();
  }
}
