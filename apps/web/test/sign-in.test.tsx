import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, errorBody, fakeApi, on, renderAt } from './support';

const signedOut = on('GET', '/api/me', errorBody(401, 'UNAUTHENTICATED'));

function typeAndSubmit(login: string, password: string) {
  fireEvent.change(screen.getByLabelText('Adresse e-mail ou identifiant'), { target: { value: login } });
  fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Je me connecte' }));
}

describe('sign-in', () => {
  it('shows the remaining attempts only when the API sends them, and keeps what was typed', async () => {
    fakeApi(signedOut, on('POST', '/api/auth/sign-in', errorBody(401, 'INVALID_CREDENTIALS', { meta: { remainingAttempts: 3 } })));
    renderAt('/connexion');
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    typeAndSubmit('bruno@example.org', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('incorrect');
    expect(alert.textContent).toContain('Tentatives restantes avant un blocage temporaire : 3.');
    expect(screen.getByLabelText<HTMLInputElement>('Adresse e-mail ou identifiant').value).toBe('bruno@example.org');
  });

  it('says nothing about attempts when meta.remainingAttempts is absent', async () => {
    fakeApi(signedOut, on('POST', '/api/auth/sign-in', errorBody(401, 'INVALID_CREDENTIALS')));
    renderAt('/connexion');
    await screen.findByRole('heading', { level: 1 });
    typeAndSubmit('bruno@example.org', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('Tentatives');
  });

  it('shows when a temporarily blocked account can try again', async () => {
    fakeApi(signedOut, on('POST', '/api/auth/sign-in', errorBody(403, 'ACCOUNT_TEMPORARILY_BLOCKED', { meta: { unblockAt: '2026-11-25T21:02:00.000Z' } })));
    renderAt('/connexion');
    await screen.findByRole('heading', { level: 1 });
    typeAndSubmit('bruno@example.org', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/temporairement bloqué.*25\/11\/2026/);
  });

  it('an account without membership gets NOT_A_MEMBER on the Orga sign-in page', async () => {
    fakeApi(signedOut, on('POST', '/api/auth/sign-in', { status: 200, body: aMe({ memberships: [] }) }));
    renderAt('/orga/connexion');
    await screen.findByRole('heading', { level: 1, name: 'Connexion à Jalon Orga' });
    typeAndSubmit('nobody@example.org', 'Secret123');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('n’est membre d’aucune organisation'));
  });
});
