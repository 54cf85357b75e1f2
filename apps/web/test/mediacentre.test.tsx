import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aLanding } from './learner-fixtures';
import { aMe, errorBody, fakeApi, on, renderAt } from './support';

const signedOut = on('GET', '/api/me', errorBody(401, 'UNAUTHENTICATED'));
const pending = on('GET', '/api/sso/pending-identity', { status: 200, body: { firstName: 'Charles', lastName: 'Durand', providerLabel: 'Médiacentre du Collège Victor-Hugo' } });

describe('first sign-in through the Médiacentre', () => {
  it('shows the ENT names locked, sends the code and the birthdate, and goes to the campaign', async () => {
    const calls = fakeApi(signedOut, pending, on('POST', '/api/sso/pending-identity/link', { status: 200, body: { redirectTo: '/campagnes/KQBWZN482' } }));
    renderAt('/premiere-connexion?code=KQBWZN482');
    const firstName = await screen.findByLabelText('Prénom');
    expect((firstName as HTMLInputElement).value).toBe('Charles');
    expect(firstName.hasAttribute('readonly')).toBe(true);
    expect((screen.getByLabelText('Nom') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('Code de la campagne') as HTMLInputElement).value).toBe('KQBWZN482');
    fireEvent.change(screen.getByLabelText('Jour'), { target: { value: '14' } });
    fireEvent.change(screen.getByLabelText('Mois'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Année'), { target: { value: '2010' } });
    fireEvent.click(screen.getByRole('button', { name: 'Je rejoins la campagne' }));
    await waitFor(() => expect(calls.find((call) => call.path === '/api/sso/pending-identity/link')?.body).toEqual({ campaignCode: 'KQBWZN482', birthdate: '2010-03-14' }));
  });

  it('says which field is wrong and why', async () => {
    fakeApi(signedOut, pending, on('POST', '/api/sso/pending-identity/link', errorBody(403, 'SSO_CAMPAIGN_NOT_IN_ORGANIZATION', { source: { pointer: '/campaignCode' } })));
    renderAt('/premiere-connexion');
    fireEvent.change(await screen.findByLabelText('Code de la campagne'), { target: { value: 'abcdef234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Je rejoins la campagne' }));
    expect(await screen.findByText(/campagne d’un autre établissement/)).toBeTruthy();
    expect(screen.getByLabelText('Code de la campagne').getAttribute('aria-invalid')).toBe('true');
  });

  it('an expired pending identity sends the pupil back to the ENT', async () => {
    fakeApi(signedOut, on('GET', '/api/sso/pending-identity', errorBody(401, 'SSO_PENDING_IDENTITY_NOT_FOUND')));
    renderAt('/premiere-connexion');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion expirée' })).toBeTruthy();
  });
});

describe('the ENT hint on a Médiacentre school’s campaign', () => {
  const landing = on('GET', '/api/campaigns/by-code/KQBWZN482', {
    status: 200,
    body: aLanding({ organization: { id: '11111111-1111-4111-8111-111111111111', name: 'Collège Victor-Hugo', type: 'SCO', isRestricted: true, identityProvider: 'MEDIACENTRE' } }),
  });
  const entry = (signedInThroughProvider: boolean) =>
    on('GET', '/api/sso/campaigns/KQBWZN482/entry', {
      status: 200,
      body: { providers: [{ label: 'Médiacentre du Collège Victor-Hugo', loginUrl: '/api/sso/saml/mediacentre-victor-hugo/login?code=KQBWZN482' }], signedInThroughProvider },
    });

  it('offers the ENT sign-in to a pupil signed in another way, without blocking the start', async () => {
    fakeApi(on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) }), landing, entry(false));
    renderAt('/campagnes/KQBWZN482/presentation');
    const link = await screen.findByRole('link', { name: 'Se connecter avec Médiacentre du Collège Victor-Hugo' });
    expect(link.getAttribute('href')).toBe('/api/sso/saml/mediacentre-victor-hugo/login?code=KQBWZN482');
    expect(screen.getByTestId('campaign-start')).toBeTruthy();
  });

  it('shows nothing to a pupil who came through the ENT', async () => {
    fakeApi(on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) }), landing, entry(true));
    renderAt('/campagnes/KQBWZN482/presentation');
    await screen.findByTestId('campaign-start');
    await waitFor(() => expect(screen.queryByTestId('mediacentre-hint')).toBeNull());
  });
  it('locks the names of the reconciliation form for a pupil who came through the ENT', async () => {
    fakeApi(
      on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) }),
      on('GET', '/api/campaigns/by-code/KQBWZN482', {
        status: 200,
        body: aLanding({
          organization: { id: '11111111-1111-4111-8111-111111111111', name: 'Collège Victor-Hugo', type: 'SCO', isRestricted: true, identityProvider: 'MEDIACENTRE' },
          me: { isReconciled: false, firstName: 'Charles', lastName: 'Durand', participation: null, isFirstCampaign: true },
        }),
      }),
      entry(true),
    );
    renderAt('/campagnes/KQBWZN482/rejoindre');
    const firstName = (await screen.findByLabelText('Prénom')) as HTMLInputElement;
    await waitFor(() => expect(firstName.readOnly).toBe(true));
    expect(firstName.value).toBe('Charles');
    expect((screen.getByLabelText('Nom') as HTMLInputElement).readOnly).toBe(true);
  });
});
