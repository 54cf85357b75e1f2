import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../src/i18n';
import { aMe, errorBody, fakeApi, on, renderAt } from './support';

afterEach(() => {
  act(() => changeLanguage('fr'));
});

describe('learner space', () => {
  it('sends a signed-out visitor of a protected page to /connexion', async () => {
    fakeApi(on('GET', '/api/me', errorBody(401, 'UNAUTHENTICATED')));
    renderAt('/mon-compte');
    expect(await screen.findByTestId('sign-in-page')).toBeTruthy();
  });

  it('greets a signed-in learner with the « J’ai un code » field', async () => {
    fakeApi(on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) }));
    renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bonjour Alice' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Code du parcours' })).toBeTruthy();
  });

  it('a forced password change sends only the new password, then opens the page first asked for', async () => {
    let me = aMe({ mustChangePassword: true });
    const calls = fakeApi(
      on('GET', '/api/me', () => ({ status: 200, body: me })),
      on('POST', '/api/me/password', () => {
        me = { ...me, mustChangePassword: false };
        return { status: 204 };
      }),
    );
    renderAt('/mon-compte');
    await screen.findByTestId('password-change-required');
    fireEvent.change(screen.getByLabelText('Nouveau mot de passe'), { target: { value: 'Nouveau-mdp-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    expect(await screen.findByTestId('account-page')).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ newPassword: 'Nouveau-mdp-2026' });
  });

  it('shows the password policy before the user types, tied to the field', async () => {
    fakeApi(on('GET', '/api/me', errorBody(401, 'UNAUTHENTICATED')));
    renderAt('/inscription');
    const password = await screen.findByLabelText('Mot de passe');
    const policy = screen.getByText('Au moins 8 caractères, dont une majuscule, une minuscule et un chiffre.');
    expect(password.getAttribute('aria-describedby')).toContain(policy.parentElement?.id);
  });

  it('switches to English, remembers it and updates the page title', async () => {
    fakeApi(on('GET', '/api/me', errorBody(401, 'UNAUTHENTICATED')));
    renderAt('/connexion');
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    fireEvent.click(screen.getByTestId('language-switch'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(window.localStorage.getItem('jalon.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(document.title).toBe('Sign in | Jalon'));
  });
});
