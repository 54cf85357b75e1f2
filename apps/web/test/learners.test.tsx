import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LearnerRow, LearnersPage } from '@jalon/contracts';
import { describe, expect, it } from 'vitest';
import { aMe, fakeApi, on, ORGANIZATION_ID, renderAt } from './support';

const listPath = new RegExp(`^/api/organizations/${ORGANIZATION_ID}/learners(\\?.*)?$`);
const classesPath = `/api/organizations/${ORGANIZATION_ID}/learners/classes`;

function row(id: number, fields: Partial<LearnerRow>): LearnerRow {
  return {
    id: `aaaaaaaa-aaaa-4aaa-8aaa-${String(id).padStart(12, '0')}`,
    firstName: 'Prénom',
    lastName: 'Nom',
    birthdate: '2011-03-14',
    division: '3A',
    group: null,
    studentNumber: null,
    hasAccount: true,
    loginMethods: [],
    participationCount: 0,
    latestParticipation: null,
    certifiability: 'UNAVAILABLE',
    isBlocked: false,
    isDisabled: false,
    ...fields,
  };
}

const pupils: LearnersPage = {
  items: [
    row(1, {
      firstName: 'Charles',
      lastName: 'Durand',
      loginMethods: ['mediacentre'],
      participationCount: 2,
      certifiability: 'CERTIFIABLE',
      latestParticipation: {
        id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
        campaignId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
        campaignName: 'Sécurité',
        status: 'STARTED',
        createdAt: '2026-11-20T10:00:00.000Z',
        sharedAt: null,
      },
    }),
    row(2, { firstName: 'Inès', lastName: 'Moreau', division: '3B', hasAccount: false, isBlocked: false }),
    row(3, { firstName: 'Zoé', lastName: 'Petit', division: '3B', loginMethods: ['identifiant', 'email'], isBlocked: true, certifiability: 'NOT_CERTIFIABLE' }),
  ],
  page: 1,
  pageSize: 50,
  total: 3,
};

const listCalls = (calls: { method: string; path: string }[]) => calls.filter((call) => call.method === 'GET' && listPath.test(call.path)).map((call) => call.path);

describe('Orga « Élèves »', () => {
  it('shows each pupil’s class, login badges, latest participation, certifiability and blocked flag, with « Gérer le compte »', async () => {
    fakeApi(on('GET', '/api/me', { status: 200, body: aMe({}, 'MEMBER') }), on('GET', classesPath, { status: 200, body: { divisions: ['3A', '3B'], groups: [] } }), on('GET', listPath, { status: 200, body: pupils }));
    renderAt('/orga/eleves');
    const table = await screen.findByTestId('learners-table');
    const rows = within(table).getAllByTestId('learner-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText('Médiacentre')).toBeTruthy();
    expect(within(rows[0]!).getByText('Sécurité')).toBeTruthy();
    expect(within(rows[0]!).getByText('Certifiable')).toBeTruthy();
    expect(within(rows[0]!).getByText('14/03/2011')).toBeTruthy();
    expect(within(rows[1]!).getByText('Aucune', { selector: '[data-testid="login-method"]' })).toBeTruthy();
    expect(within(rows[2]!).getByText('Identifiant')).toBeTruthy();
    expect(within(rows[2]!).getByText('Adresse e-mail')).toBeTruthy();
    expect(within(rows[2]!).getByTestId('learner-blocked').textContent).toBe('Compte bloqué');
    expect(within(rows[1]!).getByRole('button', { name: /^Gérer le compte .*Inès Moreau$/ })).toBeTruthy();
    // A member neither imports nor deletes; pupils are never deleted from this list.
    expect(screen.queryByTestId('learners-import')).toBeNull();
    expect(screen.queryByTestId('bulk-delete-learners')).toBeNull();
    expect(within(rows[0]!).getByRole('link', { name: 'Durand' }).getAttribute('href')).toBe(`/orga/eleves/${pupils.items[0]!.id}`);
  });

  it('sends the filters and the order from the URL, and a header click sorts', async () => {
    const calls = fakeApi(on('GET', '/api/me', { status: 200, body: aMe() }), on('GET', classesPath, { status: 200, body: { divisions: ['3A', '3B'], groups: [] } }), on('GET', listPath, { status: 200, body: pupils }));
    renderAt('/orga/eleves?classe=3A&classe=3B&connexion=without_mediacentre&certifiabilite=CERTIFIABLE&search=ines&anciens=oui');
    await screen.findByTestId('learners-table');
    const [first] = listCalls(calls);
    const query = new URLSearchParams(first!.split('?')[1]);
    expect(query.getAll('divisions')).toEqual(['3A', '3B']);
    expect([query.get('loginMethod'), query.get('certifiability'), query.get('search'), query.get('disabled'), query.get('sort')]).toEqual(['without_mediacentre', 'CERTIFIABLE', 'ines', 'show', null]);
    expect(screen.getByTestId('learners-import').getAttribute('href')).toBe('/orga/eleves/import');

    fireEvent.click(screen.getByTestId('sort-division'));
    await waitFor(() => expect(listCalls(calls).some((path) => path.includes('sort=division') && !path.includes('order='))).toBe(true));
    fireEvent.click(screen.getByTestId('sort-division'));
    await waitFor(() => expect(listCalls(calls).some((path) => path.includes('sort=division') && path.includes('order=desc'))).toBe(true));
    expect(screen.getByTestId('sort-division').closest('th')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('« select all » ticks the page and the selection bar counts it', async () => {
    fakeApi(on('GET', '/api/me', { status: 200, body: aMe() }), on('GET', classesPath, { status: 200, body: { divisions: [], groups: [] } }), on('GET', listPath, { status: 200, body: pupils }));
    renderAt('/orga/eleves');
    fireEvent.click(await screen.findByTestId('select-all'));
    expect(screen.getAllByTestId('select-learner').every((box) => (box as HTMLInputElement).checked)).toBe(true);
    expect(screen.getByTestId('selection-count').textContent).toBe('3 lignes sélectionnées');
    fireEvent.click(screen.getAllByTestId('select-learner')[0]!);
    expect((screen.getByTestId('select-all') as HTMLInputElement).indeterminate).toBe(true);
    expect(screen.getByTestId('selection-count').textContent).toBe('2 lignes sélectionnées');
  });

  it('reads the list again when an import running beside it finishes', async () => {
    const running = { id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee', format: 'SIECLE', mode: null, fileName: 'siecle.zip', status: 'VALIDATED', progress: 60, author: { firstName: 'Alice', lastName: 'Martin' }, createdAt: '2026-11-26T10:00:00.000Z', updatedAt: '2026-11-26T10:00:05.000Z', errors: [], errorCount: 0, warnings: [], counts: null };
    let polls = 0;
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: aMe() }),
      on('GET', classesPath, { status: 200, body: { divisions: [], groups: [] } }),
      on('GET', `/api/organizations/${ORGANIZATION_ID}/learner-imports/latest`, () => {
        polls++;
        return { status: 200, body: { import: polls === 1 ? running : { ...running, status: 'IMPORTED', progress: 100, counts: { created: 3, updated: 0, enabled: 0, disabled: 0, skippedWithoutClass: 0, skippedLeft: 0 } } } };
      }),
      on('GET', listPath, { status: 200, body: pupils }),
    );
    renderAt('/orga/eleves');
    await screen.findByTestId('learners-table');
    expect(listCalls(calls)).toHaveLength(1);
    await waitFor(() => expect(listCalls(calls)).toHaveLength(2), { timeout: 4000 });
  });

  it('a collège has no « Participants » page', async () => {
    fakeApi(on('GET', '/api/me', { status: 200, body: aMe() }));
    renderAt('/orga/participants');
    expect(await screen.findByText(/introuvable/i)).toBeTruthy();
  });
});

describe('Orga « Participants »: deletion', () => {
  const pro = aMe({
    memberships: [
      {
        id: '33333333-3333-4333-8333-333333333333',
        role: 'ADMIN',
        organization: { id: ORGANIZATION_ID, name: 'Association Clic Solidaire', type: 'PRO', documentationUrl: null, isManagingStudents: false, features: [] },
      },
    ],
  });

  it('asks for an explicit confirmation, then deletes the selection and says so', async () => {
    const posted: unknown[] = [];
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: pro }),
      on('GET', classesPath, { status: 200, body: { divisions: [], groups: [] } }),
      on('GET', listPath, { status: 200, body: { ...pupils, items: pupils.items.map((item) => ({ ...item, division: null, birthdate: null })) } }),
      on('POST', `/api/organizations/${ORGANIZATION_ID}/learners/delete`, (body) => {
        posted.push(body);
        return { status: 200, body: { deleted: 2 } };
      }),
    );
    renderAt('/orga/participants');
    await screen.findByTestId('learners-table');
    expect(screen.queryByText('Connexion')).toBeNull();
    const remove = screen.getByTestId('bulk-delete-learners') as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner Charles Durand' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner Zoé Petit' }));
    fireEvent.click(remove);
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(within(dialog).getByRole('heading', { name: 'Supprimer 2 personnes ?' })).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('confirm-dialog-confirm'));
    expect(await within(dialog).findByText('Cochez la case pour confirmer la suppression.')).toBeTruthy();
    expect(posted).toEqual([]);
    fireEvent.click(within(dialog).getByLabelText('J’ai compris que cette suppression est définitive.'));
    fireEvent.click(within(dialog).getByTestId('confirm-dialog-confirm'));
    expect((await screen.findByTestId('learners-deleted')).textContent).toContain('2 personnes ont été supprimées et anonymisées.');
    expect(posted).toEqual([{ learnerIds: [pupils.items[0]!.id, pupils.items[2]!.id] }]);
    // The list is read again after the deletion.
    await waitFor(() => expect(listCalls(calls).length).toBeGreaterThan(1));
  });
});

describe('Orga learner page', () => {
  const LEARNER_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-000000000009';
  const detail = {
    id: LEARNER_ID,
    firstName: 'Alice',
    middleName: 'Marie',
    thirdName: null,
    lastName: 'Roux',
    preferredLastName: null,
    birthdate: '2004-02-02',
    division: null,
    group: 'L1 G1',
    studentNumber: 'E001',
    hasAccount: true,
    loginMethods: ['email'],
    certifiability: 'CERTIFIABLE',
    certifiabilityAt: '2026-11-01T10:00:00.000Z',
    isBlocked: false,
    isDisabled: false,
    disabledAt: null,
    participations: [
      {
        id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
        campaign: { id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', name: 'Profils L1', type: 'PROFILES_COLLECTION', archived: false },
        status: 'SHARED',
        isImproved: false,
        createdAt: '2026-10-01T10:00:00.000Z',
        sharedAt: '2026-11-01T10:00:00.000Z',
        masteryPercent: null,
        pixScore: 212,
      },
    ],
  };
  const university = aMe({
    memberships: [
      {
        id: '33333333-3333-4333-8333-333333333333',
        role: 'ADMIN',
        organization: { id: ORGANIZATION_ID, name: 'Université', type: 'SUP', documentationUrl: null, isManagingStudents: true, features: [] },
      },
    ],
  });

  it('lists the participations with a link to each participant page, and an ADMIN corrects the student number', async () => {
    const patched: unknown[] = [];
    fakeApi(
      on('GET', '/api/me', { status: 200, body: university }),
      on('GET', `/api/organizations/${ORGANIZATION_ID}/learners/${LEARNER_ID}`, { status: 200, body: detail }),
      on('PATCH', `/api/organizations/${ORGANIZATION_ID}/learners/${LEARNER_ID}`, (body) => {
        patched.push(body);
        return patched.length === 1
          ? { status: 409, body: { errors: [{ status: '409', code: 'STUDENT_NUMBER_ALREADY_USED', detail: '', source: { pointer: '/studentNumber' } }] } }
          : { status: 200, body: { ...detail, studentNumber: 'E003' } };
      }),
    );
    renderAt(`/orga/etudiants/${LEARNER_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Alice Roux' });
    const participation = screen.getByTestId('learner-participation');
    expect(within(participation).getByRole('link', { name: 'Voir les résultats de la campagne Profils L1' }).getAttribute('href')).toBe(
      `/orga/campagnes/${detail.participations[0]!.campaign.id}/participants/${detail.participations[0]!.id}`,
    );
    expect(within(participation).getByText('212 pix')).toBeTruthy();
    expect(screen.getByText('Marie')).toBeTruthy();

    fireEvent.click(screen.getByTestId('edit-student-number'));
    const field = screen.getByLabelText('Numéro étudiant');
    fireEvent.change(field, { target: { value: 'E002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Ce numéro étudiant est déjà attribué à un autre étudiant de l’établissement.')).toBeTruthy();
    expect(screen.getByLabelText('Numéro étudiant').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('Numéro étudiant'), { target: { value: 'E003' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Le numéro étudiant est enregistré.')).toBeTruthy();
    expect(patched).toEqual([{ studentNumber: 'E002' }, { studentNumber: 'E003' }]);
  });
});
