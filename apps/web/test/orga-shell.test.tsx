import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeApi, on, ORGANIZATION_ID, renderAt } from './support';

const organization = {
  id: ORGANIZATION_ID,
  name: 'Collège Victor-Hugo',
  type: 'SCO',
  externalId: '0219999E',
  email: null,
  documentationUrl: 'https://example.org/jalon',
  isManagingStudents: true,
  identityProviderForCampaigns: 'MEDIACENTRE',
  timeZone: 'Europe/Paris',
  features: [],
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function signedInAs(role: 'ADMIN' | 'MEMBER', overrides = {}) {
  return fakeApi(
    on('GET', '/api/me', { status: 200, body: aMe(overrides, role) }),
    on('GET', `/api/organizations/${ORGANIZATION_ID}`, { status: 200, body: organization }),
    on('GET', `/api/organizations/${ORGANIZATION_ID}/members`, { status: 200, body: { members: [] } }),
    on('GET', `/api/organizations/${ORGANIZATION_ID}/invitations`, { status: 200, body: { invitations: [] } }),
  );
}

describe('Orga shell', () => {
  it('home shows the organization, what Orga offers and the two cards', async () => {
    signedInAs('MEMBER');
    renderAt('/orga/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Collège Victor-Hugo' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Créer une campagne' }).getAttribute('href')).toBe('/orga/campagnes/creation');
    expect(screen.getByRole('link', { name: 'Suivre l’activité' }).getAttribute('href')).toBe('/orga/campagnes/les-miennes');
    await waitFor(() => expect(document.title).toBe('Accueil | Jalon Orga'));
  });

  it('a MEMBER sees Campagnes, Élèves, Documentation and Statistiques, but neither Équipe nor Certifications', async () => {
    signedInAs('MEMBER');
    renderAt('/orga/');
    const menu = await screen.findByRole('navigation', { name: 'Menu Orga' });
    const labels = within(menu).getAllByRole('link').map((link) => link.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Campagnes', 'Élèves', 'Documentation', 'Statistiques']));
    expect(labels).not.toContain('Équipe');
    expect(labels).not.toContain('Certifications');
  });

  it('an ADMIN of a SCO organization also sees Équipe and Certifications', async () => {
    signedInAs('ADMIN');
    renderAt('/orga/');
    const menu = await screen.findByRole('navigation', { name: 'Menu Orga' });
    expect(within(menu).getByRole('link', { name: 'Équipe' }).getAttribute('href')).toBe('/orga/equipe');
    expect(within(menu).getByRole('link', { name: 'Certifications' }).getAttribute('href')).toBe('/orga/certifications');
  });

  it.each(['/orga/equipe/membres', '/orga/certifications'])('a MEMBER typing %s gets « Accès refusé »', async (path) => {
    signedInAs('MEMBER');
    renderAt(path);
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
  });

  it('/orga/equipe opens the members tab', async () => {
    signedInAs('ADMIN');
    renderAt('/orga/equipe');
    expect(await screen.findByTestId('members-page')).toBeTruthy();
  });

  it('the footer links to the organization’s documentation URL', async () => {
    signedInAs('MEMBER');
    renderAt('/orga/statistiques');
    await screen.findByTestId('orga-statistics');
    expect(screen.getByTestId('footer-documentation-link').getAttribute('href')).toBe('https://example.org/jalon');
  });

  it('sends an account that has not accepted the Orga terms to /orga/cgu first', async () => {
    signedInAs('ADMIN', { orgaTermsAcceptedAt: null });
    renderAt('/orga/');
    expect(await screen.findByTestId('orga-terms-page')).toBeTruthy();
  });

  it('sends an account with a temporary password to the password change first', async () => {
    signedInAs('MEMBER', { mustChangePassword: true });
    renderAt('/orga/');
    expect(await screen.findByTestId('password-change-required')).toBeTruthy();
    expect(screen.queryByLabelText('Mot de passe actuel')).toBeNull();
  });

  it('offers the organization switcher only to members of several organizations', async () => {
    const me = aMe();
    const second = { ...me.memberships[0]!, id: '44444444-4444-4444-8444-444444444444', organization: { ...me.memberships[0]!.organization, id: '55555555-5555-4555-8555-555555555555', name: 'Lycée Hugo' } };
    signedInAs('ADMIN', { memberships: [...me.memberships, second] });
    renderAt('/orga/');
    expect(await screen.findByLabelText('Changer d’organisation')).toBeTruthy();
  });
});
