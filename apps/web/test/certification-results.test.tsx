import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Certificate, JurySitting, JurySittingDetail } from '@jalon/contracts';
import { aMe, errorBody, fakeApi, on, ORGANIZATION_ID, renderAt } from './support';

const base = `/api/organizations/${ORGANIZATION_ID}/certification-results`;
const signedIn = on('GET', '/api/me', { status: 200, body: aMe() });
const COURSE_ID = '55555555-5555-4555-8555-555555555555';
const SITTING_ID = '66666666-6666-4666-8666-666666666666';

const certificate: Certificate = {
  verificationCode: 'J-K7M2P9QX',
  firstName: 'Inès',
  lastName: 'Bernard',
  birthdate: '2011-06-07',
  birthPlace: 'Dijon',
  date: '2027-03-18',
  centreName: 'Collège Victor-Hugo',
  pixScore: 412,
  publicComment: 'Très belle maîtrise.',
  areas: [
    {
      code: '1',
      title: 'Information et données',
      color: 'jaffa',
      competences: [
        { index: '1.1', name: 'Mener une recherche', level: 3 },
        { index: '1.2', name: 'Gérer des données', level: null },
      ],
    },
  ],
};

describe('Orga « Certifications »', () => {
  it('asks for an import when no pupil is known', async () => {
    fakeApi(signedIn, on('GET', `${base}/divisions`, { status: 200, body: { hasLearners: false, divisions: [] } }));
    renderAt('/orga/certifications');
    const notice = await screen.findByTestId('certifications-no-learners');
    expect(within(notice).getByRole('link', { name: 'Importer vos élèves' }).getAttribute('href')).toBe('/orga/eleves/import');
  });

  it('offers the CSV and the PDF of a class once chosen, and says when there is nothing', async () => {
    fakeApi(
      signedIn,
      on('GET', `${base}/divisions`, {
        status: 200,
        body: {
          hasLearners: true,
          divisions: [
            { name: '3A', resultCount: 3, certificateCount: 2 },
            { name: '3B', resultCount: 0, certificateCount: 0 },
          ],
        },
      }),
    );
    renderAt('/orga/certifications');
    const select = await screen.findByLabelText('Classe');
    fireEvent.change(select, { target: { value: '3A' } });
    expect((await screen.findByTestId('certifications-csv')).getAttribute('href')).toBe(`${base}/export?division=3A`);
    expect(screen.getByTestId('certifications-pdf').getAttribute('href')).toBe(`${base}/certificates?division=3A`);
    expect(screen.getByText('3 résultat(s) publié(s), dont 2 certificat(s)')).toBeTruthy();
    fireEvent.change(select, { target: { value: '3B' } });
    expect(await screen.findByText('Aucun résultat de certification publié pour cette classe.')).toBeTruthy();
    expect(screen.queryByTestId('certifications-csv')).toBeNull();
    expect(screen.getByText('Comment lire les résultats ?')).toBeTruthy();
  });
});

describe('/verification-certificat', () => {
  it('shows the certificate of a good code and a clear message for a forged one', async () => {
    fakeApi(
      on('GET', '/api/me', errorBody(401, 'UNAUTHENTICATED')),
      on('GET', '/api/certificates/J-K7M2P9QX', { status: 200, body: certificate }),
      on('GET', '/api/certificates/J-AAAAAAAA', errorBody(404, 'CERTIFICATE_NOT_FOUND')),
    );
    renderAt('/verification-certificat');
    const field = await screen.findByLabelText('Code de vérification');
    fireEvent.change(field, { target: { value: ' j-k7m2p9qx ' } });
    fireEvent.click(screen.getByTestId('verification-submit'));
    const card = await screen.findByTestId('verification-result');
    expect(within(card).getByText('Certificat authentique')).toBeTruthy();
    expect(within(card).getByTestId('verification-score').textContent).toBe('412 pix');
    expect(within(card).getByText('Non évaluée')).toBeTruthy();
    expect(within(card).getByText('Niveau 3')).toBeTruthy();

    fireEvent.change(field, { target: { value: 'J-AAAAAAAA' } });
    fireEvent.click(screen.getByTestId('verification-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('Aucun certificat ne correspond à ce code');
    expect(screen.queryByTestId('verification-result')).toBeNull();
  });
});

describe('« Mes certifications »', () => {
  it('waits for publication, then shows the score, the code and the certificate', async () => {
    fakeApi(
      signedIn,
      on('GET', '/api/me/certifications', {
        status: 200,
        body: {
          certifications: [
            { courseId: COURSE_ID, date: '2027-03-18', centreName: 'Collège Victor-Hugo', status: 'validated', pixScore: 412, verificationCode: 'J-K7M2P9QX' },
            { courseId: SITTING_ID, date: '2027-05-02', centreName: 'Lycée Carnot', status: 'pending', pixScore: null, verificationCode: null },
          ],
        },
      }),
    );
    renderAt('/mes-certifications');
    const cards = await screen.findAllByTestId('my-certification');
    expect(within(cards[0]!).getByTestId('my-certification-score').textContent).toBe('412 pix');
    expect(within(cards[0]!).getByTestId('my-certification-code').textContent).toBe('J-K7M2P9QX');
    expect(within(cards[0]!).getByTestId('my-certification-pdf').getAttribute('href')).toBe(`/api/me/certifications/${COURSE_ID}/certificate`);
    expect(within(cards[1]!).getByTestId('my-certification-status').textContent).toBe('En attente de résultats');
    expect(within(cards[1]!).queryByTestId('my-certification-code')).toBeNull();
  });

  it('offers to go back to a test still running', async () => {
    fakeApi(
      signedIn,
      on('GET', '/api/me/certifications', {
        status: 200,
        body: { certifications: [{ courseId: COURSE_ID, date: '2027-03-18', centreName: 'Collège Victor-Hugo', status: 'started', pixScore: null, verificationCode: null }] },
      }),
    );
    renderAt('/mes-certifications');
    const [card] = await screen.findAllByTestId('my-certification');
    expect(within(card!).getByTestId('my-certification-status').textContent).toBe('En cours');
    expect(within(card!).getByTestId('my-certification-resume').getAttribute('href')).toBe('/certification');
    expect(within(card!).queryByTestId('my-certification-score')).toBeNull();
  });
});

describe('the admin jury', () => {
  const sitting: JurySitting = {
    id: SITTING_ID,
    number: 12,
    centreName: 'Collège Victor-Hugo',
    date: '2027-03-18',
    time: '09:00',
    room: 'CDI',
    status: 'finalized',
    finalizedAt: '2027-03-18T12:00:00.000Z',
    finalizationComment: 'Un candidat absent.',
    publishedAt: null,
    candidateCount: 1,
    results: { started: 0, error: 0, validated: 1, rejected: 0, cancelled: 0 },
  };
  const detail: JurySittingDetail = {
    sitting,
    courses: [
      {
        courseId: COURSE_ID,
        firstName: 'Inès',
        lastName: 'Bernard',
        incidentAccepted: false,
        endReason: 'COMPLETED',
        issueReportCount: 0,
        status: 'validated',
        pixScore: 412,
        answerCount: 32,
        publicComment: null,
        internalComment: null,
        automaticComment: null,
        answers: [{ id: '77777777-7777-4777-8777-777777777777', position: 1, challengeId: 'rec-1', competenceIndex: '1.1', result: 'ok', neutralized: false }],
      },
    ],
  };

  it('neutralises an answer and publishes the sitting after a confirmation', async () => {
    const calls = fakeApi(
      on('GET', '/api/me', { status: 200, body: aMe({ isPlatformAdmin: true, memberships: [] }) }),
      on('GET', `/api/admin/certification-sittings/${SITTING_ID}`, { status: 200, body: detail }),
      on('PUT', /\/neutralization$/, { status: 204 }),
      on('POST', `/api/admin/certification-sittings/${SITTING_ID}/publication`, { status: 200, body: { publishedAt: '2027-03-20T10:00:00.000Z' } }),
    );
    renderAt(`/admin/certification/${SITTING_ID}`);
    fireEvent.click(await screen.findByTestId('jury-review'));
    fireEvent.click(within(screen.getByTestId('jury-answers')).getByTestId('jury-neutralize'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT' && c.path.endsWith(`/certification-courses/${COURSE_ID}/answers/${detail.courses[0]!.answers[0]!.id}/neutralization`))).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ neutralized: true });

    fireEvent.click(screen.getByTestId('jury-publish'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(within(dialog).getByText(/ne pourront plus être modifiés/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/publication'))).toBe(true));
  });
});
