import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SittingConsole } from '@jalon/contracts';
import { aCandidate, aMe, aSitting, errorBody, fakeApi, on, ORGANIZATION_ID, renderAt, SITTING_ID } from './support';

const centreMe = aMe();
centreMe.memberships[0]!.organization.features = ['CERTIFICATION_CENTER', 'CERTIFICATION_RESULTS'];
const base = `/api/organizations/${ORGANIZATION_ID}/certification/sittings`;
const sitting = aSitting({ candidateCount: 2 });

const signedIn = on('GET', '/api/me', { status: 200, body: centreMe });

describe('Jalon Certif', () => {
  it('sends a member whose organizations are not centres to an explanation', async () => {
    fakeApi(on('GET', '/api/me', { status: 200, body: aMe() }));
    renderAt('/certif/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Aucun centre de certification' })).toBeTruthy();
  });

  it('lands a centre member on the sittings list', async () => {
    fakeApi(signedIn, on('GET', `${base}?page=1&pageSize=25`, { status: 200, body: { items: [sitting], page: 1, pageSize: 25, total: 1 } }), on('GET', /\/certification\/sittings\?/, { status: 200, body: { items: [sitting], page: 1, pageSize: 10, total: 1 } }));
    renderAt('/certif/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sessions de certification' })).toBeTruthy();
    const row = await screen.findByTestId('sitting-row');
    expect(within(row).getByRole('link', { name: 'Session n° 12 du 18 mars 2027' }).getAttribute('href')).toBe(`/certif/sessions/${SITTING_ID}`);
    expect(row.textContent).toContain('Mme Roux');
    expect(screen.getByTestId('current-centre').textContent).toBe('Collège Victor-Hugo');
  });

  it('creates a sitting, each refusal beside its field', async () => {
    let attempts = 0;
    const calls = fakeApi(
      signedIn,
      on('POST', base, () => {
        attempts++;
        return attempts === 1
          ? { status: 422, body: { errors: [{ status: '422', code: 'SITTING_ROOM_REQUIRED', detail: 'x', source: { pointer: '/room' } }] } }
          : { status: 201, body: sitting };
      }),
      on('GET', `${base}/${SITTING_ID}`, { status: 200, body: sitting }),
      on('GET', `${base}/${SITTING_ID}/candidates`, { status: 200, body: { items: [] } }),
    );
    renderAt('/certif/sessions/nouvelle');
    await screen.findByRole('heading', { level: 1, name: 'Créer une session de certification' });
    fireEvent.change(screen.getByLabelText('Adresse du centre'), { target: { value: '12 rue des Écoles, Dijon' } });
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2027-03-18' } });
    fireEvent.change(screen.getByLabelText('Heure de début'), { target: { value: '09:00' } });
    fireEvent.change(screen.getByLabelText('Nom du surveillant'), { target: { value: 'Mme Roux' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer la session' }));
    expect(await screen.findByText('Indiquez la salle.')).toBeTruthy();
    expect(screen.getByLabelText('Salle').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText('Salle'), { target: { value: 'CDI' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer la session' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Session n° 12' })).toBeTruthy();
    expect(screen.getByTestId('sitting-access-code').textContent).toBe('KX7P4Q');
    expect(calls.filter((call) => call.method === 'POST').at(-1)?.body).toEqual({
      address: '12 rue des Écoles, Dijon',
      room: 'CDI',
      date: '2027-03-18',
      time: '09:00',
      invigilatorName: 'Mme Roux',
    });
  });

  it('enrols pupils from a class, flagging those not certifiable yet', async () => {
    let enrolled = false;
    const charles = '55555555-5555-4555-8555-555555555551';
    const louis = '55555555-5555-4555-8555-555555555552';
    const calls = fakeApi(
      signedIn,
      on('GET', `${base}/${SITTING_ID}`, { status: 200, body: sitting }),
      on('GET', `${base}/${SITTING_ID}/candidates`, () => ({
        status: 200,
        body: { items: enrolled ? [aCandidate('c1', 'Bernard', { eligibility: 'NOT_CERTIFIABLE', organizationLearnerId: louis }), aCandidate('c2', 'Durand')] : [] },
      })),
      on('GET', `${base}/${SITTING_ID}/roster`, { status: 200, body: { divisions: ['3A', '3B'], learners: [] } }),
      on('GET', `${base}/${SITTING_ID}/roster?division=3A`, {
        status: 200,
        body: {
          divisions: ['3A', '3B'],
          learners: [
            { id: louis, firstName: 'Louis', lastName: 'Bernard', birthdate: '2010-07-02', division: '3A', alreadyEnrolled: false, eligibility: 'NOT_CERTIFIABLE' },
            { id: charles, firstName: 'Charles', lastName: 'Durand', birthdate: '2010-03-14', division: '3A', alreadyEnrolled: false, eligibility: 'CERTIFIABLE' },
          ],
        },
      }),
      on('POST', `${base}/${SITTING_ID}/candidates/from-roster`, () => {
        enrolled = true;
        return { status: 201, body: { items: [aCandidate('c1', 'Bernard'), aCandidate('c2', 'Durand')] } };
      }),
    );
    renderAt(`/certif/sessions/${SITTING_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Inscrire depuis une classe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Inscrire des élèves depuis une classe' });
    fireEvent.change(await within(dialog).findByLabelText('Classe'), { target: { value: '3A' } });
    const louisBox = await within(dialog).findByLabelText('Bernard Louis');
    expect(within(dialog).getAllByTestId('roster-pupil')[0]!.textContent).toContain('Pas encore certifiable');
    fireEvent.click(louisBox);
    fireEvent.click(within(dialog).getByLabelText('Durand Charles'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Inscrire les élèves cochés' }));

    expect((await screen.findByTestId('candidates-enrolled')).textContent).toBe('2 candidats inscrits.');
    await waitFor(() => expect(screen.getAllByTestId('candidate-row')).toHaveLength(2));
    expect(screen.getByTestId('not-certifiable-warning').textContent).toContain('1 candidat n’est pas encore certifiable');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ organizationLearnerIds: [louis, charles] });
  });

  it('enrols a candidate by hand with extra time and accommodation', async () => {
    const calls = fakeApi(
      signedIn,
      on('GET', `${base}/${SITTING_ID}`, { status: 200, body: sitting }),
      on('GET', `${base}/${SITTING_ID}/candidates`, { status: 200, body: { items: [] } }),
      on('POST', `${base}/${SITTING_ID}/candidates`, { status: 201, body: aCandidate('c3', 'Moreau') }),
    );
    renderAt(`/certif/sessions/${SITTING_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Inscrire un candidat' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Nom'), { target: { value: 'Moreau' } });
    fireEvent.change(within(dialog).getByLabelText('Prénom'), { target: { value: 'Inès' } });
    fireEvent.change(within(dialog).getByLabelText('Date de naissance'), { target: { value: '2010-05-09' } });
    fireEvent.change(within(dialog).getByLabelText('Temps majoré (en %)'), { target: { value: '33' } });
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Inscrire' }));
    await screen.findByTestId('candidates-enrolled');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      firstName: 'Inès',
      lastName: 'Moreau',
      birthdate: '2010-05-09',
      birthCity: '',
      birthCountry: '',
      externalId: '',
      extraTimePercentage: 33,
      accessibilityAdjustmentNeeded: true,
    });
  });

  it('shows the console, authorises a candidate and finalises once no test runs', async () => {
    const row = (id: string, lastName: string, fields: Partial<SittingConsole['candidates'][number]>) => ({
      id,
      firstName: 'Élève',
      lastName,
      extraTimePercentage: 0,
      accessibilityAdjustmentNeeded: false,
      state: 'NOT_STARTED' as const,
      courseId: null,
      answerCount: 0,
      questionNumber: null,
      endReason: null,
      openReports: [],
      ...fields,
    });
    const waiting = '66666666-6666-4666-8666-666666666661';
    const view = (authorised: boolean): SittingConsole => ({
      sitting,
      canFinalize: true,
      candidates: [
        row(waiting, 'Bernard', { state: authorised ? 'AUTHORIZED' : 'WAITING_AUTHORIZATION' }),
        row('66666666-6666-4666-8666-666666666662', 'Durand', { state: 'FINISHED', answerCount: 32, endReason: 'COMPLETED' }),
      ],
    });
    let authorised = false;
    const calls = fakeApi(
      signedIn,
      on('GET', `${base}/${SITTING_ID}`, { status: 200, body: sitting }),
      on('GET', `${base}/${SITTING_ID}/console`, () => ({ status: 200, body: view(authorised) })),
      on('POST', `${base}/${SITTING_ID}/candidates/${waiting}/authorize`, () => {
        authorised = true;
        return { status: 200, body: view(true) };
      }),
      on('POST', `${base}/${SITTING_ID}/finalize`, { status: 200, body: { ...sitting, status: 'finalized' } }),
    );
    renderAt(`/certif/sessions/${SITTING_ID}/surveillance`);
    const table = await screen.findByTestId('console-table');
    expect(within(table).getAllByTestId('console-state').map((cell) => cell.textContent)).toEqual(['En attente d’autorisation', 'Terminé']);
    expect(within(table).getAllByTestId('console-progress')[1]!.textContent).toBe('32 réponses · test complet');

    fireEvent.click(within(table).getByRole('button', { name: 'Autoriser Bernard Élève à commencer' }));
    await waitFor(() => expect(within(screen.getByTestId('console-table')).getAllByTestId('console-state')[0]!.textContent).toBe('Autorisé, saisit le code d’accès'));

    fireEvent.click(screen.getByRole('button', { name: 'Finaliser la session' }));
    const dialog = await screen.findByRole('dialog', { name: 'Finaliser la session n° 12 ?' });
    fireEvent.change(within(dialog).getByLabelText('Commentaires (incidents, absences)'), { target: { value: 'RAS' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Finaliser' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((call) => call.path.endsWith('/finalize'))?.body).toEqual({ comment: 'RAS' });
  });

  it('keeps finalisation closed while a test runs and shows the reported problem', async () => {
    fakeApi(
      signedIn,
      on('GET', `${base}/${SITTING_ID}`, { status: 200, body: sitting }),
      on('GET', `${base}/${SITTING_ID}/console`, {
        status: 200,
        body: {
          sitting,
          canFinalize: false,
          candidates: [
            {
              id: 'c1',
              firstName: 'Inès',
              lastName: 'Moreau',
              extraTimePercentage: 33,
              accessibilityAdjustmentNeeded: true,
              state: 'PAUSED',
              courseId: 'k1',
              answerCount: 6,
              questionNumber: 7,
              endReason: null,
              openReports: [{ id: 'r1', category: 'OTHER', description: 'Écran figé', createdAt: '2027-03-18T08:30:00.000Z' }],
            },
          ],
        },
      }),
    );
    renderAt(`/certif/sessions/${SITTING_ID}/surveillance`);
    expect((await screen.findByTestId('console-alert')).textContent).toBe('1 problème signalé attend votre réponse.');
    expect(screen.getByTestId('console-progress').textContent).toBe('Question 7');
    expect(screen.getByTestId('console-report').textContent).toContain('Écran figé');
    expect((screen.getByRole('button', { name: 'Finaliser la session' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('finalize-blocked')).toBeTruthy();
  });

  it('translates a refusal of the API', async () => {
    fakeApi(signedIn, on('GET', `${base}/${SITTING_ID}`, errorBody(404, 'SITTING_NOT_FOUND')));
    renderAt(`/certif/sessions/${SITTING_ID}`);
    expect((await screen.findByRole('alert')).textContent).toBe('Cette session de certification est introuvable.');
  });
});
