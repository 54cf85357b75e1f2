import type { Page } from 'playwright-core';

/** Orga « Campagnes »: the lists, the creation form with its parcours picker, the campaign page and its settings. */
export class Campaigns {
  constructor(private readonly page: Page) {}

  async openMine() {
    await this.page.goto('/orga/campagnes/les-miennes');
    await this.page.getByTestId('campaigns-count').waitFor();
  }

  async openAll() {
    await this.page.goto('/orga/campagnes/toutes');
    await this.page.getByTestId('campaigns-count').waitFor();
  }

  campaignNames(): Promise<string[]> {
    return this.page.getByTestId('campaign-link').allInnerTexts();
  }

  async openCampaign(name: string) {
    await this.page.getByTestId('campaign-link').filter({ hasText: name }).first().click();
    await this.page.getByTestId('campaign-page').waitFor();
  }

  async openCreation() {
    await this.page.getByTestId('create-campaign-link').click();
    await this.page.getByTestId('create-campaign-form').waitFor();
  }

  async chooseType(type: 'Évaluer les participants' | 'Collecter les profils Jalon des participants') {
    await this.page.getByRole('radio', { name: type }).check();
  }

  picker() {
    return this.page.getByTestId('parcours-options');
  }

  /** The names on the picker's cards; after a filter change, poll until the new list is shown. */
  parcoursNames(): Promise<string[]> {
    return this.page.getByTestId('parcours-option').locator('label').allInnerTexts();
  }

  async searchParcours(text: string) {
    await this.page.getByLabel('Rechercher un parcours').fill(text);
  }

  async filterCategory(label: string) {
    await this.page.getByLabel('Catégorie').selectOption({ label });
  }

  async chooseParcours(name: string) {
    await this.picker().getByRole('radio', { name, exact: true }).check();
  }

  documentationLink(name: string) {
    return this.page.getByRole('link', { name: `Voir le contenu de « ${name} » (nouvel onglet)` });
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The error sentence tied to a field through aria-describedby. */
  async errorOf(label: string): Promise<string> {
    const ids = (await this.field(label).getAttribute('aria-describedby')) ?? '';
    const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
    return errorId ? this.page.locator(`[id="${errorId}"]`).innerText() : '';
  }

  async submitCreation() {
    await this.page.getByTestId('create-campaign-submit').click();
  }

  /**
   * Creates an assessment campaign on « Arts plastiques cycle 4 » (a short disciplinary
   * parcours) from « Mes campagnes », and returns its code and id from the campaign page.
   */
  async createArtsAssessment(name: string): Promise<{ code: string; campaignId: string }> {
    await this.openMine();
    await this.openCreation();
    await this.chooseType('Évaluer les participants');
    await this.field('Nom de la campagne').fill(name);
    await this.filterCategory('Disciplinaires');
    await this.chooseParcours('Arts plastiques cycle 4');
    await this.submitCreation();
    await this.page.getByTestId('campaign-page').waitFor();
    return { code: await this.code(), campaignId: new URL(this.page.url()).pathname.split('/').at(-1)! };
  }

  code(): Promise<string> {
    return this.page.getByTestId('campaign-code').innerText();
  }

  directLink(): Promise<string> {
    return this.page.getByTestId('campaign-direct-link').innerText();
  }

  async copyCode() {
    await this.page.getByTestId('copy-code').click();
    await this.page.getByTestId('copy-code-status').filter({ hasText: 'Copié' }).waitFor();
  }

  async openSettings() {
    await this.page.getByTestId('campaign-tab-settings').click();
    await this.page.getByTestId('campaign-settings').waitFor();
  }

  async editLandingText(text: string) {
    await this.page.getByTestId('edit-campaign').click();
    await this.field('Texte de la page d’accueil').fill(text);
    await this.page.getByTestId('save-campaign').click();
    await this.page.getByTestId('campaign-saved').waitFor();
  }

  landingText(): Promise<string> {
    return this.page.getByTestId('detail-landing-text').innerText();
  }

  async archive() {
    await this.page.getByTestId('archive-campaign').click();
    await this.page.getByTestId('campaign-archived').waitFor();
  }

  async unarchiveFromHeader() {
    await this.page.getByTestId('unarchive-campaign').click();
    await this.page.getByTestId('campaign-archived').waitFor({ state: 'detached' });
  }
}
