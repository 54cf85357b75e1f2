import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, errorBody, fakeApi, on, ORGANIZATION_ID, renderAt } from './support';

const admin = aMe({ isPlatformAdmin: true, memberships: [] });
const organization = {
  id: ORGANIZATION_ID,
  name: 'Collège Victor-Hugo',
  type: 'SCO',
  externalId: '0219999E',
  email: 'ce.0219999e@example.org',
  documentationUrl: 'https://example.org/jalon',
  isManagingStudents: true,
  identityProviderForCampaigns: 'MEDIACENTRE',
  timeZone: 'Europe/Paris',
  features: ['CERTIFICATION_RESULTS', 'MULTIPLE_SENDING_ASSESSMENT'],
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('admin space', () => {
  it('is refused to a signed-in user who is not a platform admin', async () => {
    fakeApi(on('GET', '/api/me', { status: 200, body: aMe() }));
    renderAt('/admin/organisations');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
  });

  it('lists organizations with search and page taken from the URL', async () => {
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: admin }),
      on('GET', /^\/api\/admin\/organizations\?/, { status: 200, body: { items: [organization], page: 2, pageSize: 10, total: 11 } }),
    );
    renderAt('/admin/organisations?search=hugo&page=2&pageSize=10');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'Collège Victor-Hugo' }).getAttribute('href')).toBe(`/admin/organisations/${ORGANIZATION_ID}`);
    expect(calls.some((call) => call.path === '/api/admin/organizations?search=hugo&page=2&pageSize=10')).toBe(true);
    expect(screen.getByText('Page 2 sur 2')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Page suivante' }).disabled).toBe(true);
  });

  it('shows UAI_INVALID beside the UAI field and keeps the form as typed', async () => {
    fakeApi(
      on('GET', '/api/me', { status: 200, body: admin }),
      on('POST', '/api/admin/organizations', errorBody(422, 'UAI_INVALID', { source: { pointer: '/externalId' } })),
    );
    renderAt('/admin/organisations/nouvelle');
    await screen.findByRole('heading', { level: 1, name: 'Créer une organisation' });
    fireEvent.change(screen.getByLabelText('Nom'), { target: { value: 'Collège Test' } });
    fireEvent.change(screen.getByLabelText('Identifiant externe (UAI)'), { target: { value: '0219999A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer l’organisation' }));
    const uai = screen.getByLabelText<HTMLInputElement>('Identifiant externe (UAI)');
    const message = await screen.findByText(/Cet UAI n’est pas valide/);
    expect(uai.getAttribute('aria-describedby')).toContain(message.id);
    expect(uai.value).toBe('0219999A');
    expect(screen.getByLabelText<HTMLInputElement>('Nom').value).toBe('Collège Test');
  });

  it('saves the feature toggles as the full list of checked features', async () => {
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: admin }),
      on('GET', `/api/admin/organizations/${ORGANIZATION_ID}`, { status: 200, body: organization }),
      on('PUT', `/api/admin/organizations/${ORGANIZATION_ID}/features`, { status: 200, body: organization }),
    );
    renderAt(`/admin/organisations/${ORGANIZATION_ID}`);
    const form = await screen.findByTestId('features-form');
    fireEvent.click(within(form).getByLabelText(/Envoi multiple des résultats/));
    fireEvent.click(within(form).getByLabelText(/Import des participants/));
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer les fonctionnalités' }));
    await screen.findByTestId('features-saved');
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ features: ['LEARNER_IMPORT', 'CERTIFICATION_RESULTS'] });
  });

  it('shows a stored mail with its links clickable', async () => {
    fakeApi(
      on('GET', '/api/me', { status: 200, body: admin }),
      on('GET', '/api/admin/outbox/m1', {
        status: 200,
        body: { id: 'm1', to: 'claire@example.org', subject: 'Invitation', createdAt: '2026-11-25T20:00:00.000Z', html: '', text: 'Ouvrez ce lien : http://localhost:3000/orga/rejoindre?invitationId=i&code=C.\nMerci' },
      }),
    );
    renderAt('/admin/boite-d-envoi/m1');
    const link = await screen.findByRole('link', { name: 'http://localhost:3000/orga/rejoindre?invitationId=i&code=C' });
    expect(link.getAttribute('href')).toBe('http://localhost:3000/orga/rejoindre?invitationId=i&code=C');
    expect(screen.getByRole('heading', { level: 1, name: 'Invitation' })).toBeTruthy();
  });
});
