import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aCampaign, aMe, fakeApi, on, ORGANIZATION_ID, renderAt } from './support';

const me = aMe({}, 'MEMBER');
const base = [
  on('GET', '/api/me', { status: 200, body: me }),
  on('GET', `/api/organizations/${ORGANIZATION_ID}/members`, {
    status: 200,
    body: { members: [{ id: '66666666-6666-4666-8666-666666666666', userId: me.id, firstName: 'Alice', lastName: 'Martin', email: 'alice@example.org', role: 'MEMBER', createdAt: '2026-01-01T00:00:00.000Z' }] },
  }),
  on('GET', new RegExp(`^/api/organizations/${ORGANIZATION_ID}/target-profiles`), {
    status: 200,
    body: {
      targetProfiles: [
        {
          id: 'tp-arts',
          name: 'Arts plastiques cycle 4',
          description: '',
          category: 'DISCIPLINE',
          categoryLabel: { fr: 'Disciplinaires' },
          locales: ['fr'],
          competenceCount: 3,
          tubeCount: 7,
          skillCount: 20,
          stageCount: 3,
          badgeCount: 1,
          devices: { tablet: true, mobile: false },
          estimatedMinutes: 45,
        },
      ],
    },
  }),
];

const campaignRow = {
  id: '44444444-4444-4444-8444-444444444444',
  type: 'ASSESSMENT',
  name: 'Arts 4e B',
  code: 'ABCDEF234',
  owner: { id: me.id, firstName: 'Alice', lastName: 'Martin' },
  createdAt: '2026-03-01T10:00:00.000Z',
  archivedAt: null,
  participantCount: 3,
  sharedCount: 1,
};

describe('Orga campaigns', () => {
  it('the creation form offers two types; profile collection hides the picker and the title', async () => {
    fakeApi(...base);
    renderAt('/orga/campagnes/creation');
    await screen.findByRole('heading', { level: 1, name: 'Créer une campagne' });
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    fireEvent.click(screen.getByRole('radio', { name: 'Évaluer les participants' }));
    expect(await screen.findByRole('radio', { name: 'Arts plastiques cycle 4' })).toBeTruthy();
    expect(screen.getByText('Sujets : 7')).toBeTruthy();
    expect(screen.getByText('Résultat en étoiles (paliers : 3)')).toBeTruthy();
    expect(screen.getByLabelText('Titre du parcours')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Collecter les profils Jalon des participants' }));
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect(screen.queryByLabelText('Titre du parcours')).toBeNull();
  });

  it('each refused field shows its own sentence beside it, and what was typed stays', async () => {
    const calls = fakeApi(
      ...base,
      on('POST', `/api/organizations/${ORGANIZATION_ID}/campaigns`, {
        status: 422,
        body: {
          errors: [
            { status: '422', code: 'CAMPAIGN_NAME_REQUIRED', detail: '', source: { pointer: '/name' } },
            { status: '422', code: 'CAMPAIGN_TITLE_TOO_LONG', detail: '', source: { pointer: '/title' } },
          ],
        },
      }),
    );
    renderAt('/orga/campagnes/creation');
    fireEvent.click(await screen.findByRole('radio', { name: 'Évaluer les participants' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'Arts plastiques cycle 4' }));
    fireEvent.change(screen.getByLabelText('Titre du parcours'), { target: { value: 'x'.repeat(51) } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer la campagne' }));

    const name = screen.getByLabelText('Nom de la campagne');
    expect((await screen.findByText('Indiquez le nom de la campagne.')).id).toBe(name.getAttribute('aria-describedby')?.split(' ').at(-1));
    expect(screen.getByText('Le titre du parcours ne doit pas dépasser 50 caractères.')).toBeTruthy();
    expect((screen.getByLabelText('Titre du parcours') as HTMLInputElement).value).toBe('x'.repeat(51));
    expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({ type: 'ASSESSMENT', targetProfileId: 'tp-arts', title: 'x'.repeat(51) });
  });

  it('« Mes campagnes » asks for the member’s own campaigns; the filters go to the URL and to the API', async () => {
    const calls = fakeApi(...base, on('GET', new RegExp(`^/api/organizations/${ORGANIZATION_ID}/campaigns`), { status: 200, body: { items: [campaignRow], page: 1, pageSize: 50, total: 1 } }));
    renderAt('/orga/campagnes/les-miennes');
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /Arts 4e B/ });
    expect(within(row).getByText('ABCDEF234')).toBeTruthy();
    expect(calls.some((call) => call.path.includes(`ownerId=${me.id}`) && call.path.includes('status=ACTIVE'))).toBe(true);

    fireEvent.change(screen.getByLabelText('Rechercher par nom'), { target: { value: 'arts' } });
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'archivees' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    await screen.findByRole('table');
    await expect.poll(() => calls.some((call) => call.path.includes('search=arts') && call.path.includes('status=ARCHIVED'))).toBe(true);
  });

  it('the campaign page shows the code, the direct link, the activity figures and each learner’s latest status', async () => {
    const campaign = aCampaign({ ...campaignRow, type: 'ASSESSMENT', creator: campaignRow.owner });
    const participant = (firstName: string, status: string) => ({
      participationId: crypto.randomUUID(),
      organizationLearnerId: crypto.randomUUID(),
      firstName,
      lastName: 'Durand',
      division: '3A',
      group: null,
      participantExternalId: null,
      status,
      progression: status === 'STARTED' ? 40 : null,
      participationCount: 1,
      createdAt: '2026-03-02T10:00:00.000Z',
      sharedAt: status === 'SHARED' ? '2026-03-02T11:00:00.000Z' : null,
    });
    const summary = {
      campaignType: 'ASSESSMENT',
      participantCount: 3,
      sharedCount: 1,
      statuses: [
        { status: 'STARTED', count: 1, percent: 33 },
        { status: 'TO_SHARE', count: 1, percent: 33 },
        { status: 'SHARED', count: 1, percent: 33 },
      ],
      from: '2026-03-01',
      to: '2026-03-04',
      days: [{ date: '2026-03-02', started: 3, shared: 1 }],
      divisions: ['3A'],
      groups: [],
    };
    const calls = fakeApi(
      ...base,
      on('GET', `/api/campaigns/${campaign.id}`, { status: 200, body: campaign }),
      on('GET', `/api/campaigns/${campaign.id}/activity`, { status: 200, body: summary }),
      on('GET', new RegExp(`^/api/campaigns/${campaign.id}/activity/participants`), {
        status: 200,
        body: { items: [participant('Charles', 'SHARED'), participant('Louis', 'STARTED'), participant('Garance', 'TO_SHARE')], page: 1, pageSize: 50, total: 3 },
      }),
      on('DELETE', new RegExp(`^/api/campaigns/${campaign.id}/participations/`), { status: 204 }),
    );
    renderAt(`/orga/campagnes/${campaign.id}`);
    expect((await screen.findByTestId('campaign-code')).textContent).toBe('ABCDEF234');
    expect(screen.getByTestId('campaign-direct-link').textContent).toBe('http://jalon.test/campagnes/ABCDEF234');
    expect(screen.getByRole('link', { name: 'Exporter les résultats (.csv)' }).getAttribute('href')).toBe(`/api/campaigns/${campaign.id}/export.csv`);
    const table = await screen.findByTestId('participants-table');
    expect(within(table).getAllByTestId('participant-status').map((cell) => cell.textContent)).toEqual(['Résultats reçus', 'En cours', 'En attente d’envoi']);
    expect(within(table).getAllByTestId('participant-progression').map((cell) => cell.textContent)).toEqual(['', '40 %', '']);
    expect(screen.getByTestId('status-donut-SHARED').dataset.count).toBe('1');

    // « Supprimer la participation » asks first, then deletes that learner's participation.
    fireEvent.click(within(table).getByRole('button', { name: 'Supprimer la participation de Louis Durand' }));
    const dialog = screen.getByRole('dialog');
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer la participation' }));
    await screen.findByTestId('participation-deleted');
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toHaveLength(1);
  });

  it('bulk delete asks for an explicit tick before it sends the selection', async () => {
    const calls = fakeApi(
      ...base,
      on('GET', new RegExp(`^/api/organizations/${ORGANIZATION_ID}/campaigns`), { status: 200, body: { items: [campaignRow], page: 1, pageSize: 50, total: 1 } }),
      on('POST', `/api/organizations/${ORGANIZATION_ID}/campaigns/delete`, { status: 204 }),
    );
    renderAt('/orga/campagnes/les-miennes');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Sélectionner la campagne « Arts 4e B »' }));
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer la sélection (1)' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer définitivement' }));
    expect(within(dialog).getByText('Cochez la case pour confirmer la suppression.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'J’ai compris que cette suppression est définitive' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer définitivement' }));
    await expect.poll(() => calls.find((call) => call.method === 'POST')?.body).toEqual({ campaignIds: [campaignRow.id] });
  });
});
