import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from '../src/features/learner/runner/Countdown';
import { formatClock, secondsLeft, shouldAnnounce } from '../src/features/learner/runner/countdown';
import { displayedArea, emptyDraft, isDraftEmpty, skipBody, toAnswerBody } from '../src/features/learner/runner/answerDraft';
import { aChallenge, aChallengeStep, anAssessment, ASSESSMENT_ID } from './learner-fixtures';
import { aMe, fakeApi, on, renderAt } from './support';
import type { FakeResponse } from './support';

afterEach(() => {
  vi.useRealTimers();
});

const QCM = aChallenge({ id: 'rec-qcm', type: 'QCM', answerArea: { kind: 'options', options: ['Un', 'Deux', 'Trois', 'Quatre'] } });
const QROC = aChallenge({ id: 'rec-qroc', type: 'QROC', answerArea: { kind: 'blocks', parts: [{ kind: 'text', text: 'La capitale : ' }, { kind: 'block', key: 'ville' }] } });
const QROCM = aChallenge({
  id: 'rec-qrocm',
  type: 'QROCM-dep',
  answerArea: {
    kind: 'blocks',
    parts: [
      { kind: 'block', key: 'p1', label: 'Premier navigateur' },
      { kind: 'text', text: ' ' },
      { kind: 'block', key: 'p2', options: ['Firefox', 'Edge'] },
    ],
  },
});

describe('answer area → AnswerBody', () => {
  it('QCU: the author’s number of the option shown, whatever the display order', () => {
    const challenge = aChallenge({ optionOrder: [3, 1, 2] });
    expect(displayedArea(challenge)).toEqual({ kind: 'options', options: ['Trois', 'Un', 'Deux'] });
    expect(toAnswerBody(challenge, { kind: 'options', selected: [1] }, false)).toEqual({ challengeId: 'rec-qcu', value: '3', skipped: false, focusedOut: false });
  });

  it('QCM: author numbers, ascending, whatever the order of ticking', () => {
    expect(toAnswerBody({ ...QCM, optionOrder: [4, 2, 1, 3] }, { kind: 'options', selected: [3, 1] }, false).value).toBe('1,4');
    expect(toAnswerBody(QCM, { kind: 'options', selected: [3, 1] }, true)).toEqual({ challengeId: 'rec-qcm', value: '1,3', skipped: false, focusedOut: true });
  });

  it('QROC: the text of its one field', () => {
    expect(toAnswerBody(QROC, { kind: 'blocks', values: { ville: 'Dijon' } }, false).value).toBe('Dijon');
  });

  it('QROCM: one text per field', () => {
    expect(toAnswerBody(QROCM, { kind: 'blocks', values: { p1: 'Safari', p2: 'Edge' } }, false).value).toEqual({ p1: 'Safari', p2: 'Edge' });
  });

  it('« Je passe » sends no value', () => {
    expect(skipBody(QROC, false)).toEqual({ challengeId: 'rec-qroc', skipped: true, focusedOut: false });
  });

  it('an answer is empty until something is ticked or typed', () => {
    expect(isDraftEmpty(emptyDraft(QCM))).toBe(true);
    expect(isDraftEmpty(emptyDraft(QROCM))).toBe(true);
    expect(isDraftEmpty({ kind: 'blocks', values: { p1: '  ', p2: '' } })).toBe(true);
    expect(isDraftEmpty({ kind: 'blocks', values: { p1: '', p2: 'Edge' } })).toBe(false);
  });
});

function runnerApi(challenge = QCM, answer: (body: unknown) => FakeResponse = () => ({ status: 201, body: { answerId: 'a1', result: 'ok', levelUp: null, next: 'checkpoint', step: null } })) {
  return fakeApi(
    on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) }),
    on('GET', `/api/assessments/${ASSESSMENT_ID}`, { status: 200, body: anAssessment }),
    on('GET', /\/next(\?start=false)?$/, { status: 200, body: aChallengeStep(challenge) }),
    on('POST', `/api/assessments/${ASSESSMENT_ID}/answers`, answer),
    on('GET', /\/checkpoint/, { status: 200, body: { answers: [], isFinal: false, progression: 20 } }),
  );
}

describe('test runner', () => {
  it('shows « Question k / 5 » and sends the ticked options, then opens the checkpoint', async () => {
    const calls = runnerApi();
    renderAt(`/assessments/${ASSESSMENT_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Question 1 / 5' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Trois'));
    fireEvent.click(screen.getByLabelText('Un'));
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByTestId('checkpoint-page')).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ challengeId: 'rec-qcm', value: '1,3', skipped: false, focusedOut: false });
  });

  it('after an answer shows the next challenge its response carries, already started, without asking the server again', async () => {
    const calls = runnerApi(QCM, () => ({ status: 200, body: { answerId: 'a1', result: 'ok', levelUp: null, next: 'challenge', step: aChallengeStep(QROC, 1) } }));
    renderAt(`/assessments/${ASSESSMENT_ID}/challenges/1`);
    fireEvent.click(await screen.findByLabelText('Un'));
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Question 2 / 5' })).toBeTruthy();
    expect(screen.getByLabelText('Réponse 1')).toBeTruthy();
    expect(calls.filter((call) => call.path.includes('/next')).map((call) => call.path)).toEqual([`/api/assessments/${ASSESSMENT_ID}/next?start=false`]);
  });

  it('an empty « Valider » asks to answer or skip, and sends nothing', async () => {
    const calls = runnerApi(QROC);
    renderAt(`/assessments/${ASSESSMENT_ID}/challenges/1`);
    fireEvent.click(await screen.findByRole('button', { name: 'Valider' }));
    expect((await screen.findByTestId('answer-required')).textContent).toContain('Je passe');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('after a network failure keeps the answer and « Réessayer » sends the same one again', async () => {
    let attempts = 0;
    const calls = runnerApi(QROC, () => {
      attempts += 1;
      return attempts === 1 ? { status: 503, body: { errors: [{ status: '503', code: 'SERVICE_UNAVAILABLE' }] } } : { status: 201, body: { answerId: 'a1', result: 'ok', levelUp: null, next: 'checkpoint', step: null } };
    });
    renderAt(`/assessments/${ASSESSMENT_ID}/challenges/1`);
    const field = await screen.findByLabelText('Réponse 1');
    fireEvent.change(field, { target: { value: 'Dijon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    fireEvent.click(await screen.findByTestId('answer-retry'));
    expect((screen.getByLabelText('Réponse 1') as HTMLInputElement).value).toBe('Dijon');
    expect(await screen.findByTestId('checkpoint-page')).toBeTruthy();
    const posts = calls.filter((call) => call.method === 'POST').map((call) => call.body);
    expect(posts).toEqual([posts[0], posts[0]]);
    expect(posts[0]).toEqual({ challengeId: 'rec-qroc', value: 'Dijon', skipped: false, focusedOut: false });
  });

  it('a focused challenge left for another tab warns and sends focusedOut', async () => {
    const calls = runnerApi(aChallenge({ focused: true }));
    renderAt(`/assessments/${ASSESSMENT_ID}/challenges/1`);
    expect((await screen.findByTestId('challenge-mode')).textContent).toBe('Mode focus');
    act(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect((await screen.findByTestId('focus-lost')).textContent).toContain('Vous avez quitté la page');
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    fireEvent.click(screen.getByTestId('answer-skip'));
    await waitFor(() => expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ challengeId: 'rec-qcu', skipped: true, focusedOut: true }));
  });

  it('a timed challenge warns first without starting its clock, then starts it on « Commencer »', async () => {
    const timed = aChallenge({ id: 'rec-timed', timer: 90 });
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}`, { status: 200, body: anAssessment }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}/next?start=false`, { status: 200, body: aChallengeStep(timed, 0, null) }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}/next`, { status: 200, body: aChallengeStep(timed) }),
    );
    renderAt(`/assessments/${ASSESSMENT_ID}/challenges/1`);
    expect((await screen.findByTestId('timed-intro')).textContent).toContain('Vous disposez de 1 minute et 30 secondes pour réaliser l’épreuve suivante.');
    expect(screen.queryByTestId('challenge-form')).toBeNull();
    expect(calls.filter((call) => call.path.includes('/next')).map((call) => call.path)).toEqual([`/api/assessments/${ASSESSMENT_ID}/next?start=false`]);
    fireEvent.click(screen.getByRole('button', { name: 'Commencer' }));
    expect(await screen.findByTestId('countdown')).toBeTruthy();
    expect(screen.getByTestId('countdown-clock').textContent).toMatch(/^1:(30|29)$/);
    expect(screen.getByRole('button', { name: 'Valider' })).toBeTruthy();
  });

  it('an untimed challenge starts its clock as soon as it is shown', async () => {
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}`, { status: 200, body: anAssessment }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}/next?start=false`, { status: 200, body: aChallengeStep(QCM, 0, null) }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}/next`, { status: 200, body: aChallengeStep(QCM) }),
    );
    renderAt(`/assessments/${ASSESSMENT_ID}/challenges/1`);
    await screen.findByRole('button', { name: 'Valider' });
    await waitFor(() => expect(calls.some((call) => call.path === `/api/assessments/${ASSESSMENT_ID}/next`)).toBe(true));
  });

  it('accepts an embed’s answer only from its own frame', async () => {
    const calls = runnerApi(aChallenge({ id: 'rec-embed', type: 'QROC', answerArea: { kind: 'blocks', parts: [{ kind: 'block', key: 'r' }] }, embed: { url: 'assets/embeds/jeu.html', title: 'Le jeu', height: 400, autoReply: true } }));
    renderAt(`/assessments/${ASSESSMENT_ID}/challenges/1`);
    const frame = (await screen.findByTestId('challenge-embed')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(screen.queryByRole('button', { name: 'Valider' })).toBeNull();
    act(() => {
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'jalon:answer', answer: 'faux' }, source: window }));
    });
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    act(() => {
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'jalon:answer', answer: 'arrivé' }, source: frame.contentWindow }));
    });
    await waitFor(() => expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ challengeId: 'rec-embed', value: 'arrivé', skipped: false, focusedOut: false }));
  });
});

describe('countdown', () => {
  it('counts whole seconds left, never below zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
    expect(formatClock(90)).toBe('1:30');
    expect(formatClock(5)).toBe('0:05');
  });

  it('speaks at the start, each minute, at 30 and 10 seconds and at zero only', () => {
    const spoken = Array.from({ length: 121 }, (_, index) => 120 - index).filter((remaining) => shouldAnnounce(remaining, 120));
    expect(spoken).toEqual([120, 60, 30, 10, 0]);
  });

  it('ticks down and says when the time is over, the answer still possible', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    render(<Countdown deadline={12_000} total={12} />);
    expect(screen.getByTestId('countdown-clock').textContent).toBe('0:12');
    expect(screen.getByTestId('countdown-announcement').textContent).toBe('Temps restant : 12 secondes.');
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByTestId('countdown-clock').textContent).toBe('0:10');
    expect(screen.getByTestId('countdown-announcement').textContent).toBe('Temps restant : 10 secondes.');
    act(() => vi.advanceTimersByTime(11_000));
    expect(screen.getByTestId('countdown-clock').textContent).toBe('0:00');
    expect(screen.getByTestId('countdown-announcement').textContent).toBe('Le temps est écoulé.');
  });
});

describe('self-evaluation', () => {
  it('ends on the competence, with the level reached', async () => {
    const competence = {
      id: 'c1.1',
      index: '1.1',
      name: 'Mener une recherche',
      areaCode: '1',
      areaTitle: 'Information et données',
      areaColor: 'jaffa',
      level: 2,
      pix: 17,
      pixToNextLevel: 7,
      isMaxLevel: false,
      action: 'improve',
      assessmentId: null,
      improveInSeconds: 4 * 86_400,
    };
    fakeApi(
      on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}`, { status: 200, body: { ...anAssessment, type: 'COMPETENCE_EVALUATION', campaign: null, competence: { id: 'c1.1', index: '1.1', name: 'Mener une recherche' } } }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}/next?start=false`, { status: 200, body: { kind: 'end', answerCount: 7, alreadyKnown: false } }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}/checkpoint?final=true`, { status: 200, body: { answers: [], isFinal: true, progression: 100 } }),
      on('GET', '/api/me/profile', { status: 200, body: { totalPix: 17, maxReachableLevel: 7, maxReachablePix: 896, isCertifiable: false, certifiableCompetenceCount: 1, competences: [competence] } }),
    );
    renderAt(`/assessments/${ASSESSMENT_ID}/checkpoint?final=true`);
    fireEvent.click(await screen.findByTestId('checkpoint-see-results'));
    expect((await screen.findByTestId('evaluation-finished')).textContent).toBe('Vous avez atteint le niveau 2 dans cette compétence.');
    expect(screen.getByTestId('competence-improve-later').textContent).toBe('Retenter dans 4 jours');
  });
});

describe('checkpoint', () => {
  it('shows each answer’s correction: right options, per-field marks, unmatched groups, hint, and tutorials to keep', async () => {
    const tutorial = { id: 'tuto-1', title: 'Les navigateurs', link: 'https://example.org/tuto', source: 'Wikipédia', format: 'page', duration: '00:04:30', locale: 'fr', isSaved: false };
    const review = (overrides: object) => ({
      answerId: crypto.randomUUID(),
      rightOptions: null,
      solutionToDisplay: null,
      hint: null,
      fields: null,
      unmatchedGroups: null,
      tutorials: { toSucceed: [], toLearnMore: [] },
      ...overrides,
    });
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: aMe({ memberships: [] }) }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}`, { status: 200, body: anAssessment }),
      on('GET', `/api/assessments/${ASSESSMENT_ID}/checkpoint?final=false`, {
        status: 200,
        body: {
          isFinal: false,
          progression: 40,
          answers: [
            review({ challenge: QCM, value: '1,2', result: 'ko', rightOptions: [1, 3], hint: 'Relisez **bien**.' }),
            review({
              challenge: QROCM,
              value: JSON.stringify({ p1: 'Safari', p2: 'Edge' }),
              result: 'ko',
              fields: { p1: true, p2: false },
              unmatchedGroups: ['firefox'],
              tutorials: { toSucceed: [tutorial], toLearnMore: [] },
            }),
          ],
        },
      }),
      on('PATCH', '/api/me/tutorials/tuto-1', { status: 204 }),
      on('GET', '/api/me/tutorials', { status: 200, body: { saved: [], recommended: [] } }),
    );
    renderAt(`/assessments/${ASSESSMENT_ID}/checkpoint`);
    const [first, second] = await screen.findAllByTestId('checkpoint-answer');
    expect(first?.querySelector('[data-testid=checkpoint-given]')?.textContent).toBe('Un ; Deux');
    expect(first?.querySelector('[data-testid=checkpoint-right-options]')?.textContent).toBe('Un ; Trois');
    expect(first?.querySelector('[data-testid=checkpoint-hint]')?.textContent).toContain('Relisez bien.');
    expect(second?.querySelector('[data-testid=checkpoint-given]')?.textContent).toBe('Safari ; Edge');
    expect(second?.querySelector('[data-testid=checkpoint-fields]')?.textContent).toContain('Premier navigateur : juste');
    expect(second?.querySelector('[data-testid=checkpoint-unmatched]')?.textContent).toContain('firefox');
    expect(second?.querySelector('[data-testid=tutorials-to-succeed]')?.textContent).toContain('Wikipédia · page · 5 min');
    fireEvent.click(screen.getByTestId('tutorial-helpful'));
    expect(await screen.findByText('Merci, c’est noté : ce tuto est gardé dans Mes tutos.')).toBeTruthy();
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ helpful: true });
    expect(screen.getByTestId('checkpoint-continue').getAttribute('href')).toBe(`/assessments/${ASSESSMENT_ID}`);
  });
});
