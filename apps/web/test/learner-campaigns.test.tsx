import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { daysUntil } from '../src/features/learner/results/delays';
import { aLanding, aParticipation, CAMPAIGN_ID, PARTICIPATION_ID, someResults } from './learner-fixtures';
import { aMe, errorBody, fakeApi, on, renderAt } from './support';

const signedIn = on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) });
const landingOf = (code: string, body: unknown) => on('GET', `/api/campaigns/by-code/${code}`, { status: 200, body });

describe('« J’ai un code »', () => {
  it('forgives lowercase, spaces and hyphens, then opens the landing page', async () => {
    const calls = fakeApi(signedIn, landingOf('KQBWZN482', aLanding()));
    renderAt('/campagnes');
    fireEvent.change(await screen.findByLabelText('Code du parcours'), { target: { value: ' kqbw-zn 482 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accéder au parcours' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Arts plastiques cycle 4' })).toBeTruthy();
    expect(calls.some((call) => call.path === '/api/campaigns/by-code/KQBWZN482')).toBe(true);
  });

  it('refuses a malformed code before any call, beside the field', async () => {
    const calls = fakeApi(signedIn);
    renderAt('/campagnes');
    const field = await screen.findByLabelText('Code du parcours');
    fireEvent.change(field, { target: { value: 'KQBWZN481' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accéder au parcours' }));
    expect(await screen.findByText(/Ce code n’a pas le bon format/)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((call) => call.path.startsWith('/api/campaigns'))).toEqual([]);
  });

  it('the direct link /campagnes/<code> opens the landing page, uppercased', async () => {
    fakeApi(signedIn, landingOf('KQBWZN482', aLanding()));
    renderAt('/campagnes/kqbwzn482');
    expect(await screen.findByTestId('campaign-landing')).toBeTruthy();
  });

  it.each([
    ['unknown', errorBody(404, 'CAMPAIGN_CODE_NOT_FOUND'), 'Parcours introuvable'],
    ['deleted', errorBody(404, 'CAMPAIGN_NOT_FOUND'), 'Parcours supprimé'],
    ['archived', { status: 200, body: aLanding({ isArchived: true }) }, 'Parcours désactivé'],
  ])('an %s campaign gets its own page', async (reason, response, heading) => {
    fakeApi(signedIn, on('GET', '/api/campaigns/by-code/KQBWZN482', response));
    renderAt('/campagnes/KQBWZN482/presentation');
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
    expect(screen.getByTestId(`campaign-${reason}`)).toBeTruthy();
  });
});

describe('landing page', () => {
  it('shows the landing text as Markdown, never as HTML, and what to expect', async () => {
    fakeApi(signedIn, landingOf('KQBWZN482', aLanding({ customLandingPageText: 'Salut **toi** <img src=x onerror=alert(1)>' })));
    renderAt('/campagnes/KQBWZN482/presentation');
    const text = await screen.findByTestId('campaign-landing-text');
    expect(text.querySelector('strong')?.textContent).toBe('toi');
    expect(text.querySelector('img')).toBeNull();
    expect(text.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.getByTestId('campaign-sharing-note').textContent).toContain('vous choisissez d’envoyer vos résultats');
    expect(screen.getByText(/Si vous n’êtes pas Alice Martin/)).toBeTruthy();
  });

  it('offers sign-in inline when signed out', async () => {
    fakeApi(on('GET', '/api/me', errorBody(401, 'UNAUTHENTICATED')), landingOf('KQBWZN482', aLanding({ me: null })));
    renderAt('/campagnes/KQBWZN482/presentation');
    expect(await screen.findByTestId('sign-in-form')).toBeTruthy();
    fireEvent.click(screen.getByTestId('campaign-sign-up-tab'));
    expect(screen.getByTestId('sign-up-form')).toBeTruthy();
  });

  it('« Je commence » asks for reconciliation first in a restricted organization', async () => {
    const landing = aLanding({ organization: { ...aLanding().organization, isRestricted: true }, me: { ...aLanding().me!, isReconciled: false } });
    const calls = fakeApi(signedIn, landingOf('KQBWZN482', landing));
    renderAt('/campagnes/KQBWZN482/presentation');
    fireEvent.click(await screen.findByTestId('campaign-start'));
    expect(await screen.findByTestId('reconciliation-page')).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('reconciliation previews the link, then links and starts', async () => {
    const landing = aLanding({ organization: { ...aLanding().organization, isRestricted: true }, me: { ...aLanding().me!, isReconciled: false } });
    const calls = fakeApi(
      signedIn,
      landingOf('KQBWZN482', landing),
      on('POST', `/api/campaigns/${CAMPAIGN_ID}/reconciliation`, (body) => ({
        status: 200,
        body: { login: 'charles.durand1403', learner: { firstName: 'Charles', lastName: 'Durand' }, linked: (body as { confirm: boolean }).confirm },
      })),
      on('POST', `/api/campaigns/${CAMPAIGN_ID}/participations`, { status: 201, body: { participation: aParticipation(), created: true } }),
    );
    renderAt('/campagnes/KQBWZN482/rejoindre');
    fireEvent.change(await screen.findByLabelText('Prénom'), { target: { value: 'Charles' } });
    fireEvent.change(screen.getByLabelText('Nom'), { target: { value: 'Durand' } });
    fireEvent.change(screen.getByLabelText('Jour'), { target: { value: '14' } });
    fireEvent.change(screen.getByLabelText('Mois'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Année'), { target: { value: '2010' } });
    fireEvent.click(screen.getByTestId('reconciliation-submit'));
    expect((await screen.findByTestId('reconciliation-confirmation')).textContent).toContain('Le compte charles.durand1403 sera rattaché à l’élève Charles Durand.');
    fireEvent.click(screen.getByTestId('reconciliation-confirm'));
    await waitFor(() => expect(calls.some((call) => call.path.endsWith('/participations'))).toBe(true));
    const sent = calls.filter((call) => call.path.endsWith('/reconciliation')).map((call) => call.body);
    expect(sent).toEqual([
      { firstName: 'Charles', lastName: 'Durand', birthdate: '2010-03-14', confirm: false },
      { firstName: 'Charles', lastName: 'Durand', birthdate: '2010-03-14', confirm: true },
    ]);
  });

  it('a refused reconciliation shows the masked login of the other account', async () => {
    const landing = aLanding({ organization: { ...aLanding().organization, isRestricted: true }, me: { ...aLanding().me!, isReconciled: false } });
    fakeApi(signedIn, landingOf('KQBWZN482', landing), on('POST', `/api/campaigns/${CAMPAIGN_ID}/reconciliation`, errorBody(409, 'R31', { meta: { maskedLogin: 'c***.d***1403' } })));
    renderAt('/campagnes/KQBWZN482/rejoindre');
    fireEvent.click(await screen.findByTestId('reconciliation-submit'));
    expect((await screen.findByTestId('form-errors')).textContent).toContain('c***.d***1403');
  });
});

describe('end page', () => {
  function resultsApi(results = someResults()) {
    return fakeApi(
      signedIn,
      landingOf('KQBWZN482', aLanding({ me: { ...aLanding().me!, participation: results.participation } })),
      on('GET', `/api/campaigns/${CAMPAIGN_ID}/my-results`, { status: 200, body: results }),
      on('GET', '/api/me/campaigns', { status: 200, body: { items: [] } }),
      on('POST', `/api/participations/${PARTICIPATION_ID}/share`, { status: 200, body: aParticipation({ status: 'SHARED', sharedAt: '2026-11-25T10:00:00.000Z' }) }),
    );
  }

  it('asks before an in-app link while unsent, and lets the learner leave on confirmation', async () => {
    resultsApi();
    renderAt('/campagnes/KQBWZN482/resultats');
    await screen.findByTestId('results-share');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    fireEvent.click(screen.getByRole('link', { name: 'Mes parcours' }));
    expect(await screen.findByTestId('confirm-dialog')).toBeTruthy();
    expect(screen.getByTestId('campaign-results-page')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Mes parcours' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Quitter sans envoyer' }));
    expect(await screen.findByTestId('my-campaigns-page')).toBeTruthy();
  });

  it('lets the learner leave freely once the results are sent', async () => {
    resultsApi(someResults({ participation: aParticipation({ status: 'SHARED', sharedAt: '2026-11-25T10:00:00.000Z' }), canShare: false }));
    renderAt('/campagnes/KQBWZN482/resultats');
    expect((await screen.findByTestId('results-sent')).textContent).toContain('Vos résultats ont été envoyés à Collège Victor-Hugo');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(false);
    fireEvent.click(screen.getByRole('link', { name: 'Mes parcours' }));
    expect(await screen.findByTestId('my-campaigns-page')).toBeTruthy();
  });

  it('« J’envoie mes résultats » sends and shows the confirmation', async () => {
    const calls = resultsApi();
    renderAt('/campagnes/KQBWZN482/resultats');
    fireEvent.click(await screen.findByTestId('results-share'));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.path.endsWith('/share'))).toBe(true));
  });

  it('tells when « Retenter » will be possible, in whole days rounded up, without a button', async () => {
    resultsApi(
      someResults({ participation: aParticipation({ status: 'SHARED', sharedAt: '2026-11-22T10:00:00.000Z' }), canShare: false, retryInSeconds: 86_400 }),
    );
    renderAt('/campagnes/KQBWZN482/resultats');
    expect((await screen.findByTestId('results-retry-later')).textContent).toBe('Vous pourrez retenter dans 1 jour.');
    expect(screen.queryByTestId('results-retry')).toBeNull();
  });

  it('draws the stars of the reached stage, the zero stage having none', async () => {
    resultsApi(someResults({ stage: { reached: 2, total: 4, title: 'Croquis', message: 'Vous avancez.' } }));
    renderAt('/campagnes/KQBWZN482/resultats');
    const stars = await screen.findByTestId('results-stars');
    expect(stars.getAttribute('aria-label')).toBe('1 étoile sur 3');
    expect(stars.querySelectorAll('.star--on')).toHaveLength(1);
  });

  it('counts the days before a retry rounded up', () => {
    expect(daysUntil(86_400)).toBe(1);
    expect(daysUntil(86_401)).toBe(2);
    expect(daysUntil(3 * 86_400 + 1)).toBe(4);
    expect(daysUntil(30)).toBe(1);
  });
});

describe('home', () => {
  it('reminds the learner of results not sent yet', async () => {
    fakeApi(
      signedIn,
      on('GET', '/api/me/campaigns', {
        status: 200,
        body: {
          items: [
            {
              campaign: { id: CAMPAIGN_ID, code: 'KQBWZN482', title: 'Arts plastiques cycle 4', type: 'ASSESSMENT', organizationName: 'Collège Victor-Hugo' },
              participation: aParticipation({ status: 'TO_SHARE' }),
              masteryPercent: 40,
            },
          ],
        },
      }),
    );
    renderAt('/');
    const banner = await screen.findByTestId('unsent-results-banner');
    expect(banner.querySelector('a')?.getAttribute('href')).toBe('/campagnes/KQBWZN482/resultats');
  });
});
