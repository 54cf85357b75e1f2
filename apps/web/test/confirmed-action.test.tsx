import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Invitation } from '@jalon/contracts';
import { aCampaign, aCandidate, aMe, aSitting, errorBody, fakeApi, on, ORGANIZATION_ID, renderAt, SITTING_ID } from './support';

// « Ask, then act » (useConfirmedAction) through three of the pages that use it.

const centreMe = aMe();
centreMe.memberships[0]!.organization.features = ['CERTIFICATION_CENTER'];
const sittingPath = `/api/organizations/${ORGANIZATION_ID}/certification/sittings/${SITTING_ID}`;
const sitting = aSitting();
const durand = aCandidate('55555555-5555-4555-8555-555555555551', 'Durand', { firstName: 'Charles' });

describe('asking before an action', () => {
  it('shows a refusal in the dialog, forgets it on « Annuler », and closes once the action succeeds', async () => {
    let removed = false;
    let attempts = 0;
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: centreMe }),
      on('GET', sittingPath, { status: 200, body: sitting }),
      on('GET', `${sittingPath}/candidates`, () => ({ status: 200, body: { items: removed ? [] : [durand] } })),
      on('DELETE', `${sittingPath}/candidates/${durand.id}`, () => {
        attempts++;
        if (attempts === 1) return errorBody(409, 'CANDIDATE_ALREADY_STARTED');
        removed = true;
        return { status: 204 };
      }),
    );
    renderAt(`/certif/sessions/${SITTING_ID}`);
    const remove = await screen.findByRole('button', { name: 'Retirer Durand Charles' });

    fireEvent.click(remove);
    let dialog = screen.getByRole('dialog', { name: 'Retirer Durand Charles de la session ?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuler' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Retirer le candidat' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Ce candidat a commencé son test : il ne peut plus être retiré.');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(remove);
    dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByRole('alert')).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Retirer le candidat' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByTestId('no-candidates')).toBeTruthy();
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(2);
  });

  it('sends nothing when Escape closes the dialog, and acts on the row that was asked about', async () => {
    const invitation = (id: string, email: string): Invitation => ({
      id,
      email,
      role: null,
      status: 'pending',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    const claire = invitation('99999999-9999-4999-8999-999999999991', 'claire@example.org');
    const david = invitation('99999999-9999-4999-8999-999999999992', 'david@example.org');
    let cancelled = false;
    const invitationsPath = `/api/organizations/${ORGANIZATION_ID}/invitations`;
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: aMe() }),
      on('GET', `/api/organizations/${ORGANIZATION_ID}`, errorBody(404, 'ORGANIZATION_NOT_FOUND')),
      on('GET', invitationsPath, () => ({ status: 200, body: { invitations: cancelled ? [claire] : [claire, david] } })),
      on('DELETE', `${invitationsPath}/${david.id}`, () => {
        cancelled = true;
        return { status: 204 };
      }),
    );
    renderAt('/orga/equipe/invitations');
    const cancelDavid = await screen.findByRole('button', { name: 'Annuler l’invitation de david@example.org' });

    fireEvent.click(cancelDavid);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(0);

    fireEvent.click(cancelDavid);
    const dialog = screen.getByRole('dialog', { name: 'Annuler l’invitation' });
    expect(dialog.textContent).toContain('david@example.org');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Oui, annuler l’invitation' }));
    await waitFor(() => expect(screen.getAllByTestId('invitation-row')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([`${invitationsPath}/${david.id}`]);
  });

  it('runs nothing irreversible before the box is ticked, and « Annuler » forgets the tick', async () => {
    const campaign = aCampaign({
      id: '33333333-3333-4333-8333-333333333333',
      type: 'PROFILES_COLLECTION',
      name: 'Profils 3e A',
      targetProfile: null,
    });
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: aMe() }),
      on('GET', `/api/organizations/${ORGANIZATION_ID}/members`, { status: 200, body: { members: [] } }),
      on('GET', `/api/campaigns/${campaign.id}`, { status: 200, body: campaign }),
      on('DELETE', `/api/campaigns/${campaign.id}`, { status: 204 }),
      on('GET', new RegExp(`^/api/organizations/${ORGANIZATION_ID}/campaigns`), { status: 200, body: { items: [], page: 1, pageSize: 50, total: 0 } }),
    );
    renderAt(`/orga/campagnes/${campaign.id}/parametres`);
    const remove = await screen.findByTestId('delete-campaign');

    fireEvent.click(remove);
    let dialog = screen.getByRole('dialog', { name: 'Supprimer la campagne « Profils 3e A » ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer définitivement' }));
    expect(within(dialog).getByText('Cochez la case pour confirmer la suppression.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'J’ai compris que cette suppression est définitive' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));

    fireEvent.click(remove);
    dialog = screen.getByRole('dialog');
    const box = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'J’ai compris que cette suppression est définitive' });
    expect(box.checked).toBe(false);
    expect(within(dialog).queryByText('Cochez la case pour confirmer la suppression.')).toBeNull();
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    fireEvent.click(box);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer définitivement' }));
    expect((await screen.findByTestId('campaign-deleted')).textContent).toBe('La campagne « Profils 3e A » est supprimée.');
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
  });
});
