import type { Download, Page } from 'playwright-core';
import { SignInForm } from './auth';

/** A pupil as a sitting knows them: the names and birthdate on their notice. */
export interface Candidate {
  firstName: string;
  lastName: string;
  /** `DD/MM/YYYY`. */
  birthdate: string;
}

export interface SittingDetails {
  address: string;
  room: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`. */
  time: string;
  invigilatorName: string;
}

/**
 * Jalon Certif (`apps/web/src/features/certif/`): a centre member's sittings, enrolment
 * from the centre's classes, and the invigilator console.
 */
export class Certif {
  constructor(private readonly page: Page) {}

  async signInAs(email: string, password: string) {
    await this.page.goto('/certif/connexion');
    await new SignInForm(this.page).submit(email, password);
    await this.page.getByTestId('sittings-page').waitFor();
  }

  /** Creates a sitting from the list; returns its number, access code and address. */
  async createSitting(details: SittingDetails): Promise<{ number: string; accessCode: string; url: string }> {
    await this.page.getByTestId('create-sitting-link').click();
    const form = this.page.getByTestId('sitting-form');
    await form.waitFor();
    await form.getByLabel('Adresse du centre').fill(details.address);
    await form.getByLabel('Salle').fill(details.room);
    await form.getByLabel('Date').fill(details.date);
    await form.getByLabel('Heure de début').fill(details.time);
    await form.getByLabel('Nom du surveillant').fill(details.invigilatorName);
    await this.page.getByTestId('sitting-submit').click();
    await this.page.getByTestId('sitting-page').waitFor();
    return {
      number: (await this.page.getByTestId('sitting-number').locator('strong').innerText()).trim(),
      accessCode: (await this.page.getByTestId('sitting-access-code').innerText()).trim(),
      url: this.page.url(),
    };
  }

  /** « Inscrire depuis une classe »: ticks the named pupils of one class. */
  async enrolFromClass(division: string, lastNames: string[]) {
    await this.page.getByTestId('enrol-from-class').click();
    const dialog = this.page.getByTestId('enrol-from-class-dialog');
    await dialog.getByTestId('enrol-division').selectOption(division);
    await dialog.getByTestId('roster').waitFor();
    for (const lastName of lastNames) await dialog.getByTestId('roster-pupil').filter({ hasText: lastName }).getByRole('checkbox').check();
    await dialog.getByTestId('enrol-from-class-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }

  candidateRow(lastName: string) {
    return this.page.getByTestId('candidate-row').filter({ hasText: lastName });
  }

  async openConsole() {
    await this.page.getByTestId('tab-console').click();
    await this.page.getByTestId('console-panel').waitFor();
  }

  consoleRow(lastName: string) {
    return this.page.getByTestId('console-row').filter({ hasText: lastName });
  }

  /** Waits (the console reads itself again every 5 s) until the candidate's row is in that state. */
  async waitForState(lastName: string, state: string) {
    await this.page.locator(`[data-testid=console-row][data-state=${state}]`).filter({ hasText: lastName }).waitFor({ timeout: 30_000 });
  }

  /** « Autoriser » once the candidate has entered and waits. */
  async authorize(lastName: string) {
    await this.waitForState(lastName, 'WAITING_AUTHORIZATION');
    await this.consoleRow(lastName).getByTestId('authorize-candidate').click();
    await this.consoleRow(lastName).getByTestId('authorize-candidate').waitFor({ state: 'detached' });
  }

  /** « Finaliser la session » with a comment, confirmed. */
  async finalize(comment: string) {
    await this.page.getByTestId('finalize-sitting').click();
    await this.page.getByTestId('finalize-comment').fill(comment);
    await this.page.getByTestId('confirm-dialog-confirm').click();
    await this.page.getByTestId('finalization-comment').waitFor();
  }
}

/** The candidate's side (`apps/web/src/features/learner/certification/`): entry, waiting, access code, the test. */
export class CertificationCandidate {
  constructor(private readonly page: Page) {}

  /** From the home page's « Accéder à ma session de certification ». */
  async openFromHome() {
    await this.page.goto('/');
    await this.page.getByTestId('home-certification').getByRole('link').click();
    await this.page.getByTestId('certification-entry-form').waitFor();
  }

  /** Sitting number, names, birthdate and the rules accepted; then the waiting screen. */
  async enter(sittingNumber: string, candidate: Candidate) {
    const form = this.page.getByTestId('certification-entry-form');
    const [day = '', month = '', year = ''] = candidate.birthdate.split('/');
    await form.getByLabel('Numéro de session').fill(sittingNumber);
    await form.getByLabel('Prénom').fill(candidate.firstName);
    await form.getByLabel('Nom', { exact: true }).fill(candidate.lastName);
    await form.getByLabel('Jour').fill(day);
    await form.getByLabel('Mois').fill(month);
    await form.getByLabel('Année').fill(year);
    await form.getByLabel('J’ai lu le règlement et je l’accepte').check();
    await this.page.getByTestId('certification-entry-submit').click();
    await this.page.getByTestId('certification-waiting').waitFor();
  }

  /** The waiting screen reads the entry again every 4 s: the code form appears once authorised. */
  async waitForAuthorization() {
    await this.page.getByTestId('certification-access-code-form').waitFor({ timeout: 30_000 });
  }

  /** The access code shown in the room: the test starts on its first question. */
  async startWithCode(accessCode: string) {
    const form = this.page.getByTestId('certification-access-code-form');
    await form.getByLabel('Code d’accès de la session').fill(accessCode);
    await this.page.getByTestId('certification-access-code-submit').click();
    await this.page.getByTestId('certification-test').waitFor();
  }

  private async answerCount(): Promise<number> {
    return Number(await this.page.getByTestId('certification-progress').getAttribute('value'));
  }

  /**
   * Answers until the test ends, the scripted way: the first option of a choice question,
   * « Je passe » anywhere else (a typed guess may be refused as malformed, and an embed
   * answers by itself). Returns how many questions were answered.
   */
  async answerToTheEnd(): Promise<number> {
    const ended = this.page.getByTestId('certification-ended');
    const form = this.page.getByTestId('certification-challenge-form');
    let answered = 0;
    for (;;) {
      await form.or(ended).first().waitFor();
      if (await ended.isVisible()) return answered;
      const before = await this.answerCount();
      const options = form.locator('input[type=radio], input[type=checkbox]');
      if ((await options.count()) > 0) {
        await options.first().check();
        await this.page.getByTestId('certification-answer-validate').click();
      } else {
        await this.page.getByTestId('certification-answer-skip').click();
      }
      answered += 1;
      // The next question (its count one higher) or the end page.
      await this.page
        .locator(`[data-testid=certification-progress]:not([value="${before}"]), [data-testid=certification-ended]`)
        .first()
        .waitFor();
    }
  }
}

/** The instance admin's jury (`/admin/certification`): a finalised sitting, published. */
export class Jury {
  constructor(private readonly page: Page) {}

  async publish(sittingNumber: string) {
    await this.page.goto('/admin/certification');
    await this.page.getByTestId('jury-sittings-page').waitFor();
    await this.page.getByRole('link', { name: `Voir la session n° ${sittingNumber}`, exact: true }).click();
    await this.page.getByTestId('jury-sitting-page').waitFor();
    await this.page.getByTestId('jury-publish').click();
    await this.page.getByTestId('confirm-dialog-confirm').click();
    await this.page.getByTestId('jury-published').waitFor();
  }
}

/** Orga « Certifications » (`/orga/certifications`): a class's CSV and certificates. */
export class OrgaCertifications {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/orga/certifications');
    await this.page.getByTestId('orga-certifications').waitFor();
  }

  async chooseDivision(division: string) {
    await this.page.getByTestId('certifications-division').selectOption(division);
    await this.page.getByTestId('certifications-division-files').waitFor();
  }

  private async download(testId: string): Promise<{ name: string; body: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    return { name: download.suggestedFilename(), body: await read(download) };
  }

  csv() {
    return this.download('certifications-csv');
  }

  pdf() {
    return this.download('certifications-pdf');
  }
}

async function read(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The public `/verification-certificat` page. */
export class Verification {
  constructor(private readonly page: Page) {}

  async check(code: string) {
    await this.page.goto('/verification-certificat');
    await this.page.getByTestId('verification-page').waitFor();
    await this.page.getByLabel('Code de vérification').fill(code);
    await this.page.getByTestId('verification-submit').click();
    await this.page.getByTestId('verification-result').or(this.page.getByTestId('form-errors')).first().waitFor();
  }
}
