import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../src/i18n';
import { AppProviders } from '../src/app/AppProviders';
import { LearnerBulkActions } from '../src/features/orga/pupil-accounts/LearnerBulkActions';
import { ManageAccountButton } from '../src/features/orga/pupil-accounts/ManageAccountButton';
import { errorBody, fakeApi, on, ORGANIZATION_ID } from './support';

const LEARNER_ID = '44444444-4444-4444-8444-444444444444';
const accountPath = `/api/organizations/${ORGANIZATION_ID}/learners/${LEARNER_ID}/account`;

const account = {
  learnerId: LEARNER_ID,
  hasAccount: true,
  email: null,
  username: 'ines.moreau0901',
  hasMediacentre: false,
  isBlocked: true,
  temporaryBlockUntil: null,
  hasNeverSignedIn: false,
  mustChangePassword: false,
  isManageable: true,
};

function renderInApp(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <div id="root">
      <AppProviders client={client}>{children}</AppProviders>
    </div>,
  );
}

describe('« Gérer le compte »', () => {
  it('shows how the pupil signs in, then a temporary password once, after a confirmation', async () => {
    const calls = fakeApi(
      on('GET', accountPath, { status: 200, body: account }),
      on('POST', `${accountPath}/temporary-password`, { status: 200, body: { account: { ...account, mustChangePassword: true }, temporaryPassword: 'Kbcdef42' } }),
    );
    renderInApp(<ManageAccountButton organizationId={ORGANIZATION_ID} learnerId={LEARNER_ID} learnerName="Inès Moreau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Gérer le compte d’Inès Moreau' }));
    const dialog = screen.getByRole('dialog', { name: 'Compte d’Inès Moreau' });
    expect((await within(dialog).findByTestId('pupil-account-username')).textContent).toBe('ines.moreau0901');
    expect(within(dialog).getByRole('button', { name: 'Copier l’identifiant d’Inès Moreau' })).toBeTruthy();
    expect(within(dialog).getByTestId('pupil-account-status').textContent).toBe('Bloqué après trop d’essais de mot de passe');
    expect(within(dialog).getByRole('button', { name: 'Débloquer le compte' })).toBeTruthy();

    const generate = within(dialog).getByRole('button', { name: 'Générer un mot de passe provisoire' });
    fireEvent.click(generate);
    let confirmation = within(dialog).getByRole('group', { name: 'Remplacer le mot de passe d’Inès Moreau ?' });
    expect(document.activeElement).toBe(within(confirmation).getByRole('button', { name: 'Annuler' }));
    fireEvent.click(within(confirmation).getByRole('button', { name: 'Annuler' }));
    expect(within(dialog).queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(generate);
    fireEvent.click(generate);
    confirmation = within(dialog).getByRole('group', { name: 'Remplacer le mot de passe d’Inès Moreau ?' });
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
    fireEvent.click(within(confirmation).getByRole('button', { name: 'Générer le mot de passe' }));

    expect((await within(dialog).findByTestId('temporary-password')).textContent).toBe('Kbcdef42');
    const panel = within(dialog).getByTestId('temporary-password-panel');
    expect(panel.textContent).toContain('il ne sera plus jamais affiché');
    expect(panel.textContent).toContain('devra choisir un nouveau mot de passe');
    expect(within(panel).getByRole('button', { name: 'Copier le mot de passe provisoire' })).toBeTruthy();
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([`${accountPath}/temporary-password`]);
  });

  it('unblocks a blocked pupil and adds a username to a Médiacentre-only account', async () => {
    const mediacentre = { ...account, username: null, hasMediacentre: true };
    const calls = fakeApi(
      on('GET', accountPath, { status: 200, body: mediacentre }),
      on('POST', `${accountPath}/unblock`, { status: 200, body: { account: { ...mediacentre, isBlocked: false }, temporaryPassword: null } }),
      on('POST', `${accountPath}/username`, { status: 200, body: { account: { ...account, isBlocked: false, hasMediacentre: true }, temporaryPassword: 'Qrstuv58' } }),
    );
    renderInApp(<ManageAccountButton organizationId={ORGANIZATION_ID} learnerId={LEARNER_ID} learnerName="Louis Bernard" />);
    fireEvent.click(screen.getByRole('button', { name: 'Gérer le compte de Louis Bernard' }));
    const dialog = screen.getByRole('dialog', { name: 'Compte de Louis Bernard' });
    expect(await within(dialog).findByText(/uniquement par le Médiacentre/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Générer un mot de passe provisoire' })).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Débloquer le compte' }));
    expect(await within(dialog).findByText('Le compte est débloqué : l’élève peut se connecter de nouveau.')).toBeTruthy();
    expect(within(dialog).getByTestId('pupil-account-status').textContent).toBe('Actif');
    expect(within(dialog).queryByRole('button', { name: 'Débloquer le compte' })).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajouter un identifiant' }));
    expect((await within(dialog).findByTestId('temporary-password')).textContent).toBe('Qrstuv58');
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([`${accountPath}/unblock`, `${accountPath}/username`]);
  });

  it('only shows the account of a team member linked to a learner', async () => {
    fakeApi(on('GET', accountPath, { status: 200, body: { ...account, email: 'prof@example.org', isManageable: false } }));
    renderInApp(<ManageAccountButton organizationId={ORGANIZATION_ID} learnerId={LEARNER_ID} learnerName="Louis Bernard" />);
    fireEvent.click(screen.getByRole('button', { name: 'Gérer le compte de Louis Bernard' }));
    const dialog = screen.getByRole('dialog');
    expect(await within(dialog).findByText(/seul son titulaire peut le modifier/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Copier l’adresse e-mail de Louis Bernard' })).toBeTruthy();
    for (const name of ['Générer un mot de passe provisoire', 'Débloquer le compte', 'Ajouter un identifiant']) {
      expect(within(dialog).queryByRole('button', { name })).toBeNull();
    }
  });

  it('creates the account of a pupil who has none, and translates a refusal', async () => {
    fakeApi(
      on('GET', accountPath, { status: 200, body: { ...account, hasAccount: false, username: null, isBlocked: false, hasNeverSignedIn: true } }),
      on('POST', accountPath, { status: 201, body: { account: { ...account, isBlocked: false, mustChangePassword: true }, temporaryPassword: 'Mnpqrs27' } }),
      on('POST', `${accountPath}/username`, errorBody(409, 'PUPIL_ACCOUNT_HAS_USERNAME')),
    );
    renderInApp(<ManageAccountButton organizationId={ORGANIZATION_ID} learnerId={LEARNER_ID} learnerName="Inès Moreau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Gérer le compte d’Inès Moreau' }));
    const dialog = screen.getByRole('dialog');
    expect((await within(dialog).findByText('Inès Moreau n’a pas encore de compte Jalon.')).textContent).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer le compte' }));
    expect((await within(dialog).findByTestId('temporary-password')).textContent).toBe('Mnpqrs27');
    expect(within(dialog).getByTestId('temporary-password-panel').textContent).toContain('ines.moreau0901');
    expect(within(dialog).queryByRole('button', { name: 'Créer le compte' })).toBeNull();
    // The pressed button is gone: focus stays in the dialog, on what it did.
    expect(dialog.contains(document.activeElement)).toBe(true);
  });
});

describe('bulk credentials', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The API answers the CSV as a file: fetch is replaced at the network boundary only. */
  function fakeCsv(status = 200) {
    const requests: { path: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        requests.push({ path: String(input), body: JSON.parse(String(init?.body)) });
        if (status !== 200) return new Response(JSON.stringify(errorBody(status, 'CREDENTIALS_NOTHING_TO_RESET').body), { status });
        return new Response('\uFEFF"Classe";"Nom";"Prénom";"Identifiant";"Mot de passe"\n', {
          status: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': "attachment; filename=\"Identifiants-eleves-2026-11-26.csv\"; filename*=UTF-8''Identifiants-eleves-2026-11-26.csv",
            'x-jalon-credentials-updated': '2',
            'x-jalon-credentials-untouched': '1',
          },
        });
      }),
    );
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:credentials');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    return { requests, saved };
  }

  const ids = ['55555555-5555-4555-8555-555555555551', '55555555-5555-4555-8555-555555555552', '55555555-5555-4555-8555-555555555553'];

  it('asks before generating, says how many pupils, downloads the file and reminds to hand it out privately', async () => {
    const { requests, saved } = fakeCsv();
    const onDone = vi.fn();
    renderInApp(<LearnerBulkActions organizationId={ORGANIZATION_ID} selectedLearnerIds={ids} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: 'Générer les identifiants' }));
    const dialog = screen.getByRole('dialog', { name: 'Générer les identifiants de 3 élèves ?' });
    expect(dialog.textContent).toContain('remettez à chaque élève le sien en privé');
    expect(requests).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Générer et télécharger' }));
    const outcome = await within(dialog).findByTestId('bulk-credentials-outcome');
    expect(outcome.textContent).toContain('Le fichier contient les identifiants de 2 élèves.');
    expect(outcome.textContent).toContain('1 élève n’a pas été modifié');
    expect(document.activeElement).toBe(outcome);
    expect(requests).toEqual([{ path: `/api/organizations/${ORGANIZATION_ID}/learners/credentials`, body: { action: 'GENERATE', learnerIds: ids } }]);
    expect(saved).toEqual(['Identifiants-eleves-2026-11-26.csv']);
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('is disabled without a selection, and shows why a reset had nothing to do', async () => {
    const { saved } = fakeCsv(409);
    const { unmount } = render(
      <AppProviders>
        <LearnerBulkActions organizationId={ORGANIZATION_ID} selectedLearnerIds={[]} onDone={() => undefined} />
      </AppProviders>,
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Réinitialiser les mots de passe' }).disabled).toBe(true);
    unmount();

    renderInApp(<LearnerBulkActions organizationId={ORGANIZATION_ID} selectedLearnerIds={ids.slice(0, 1)} onDone={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Réinitialiser les mots de passe' }));
    const dialog = screen.getByRole('dialog', { name: 'Réinitialiser le mot de passe de 1 élève ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Réinitialiser et télécharger' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Aucun des élèves sélectionnés ne se connecte avec un identifiant');
    expect(saved).toEqual([]);
  });
});
