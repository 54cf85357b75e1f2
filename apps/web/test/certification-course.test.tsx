import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CertificationCourse, CertificationEntry, CertificationStep } from '@jalon/contracts';
import { describe, expect, it, vi } from 'vitest';
import { formatTestClock } from '../src/features/learner/certification/TestTimer';
import { aChallenge } from './learner-fixtures';
import { aMe, errorBody, fakeApi, on, renderAt } from './support';

const CANDIDATE_ID = '77777777-7777-4777-8777-777777777777';
const COURSE_ID = '88888888-8888-4888-8888-888888888888';
const me = on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) });

function anEntry(overrides: Partial<CertificationEntry> = {}): CertificationEntry {
  return {
    candidateId: CANDIDATE_ID,
    state: 'waiting',
    firstName: 'Inès',
    lastName: 'Leroy',
    sitting: { number: 1042, date: '2026-11-26', time: '09:00', address: '1 rue de l’École', room: 'Salle 12' },
    courseId: null,
    ...overrides,
  };
}

function aCourse(overrides: Partial<CertificationCourse> = {}): CertificationCourse {
  const now = new Date();
  return {
    id: COURSE_ID,
    state: 'started',
    answerCount: 2,
    maxAnswers: 32,
    startedAt: now.toISOString(),
    endsAt: new Date(now.getTime() + 105 * 60_000).toISOString(),
    now: now.toISOString(),
    extraTimePercentage: 0,
    accessibilityAdjustmentNeeded: false,
    endReason: null,
    ...overrides,
  };
}

const challengeStep = (answerCount = 2, challenge = aChallenge()): CertificationStep => ({
  kind: 'challenge',
  challenge,
  position: answerCount + 1,
  answerCount,
  servedAt: new Date().toISOString(),
});

describe('entering a sitting', () => {
  it('sends the details with the accepted rules, shows field errors, then waits for the invigilator', async () => {
    let entry: CertificationEntry | null = null;
    const calls = fakeApi(
      me,
      on('GET', '/api/me/certification-entry', () => ({ status: 200, body: { entry } })),
      on('POST', '/api/certification-entries', (body) => {
        const sent = body as { rulesAccepted: boolean };
        if (!sent.rulesAccepted) return errorBody(422, 'CERTIFICATION_RULES_NOT_ACCEPTED', { source: { pointer: '/rulesAccepted' } });
        entry = anEntry();
        return { status: 200, body: entry };
      }),
    );
    renderAt('/certification');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accéder à ma session de certification' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Numéro de session'), { target: { value: '1042' } });
    fireEvent.change(screen.getByLabelText('Prénom'), { target: { value: 'Inès' } });
    fireEvent.change(screen.getByLabelText('Nom'), { target: { value: 'Leroy' } });
    fireEvent.change(screen.getByLabelText('Jour'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Mois'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Année'), { target: { value: '2012' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accéder à la session' }));
    expect(await screen.findByText('Cochez la case pour accepter le règlement de la certification.')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('J’ai lu le règlement et je l’accepte'));
    fireEvent.click(screen.getByRole('button', { name: 'Accéder à la session' }));
    expect(await screen.findByText('Attendez que le surveillant autorise votre entrée.')).toBeTruthy();
    expect(screen.getByTestId('certification-sitting').textContent).toContain('Session n° 1042');
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({
      sittingNumber: '1042',
      firstName: 'Inès',
      lastName: 'Leroy',
      birthdate: '2012-03-04',
      rulesAccepted: true,
    });
  });

  it('asks for the access code once authorised, says when it is wrong, then opens the test', async () => {
    let entry = anEntry({ state: 'authorized' });
    fakeApi(
      me,
      on('GET', '/api/me/certification-entry', () => ({ status: 200, body: { entry } })),
      on('POST', `/api/certification-entries/${CANDIDATE_ID}/course`, (body) => {
        if ((body as { accessCode: string }).accessCode !== 'H7KM3P') return errorBody(422, 'SITTING_ACCESS_CODE_INVALID', { source: { pointer: '/accessCode' } });
        entry = anEntry({ state: 'started', courseId: COURSE_ID });
        return { status: 200, body: entry };
      }),
      on('GET', `/api/certification-courses/${COURSE_ID}`, { status: 200, body: aCourse({ answerCount: 0 }) }),
      on('GET', `/api/certification-courses/${COURSE_ID}/next`, { status: 200, body: challengeStep(0) }),
    );
    renderAt('/certification');
    const field = await screen.findByLabelText('Code d’accès de la session');
    fireEvent.change(field, { target: { value: 'AAAAAA' } });
    fireEvent.click(screen.getByRole('button', { name: 'Commencer le test' }));
    expect(await screen.findByText('Ce code d’accès n’est pas celui de la session. Vérifiez le code affiché dans la salle.')).toBeTruthy();
    fireEvent.change(field, { target: { value: 'H7KM3P' } });
    fireEvent.click(screen.getByRole('button', { name: 'Commencer le test' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Question 1 / 32' })).toBeTruthy();
  });

  it('after a finished test, says when results come and lets the candidate enter another sitting', async () => {
    fakeApi(me, on('GET', '/api/me/certification-entry', { status: 200, body: { entry: anEntry({ state: 'ended', courseId: COURSE_ID }) } }));
    renderAt('/certification');
    expect(await screen.findByText('Vos résultats seront disponibles après la publication de la session.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Entrer dans une autre session' }));
    expect(await screen.findByTestId('certification-entry-form')).toBeTruthy();
  });

  it('tells a candidate who is not certifiable why the test does not start', async () => {
    fakeApi(
      me,
      on('GET', '/api/me/certification-entry', { status: 200, body: { entry: anEntry({ state: 'authorized' }) } }),
      on('POST', `/api/certification-entries/${CANDIDATE_ID}/course`, errorBody(403, 'CANDIDATE_NOT_CERTIFIABLE')),
    );
    renderAt('/certification');
    fireEvent.change(await screen.findByLabelText('Code d’accès de la session'), { target: { value: 'H7KM3P' } });
    fireEvent.click(screen.getByRole('button', { name: 'Commencer le test' }));
    expect(await screen.findByText(/Votre profil n’est pas encore certifiable/)).toBeTruthy();
  });
});

describe('the test', () => {
  it('shows « Question N / 32 » and the time left, and sends the answer without showing a verdict', async () => {
    let step = challengeStep(2);
    const calls = fakeApi(
      me,
      on('GET', `/api/certification-courses/${COURSE_ID}`, { status: 200, body: aCourse() }),
      on('GET', `/api/certification-courses/${COURSE_ID}/next`, () => ({ status: 200, body: step })),
      on('POST', `/api/certification-courses/${COURSE_ID}/answers`, () => {
        step = challengeStep(3, aChallenge({ id: 'rec-next', instruction: 'Deuxième question ?' }));
        return { status: 200, body: { answerId: '99999999-9999-4999-8999-999999999999', step } };
      }),
    );
    renderAt(`/certification/${COURSE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Question 3 / 32' })).toBeTruthy();
    expect(screen.getByTestId('certification-timer-clock').textContent).toMatch(/^1:4[45]:\d\d$/);
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByText('Répondez à la question, ou cliquez sur « Je passe » si vous ne savez pas.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Deux'));
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Question 4 / 32' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ challengeId: 'rec-qcu', value: '2', skipped: false, focusedOut: false });
  });

  it('warns on a focused question', async () => {
    fakeApi(
      me,
      on('GET', `/api/certification-courses/${COURSE_ID}`, { status: 200, body: aCourse() }),
      on('GET', `/api/certification-courses/${COURSE_ID}/next`, { status: 200, body: challengeStep(2, aChallenge({ focused: true })) }),
    );
    renderAt(`/certification/${COURSE_ID}`);
    expect((await screen.findByTestId('certification-focus-hint')).textContent).toContain('Ne quittez pas cette page');
    fireEvent.blur(window);
    expect(await screen.findByTestId('certification-focus-lost')).toBeTruthy();
  });

  it('reads the question aloud for a candidate with an accommodation', async () => {
    const spoken: { text: string; lang: string }[] = [];
    vi.stubGlobal('speechSynthesis', { cancel: () => undefined, speak: (u: { text: string; lang: string }) => spoken.push(u) });
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        lang = '';
        onend: (() => void) | null = null;
        constructor(public text: string) {}
      },
    );
    fakeApi(
      me,
      on('GET', `/api/certification-courses/${COURSE_ID}`, { status: 200, body: aCourse({ accessibilityAdjustmentNeeded: true }) }),
      on('GET', `/api/certification-courses/${COURSE_ID}/next`, { status: 200, body: challengeStep(2) }),
    );
    renderAt(`/certification/${COURSE_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Lire la question à voix haute' }));
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.lang).toBe('fr');
    expect(screen.getByRole('button', { name: 'Arrêter la lecture' })).toBeTruthy();
  });

  it('« Signaler un problème » sends a category to the invigilator and shows the pause', async () => {
    let step = challengeStep(2);
    const calls = fakeApi(
      me,
      on('GET', `/api/certification-courses/${COURSE_ID}`, { status: 200, body: aCourse() }),
      on('GET', `/api/certification-courses/${COURSE_ID}/next`, () => ({ status: 200, body: step })),
      on('POST', `/api/certification-courses/${COURSE_ID}/issue-reports`, () => {
        step = { kind: 'paused', answerCount: 2 };
        return { status: 201, body: { id: '99999999-9999-4999-8999-999999999999', category: 'TECHNICAL', createdAt: new Date().toISOString() } };
      }),
    );
    renderAt(`/certification/${COURSE_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Signaler un problème' }));
    const dialog = await screen.findByRole('dialog', { name: 'Signaler un problème' });
    fireEvent.change(within(dialog).getByLabelText('Type de problème'), { target: { value: 'EMBED' } });
    fireEvent.change(within(dialog).getByLabelText('Précisions (facultatif)'), { target: { value: 'Rien ne s’affiche' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer au surveillant' }));
    expect(await screen.findByTestId('certification-paused')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Test en pause' })).toBeTruthy();
    expect(screen.queryByTestId('certification-challenge-form')).toBeNull();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ challengeId: 'rec-qcu', category: 'EMBED', description: 'Rien ne s’affiche' });
  });

  it('ends the test after a confirmation and says when results come', async () => {
    let step = challengeStep(5);
    const calls = fakeApi(
      me,
      on('GET', `/api/certification-courses/${COURSE_ID}`, { status: 200, body: aCourse() }),
      on('GET', `/api/certification-courses/${COURSE_ID}/next`, () => ({ status: 200, body: step })),
      on('GET', '/api/me/certification-entry', { status: 200, body: { entry: anEntry({ state: 'ended', courseId: COURSE_ID }) } }),
      on('POST', `/api/certification-courses/${COURSE_ID}/end`, () => {
        step = { kind: 'end', answerCount: 5, reason: 'CANDIDATE' };
        return { status: 200, body: aCourse({ state: 'ended', endReason: 'CANDIDATE', answerCount: 5 }) };
      }),
    );
    renderAt(`/certification/${COURSE_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Terminer le test' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terminer le test maintenant ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Terminer le test' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Oui, terminer le test' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Test terminé' })).toBeTruthy();
    expect(screen.getByText('Vos résultats seront disponibles après la publication de la session.')).toBeTruthy();
  });
});

it('the home page tells a certifiable learner they can sit the certification', async () => {
  fakeApi(
    me,
    on('GET', '/api/me/profile', { status: 200, body: { isCertifiable: true } }),
    on('GET', '/api/me/certification-entry', { status: 200, body: { entry: null } }),
  );
  renderAt('/');
  const notice = await screen.findByTestId('home-certification');
  expect(notice.textContent).toContain('Vous pouvez passer la certification');
  expect(within(notice).getByRole('link', { name: 'Accéder à ma session de certification' }).getAttribute('href')).toBe('/certification');
});

it('the test clock reads hours once the time left passes an hour', () => {
  expect(formatTestClock(105 * 60)).toBe('1:45:00');
  expect(formatTestClock(3 * 3600 + 5)).toBe('3:00:05');
  expect(formatTestClock(59 * 60 + 9)).toBe('59:09');
});
