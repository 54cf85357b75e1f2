import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, errorBody, fakeApi, on, ORGANIZATION_ID, renderAt } from './support';

const me = aMe();
const base = [
  on('GET', '/api/me', { status: 200, body: me }),
  on('GET', `/api/organizations/${ORGANIZATION_ID}`, errorBody(404, 'ORGANIZATION_NOT_FOUND')),
];
const members = [
  { id: '66666666-6666-4666-8666-666666666666', userId: me.id, firstName: 'Alice', lastName: 'Martin', email: 'alice@example.org', role: 'ADMIN', createdAt: '2026-01-01T00:00:00.000Z' },
  { id: '77777777-7777-4777-8777-777777777777', userId: '88888888-8888-4888-8888-888888888888', firstName: 'Bruno', lastName: 'Petit', email: 'bruno@example.org', role: 'MEMBER', createdAt: '2026-01-01T00:00:00.000Z' },
];

function fillInvite(emails: string, confirm: boolean) {
  fireEvent.change(screen.getByLabelText('Adresses e-mail'), { target: { value: emails } });
  if (confirm) fireEvent.click(screen.getByRole('checkbox'));
  fireEvent.click(screen.getByRole('button', { name: 'Inviter' }));
}

describe('Team', () => {
  it('lists members with their role; the last-admin refusal shows in the dialog', async () => {
    const calls = fakeApi(
      ...base,
      on('GET', `/api/organizations/${ORGANIZATION_ID}/members`, { status: 200, body: { members } }),
      on('POST', `/api/organizations/${ORGANIZATION_ID}/leave`, errorBody(409, 'LAST_ADMIN')),
    );
    renderAt('/orga/equipe/membres');
    const table = await screen.findByRole('table');
    const bruno = within(table).getByRole('row', { name: /Bruno Petit/ });
    expect(within(bruno).getByText('Membre')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Quitter l’organisation' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Oui, quitter l’organisation' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('au moins un administrateur');
    expect(calls.some((call) => call.method === 'POST' && call.path.endsWith('/leave'))).toBe(true);
  });

  it('invites several addresses and lists the ones skipped as already members', async () => {
    const calls = fakeApi(
      ...base,
      on('GET', `/api/organizations/${ORGANIZATION_ID}/invitations`, { status: 200, body: { invitations: [] } }),
      on('POST', `/api/organizations/${ORGANIZATION_ID}/invitations`, {
        status: 201,
        body: { invited: [{ email: 'claire@example.org', invitationId: '99999999-9999-4999-8999-999999999999' }], alreadyMembers: ['bruno@example.org'] },
      }),
    );
    renderAt('/orga/equipe/inviter');
    await screen.findByRole('heading', { level: 1, name: 'Inviter un membre' });
    fillInvite('claire@example.org, bruno@example.org', true);
    const results = await screen.findByTestId('invitation-results');
    expect(within(results).getByTestId('invited-emails').textContent).toContain('claire@example.org');
    expect(within(results).getByTestId('already-members').textContent).toContain('bruno@example.org');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ emails: 'claire@example.org, bruno@example.org', role: null });
  });

  it('refuses to send without the results confirmation, and shows an invalid address beside the field', async () => {
    const calls = fakeApi(
      ...base,
      on('POST', `/api/organizations/${ORGANIZATION_ID}/invitations`, errorBody(422, 'INVITATION_EMAIL_INVALID', { source: { pointer: '/emails' }, meta: { email: 'pas-une-adresse' } })),
    );
    renderAt('/orga/equipe/inviter');
    await screen.findByRole('heading', { level: 1 });
    fillInvite('pas-une-adresse', false);
    expect(screen.getByText('Cochez cette case pour confirmer avant d’envoyer les invitations.')).toBeTruthy();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Inviter' }));
    const field = screen.getByLabelText<HTMLInputElement>('Adresses e-mail');
    const message = await screen.findByText('L’adresse « pas-une-adresse » n’est pas valide : aucune invitation n’a été envoyée.');
    expect(field.getAttribute('aria-describedby')).toContain(message.id);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.value).toBe('pas-une-adresse');
  });
});

describe('joining through an invitation', () => {
  it.each([
    ['INVITATION_ALREADY_ACCEPTED_OR_CANCELLED', 409, 'déjà été acceptée ou annulée'],
    ['INVITATION_EXPIRED', 410, 'a expiré'],
    ['INVITATION_NOT_FOUND', 404, 'introuvable'],
  ])('shows %s as a sentence', async (code, status, text) => {
    fakeApi(on('GET', '/api/me', errorBody(401, 'UNAUTHENTICATED')), on('GET', /^\/api\/invitations\//, errorBody(status, code)));
    renderAt('/orga/rejoindre?invitationId=abc&code=XYZ');
    expect((await screen.findByRole('alert')).textContent).toContain(text);
  });

  it('offers sign-in and sign-up inline when signed out, with the invited address prefilled', async () => {
    fakeApi(
      on('GET', '/api/me', errorBody(401, 'UNAUTHENTICATED')),
      on('GET', /^\/api\/invitations\//, { status: 200, body: { organizationName: 'Collège Victor-Hugo', email: 'claire@example.org', status: 'pending' } }),
    );
    renderAt('/orga/rejoindre?invitationId=abc&code=XYZ');
    expect(await screen.findByRole('heading', { level: 1, name: 'Rejoindre Collège Victor-Hugo' })).toBeTruthy();
    expect(screen.getByTestId('sign-in-form')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Je crée mon compte' }));
    expect(screen.getByLabelText<HTMLInputElement>('Adresse e-mail').value).toBe('claire@example.org');
  });
});
