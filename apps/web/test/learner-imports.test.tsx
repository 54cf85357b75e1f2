import { fireEvent, screen, within } from '@testing-library/react';
import type { LearnerImport, LearnerImportSettings } from '@jalon/contracts';
import { describe, expect, it } from 'vitest';
import { aMe, fakeApi, on, ORGANIZATION_ID, renderAt } from './support';

const settings: LearnerImportSettings = {
  accept: ['.xml', '.zip', '.csv'],
  formats: ['SIECLE', 'SCO_CSV'],
  modeRequired: false,
  csvHeader: ['Identifiant unique', 'Premier prénom'],
  maxBytes: 20 * 1024 * 1024,
};

const refused: LearnerImport = {
  id: '44444444-4444-4444-8444-444444444444',
  format: 'SIECLE',
  mode: null,
  fileName: 'ElevesSansAdresses.zip',
  status: 'VALIDATION_ERROR',
  progress: 35,
  author: { firstName: 'Alice', lastName: 'Martin' },
  createdAt: '2026-09-02T08:00:00.000Z',
  updatedAt: '2026-09-02T08:00:03.000Z',
  errors: [
    { code: 'INE_REQUIRED', line: 25, elementId: '900001' },
    { code: 'BIRTHDATE_INVALID', line: 56, elementId: '900003', meta: { expected: '31/12/2012' } },
  ],
  errorCount: 240,
  warnings: [],
  counts: null,
};

const base = (me = aMe()) => [
  on('GET', '/api/me', { status: 200, body: me }),
  on('GET', `/api/organizations/${ORGANIZATION_ID}/learner-imports/settings`, { status: 200, body: settings }),
];

describe('Learner import page', () => {
  it('shows the latest import’s errors with their line and ELEVE_ID, in French', async () => {
    fakeApi(...base(), on('GET', `/api/organizations/${ORGANIZATION_ID}/learner-imports/latest`, { status: 200, body: { import: refused } }));
    renderAt('/orga/eleves/import');
    await screen.findByRole('heading', { level: 1, name: 'Importer les élèves' });
    const banner = await screen.findByTestId('import-banner');
    expect(within(banner).getByTestId('import-banner-status').textContent).toContain('Aucune donnée n’a été modifiée');
    const errors = within(banner).getAllByRole('listitem').map((item) => item.textContent);
    expect(errors).toEqual([
      'Ligne 25, ELEVE_ID 900001 : L’INE (identifiant national) de l’élève est manquant.',
      'Ligne 56, ELEVE_ID 900003 : La date de naissance n’est pas une date valide. (attendu : 31/12/2012)',
    ]);
    expect(banner.textContent).toContain('Seules les 2 premières erreurs sont affichées sur 240.');
    expect(screen.getByTestId('import-template').getAttribute('href')).toBe(`/api/organizations/${ORGANIZATION_ID}/learner-imports/template`);
  });

  it('asks for a file before sending anything', async () => {
    const calls = fakeApi(...base(), on('GET', `/api/organizations/${ORGANIZATION_ID}/learner-imports/latest`, { status: 200, body: { import: null } }));
    renderAt('/orga/eleves/import');
    fireEvent.click(await screen.findByTestId('import-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('Choisissez un fichier à importer.');
    expect(screen.queryByTestId('import-banner')).toBeNull();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('is refused to a MEMBER', async () => {
    fakeApi(...base(aMe({}, 'MEMBER')));
    renderAt('/orga/eleves/import');
    await screen.findByRole('heading', { level: 1, name: 'Accès refusé' });
  });

  it('does not exist under another organization type’s path', async () => {
    fakeApi(...base());
    renderAt('/orga/etudiants/import');
    await screen.findByRole('heading', { level: 1, name: 'Page introuvable' });
  });

  it('offers the SUP modes and explains « Remplacer »', async () => {
    const me = aMe();
    const sup = { ...me, memberships: me.memberships.map((membership) => ({ ...membership, organization: { ...membership.organization, type: 'SUP' as const } })) };
    fakeApi(
      on('GET', '/api/me', { status: 200, body: sup }),
      on('GET', `/api/organizations/${ORGANIZATION_ID}/learner-imports/settings`, { status: 200, body: { ...settings, accept: ['.csv'], formats: ['SUP_CSV'], modeRequired: true } }),
      on('GET', `/api/organizations/${ORGANIZATION_ID}/learner-imports/latest`, { status: 200, body: { import: null } }),
    );
    renderAt('/orga/etudiants/import');
    const replace = await screen.findByRole('radio', { name: 'Remplacer' });
    expect(document.getElementById(replace.getAttribute('aria-describedby')!)!.textContent).toContain('désactive en plus les étudiants absents du fichier');
    expect((screen.getByTestId('import-submit') as HTMLButtonElement).disabled).toBe(true);
  });
});
