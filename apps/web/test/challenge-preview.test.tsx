import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AdminChallengePreview, AnswerArea, ChallengeType } from '../src/api/types';
import { toAnswer, emptyDraft } from '../src/features/admin/challenges/answerDraft';
import { tutorialMinutes } from '../src/features/admin/challenges/tutorialDuration';
import { Markdown } from '../src/features/shared/content/Markdown';
import { aMe, errorBody, fakeApi, on, renderAt } from './support';

const admin = aMe({ isPlatformAdmin: true, memberships: [] });

function previewOf(type: ChallengeType, answerArea: AnswerArea, extra: Partial<AdminChallengePreview['challenge']> = {}): AdminChallengePreview {
  return {
    challenge: {
      id: '@essai1-01',
      type,
      locales: ['fr'],
      instruction: 'Quelle **bonne** réponse ?',
      proposals: '',
      answerArea,
      format: 'words',
      focused: false,
      shuffled: false,
      attachments: [],
      devices: { tablet: true, mobile: true },
      ...extra,
    },
    status: 'validated',
    skill: { id: '@essai1', level: 1, status: 'active' },
    tube: { id: '@essai', practicalTitle: { fr: 'Essayer' } },
    competence: { id: 'c1.1', index: '1.1', name: { fr: 'Mener une recherche' } },
  };
}

const options: AnswerArea = { kind: 'options', options: ['Rouge', 'Vert', 'Bleu'] };
const blocks: AnswerArea = {
  kind: 'blocks',
  parts: [
    { kind: 'text', text: 'Rayon : ' },
    { kind: 'block', key: 'rayon', options: ['Romans', 'BD'] },
    { kind: 'text', text: ' ; cote : ' },
    { kind: 'block', key: 'cote', label: 'Cote', placeholder: 'R ABC' },
  ],
};

/** Renders the preview of a challenge and records what « Vérifier » sends. */
async function openPreview(preview: AdminChallengePreview, verdict: object = { result: 'ok', tutorials: [] }) {
  const calls = fakeApi(
    on('GET', '/api/me', { status: 200, body: admin }),
    on('GET', `/api/admin/challenges/${encodeURIComponent(preview.challenge.id)}`, { status: 200, body: preview }),
    on('POST', `/api/admin/challenges/${encodeURIComponent(preview.challenge.id)}/check`, { status: 200, body: verdict }),
  );
  renderAt(`/admin/epreuves/${encodeURIComponent(preview.challenge.id)}`);
  await screen.findByTestId('answer-area');
  return calls;
}

const sentAnswer = (calls: { method: string; body: unknown }[]) => (calls.find((call) => call.method === 'POST')?.body as { answer: unknown }).answer;

describe('the answer area of the challenge preview, per type', () => {
  it('QCU: one radio button per option, and the ticked option number is sent', async () => {
    const calls = await openPreview(previewOf('QCU', options), { result: 'ko', rightOptions: [3], tutorials: [] });
    const area = screen.getByRole('group', { name: 'Choisissez une réponse' });
    expect(within(area).getAllByRole('radio')).toHaveLength(3);
    fireEvent.click(within(area).getByLabelText('Vert'));
    fireEvent.click(within(area).getByLabelText('Rouge'));
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(await screen.findByText('Mauvaise réponse')).toBeTruthy();
    expect(sentAnswer(calls)).toBe('1');
    expect(within(screen.getByTestId('correction-right-options')).getByText('Bleu')).toBeTruthy();
  });

  it('QCM: checkboxes, the ticked numbers sent in ascending order', async () => {
    const calls = await openPreview(previewOf('QCM', options));
    const area = screen.getByRole('group', { name: 'Choisissez une ou plusieurs réponses' });
    expect(within(area).getAllByRole('checkbox')).toHaveLength(3);
    fireEvent.click(within(area).getByLabelText('Bleu'));
    fireEvent.click(within(area).getByLabelText('Rouge'));
    fireEvent.click(within(area).getByLabelText('Vert'));
    fireEvent.click(within(area).getByLabelText('Vert'));
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(await screen.findByText('Bonne réponse')).toBeTruthy();
    expect(sentAnswer(calls)).toBe('1,3');
  });

  it('QROC: one labelled field, its text sent as a string', async () => {
    const calls = await openPreview(
      previewOf('QROC', { kind: 'blocks', parts: [{ kind: 'text', text: 'Nom : ' }, { kind: 'block', key: 'nom', placeholder: 'Nom de famille' }] }),
      { result: 'ok', solutionToDisplay: 'Jules *Verne*', tutorials: [] },
    );
    fireEvent.change(screen.getByLabelText('Réponse 1'), { target: { value: 'Verne' } });
    expect(screen.getByPlaceholderText('Nom de famille')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(await screen.findByText('Verne', { selector: 'em' })).toBeTruthy();
    expect(sentAnswer(calls)).toBe('Verne');
  });

  it('QROCM: a drop-down for a select block and a field for a text block, sent as key → text, with the per-field correction', async () => {
    const calls = await openPreview(previewOf('QROCM-ind', blocks), {
      result: 'ko',
      fields: { fields: { rayon: true, cote: false } },
      hint: 'Regardez la **tranche**.',
      tutorials: [{ id: 'tuto-cote', title: 'La cote', link: 'https://example.org/cote', source: 'Wikipédia', format: 'page', duration: '00:03:00', locale: 'fr-FR' }],
    });
    const select = screen.getByLabelText<HTMLSelectElement>('Réponse 1');
    expect(select.tagName).toBe('SELECT');
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choisir…', 'Romans', 'BD']);
    fireEvent.change(select, { target: { value: 'Romans' } });
    fireEvent.change(screen.getByLabelText('Cote'), { target: { value: 'R VER' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(await screen.findByText('Cote : à revoir')).toBeTruthy();
    expect(screen.getByText('Réponse 1 : juste')).toBeTruthy();
    expect(screen.getByText('tranche', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Pour réussir la prochaine fois' })).toBeTruthy();
    expect(screen.getByText('(Wikipédia, 3 min)')).toBeTruthy();
    expect(sentAnswer(calls)).toEqual({ rayon: 'Romans', cote: 'R VER' });
  });

  it('shows the illustration with its alt text and the attachments from our origin, and an API refusal in words', async () => {
    fakeApi(
      on('GET', '/api/me', { status: 200, body: admin }),
      on('GET', '/api/admin/challenges/%40essai1-01', {
        status: 200,
        body: previewOf('QCU', options, {
          illustration: { url: 'assets/cdi/fiche.svg', alt: 'Fiche du livre', decorative: false },
          attachments: [{ title: 'Nouveautés', files: ['assets/cdi/nouveautes.csv'] }],
        }),
      }),
      on('POST', '/api/admin/challenges/%40essai1-01/check', errorBody(422, 'ANSWER_EMPTY')),
    );
    renderAt('/admin/epreuves/%40essai1-01');
    expect((await screen.findByAltText('Fiche du livre')).getAttribute('src')).toBe('/api/content/assets/cdi/fiche.svg');
    expect(screen.getByRole('link', { name: 'Nouveautés (CSV)' }).getAttribute('href')).toBe('/api/content/assets/cdi/nouveautes.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(await screen.findByText('Répondez avant de vérifier.')).toBeTruthy();
  });
});

describe('answer drafts', () => {
  it('an untouched QROCM draft sends every block, empty', () => {
    expect(toAnswer('QROCM-dep', emptyDraft(blocks))).toEqual({ rayon: '', cote: '' });
    expect(toAnswer('QCU', emptyDraft(options))).toBe('');
  });

  it('tutorial durations read in minutes, rounded up', () => {
    expect(tutorialMinutes('00:10:00')).toBe(10);
    expect(tutorialMinutes('01:02:30')).toBe(63);
    expect(tutorialMinutes('00:00:20')).toBe(1);
    expect(tutorialMinutes('dix minutes')).toBeUndefined();
  });
});

describe('the Markdown of the content', () => {
  it('renders paragraphs, breaks, code blocks, lists, emphasis and the allowed tags', () => {
    const { container } = render(
      <Markdown text={'Un *mot* et **gras**, H<sub>2</sub>O, <kbd>Ctrl</kbd>\nligne 2\n\n```\nif x:\n    print(x)\n```\n\n- un\n- deux'} />,
    );
    expect(container.querySelectorAll('p')).toHaveLength(1);
    expect(container.querySelector('p br')).not.toBeNull();
    expect(container.querySelector('em')?.textContent).toBe('mot');
    expect(container.querySelector('strong')?.textContent).toBe('gras');
    expect(container.querySelector('sub')?.textContent).toBe('2');
    expect(container.querySelector('kbd')?.textContent).toBe('Ctrl');
    expect(container.querySelector('pre code')?.textContent).toBe('if x:\n    print(x)');
    expect(container.querySelectorAll('ul li')).toHaveLength(2);
  });

  it('never interprets other HTML or unsafe links, and keeps snake_case words intact', () => {
    const { container } = render(
      <Markdown text={'<img src=x onerror=alert(1)> <script>alert(1)</script> [clic](javascript:alert(1)) [CNIL](https://www.cnil.fr) nom_de_fichier'} />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.querySelectorAll('a')).toHaveLength(1);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://www.cnil.fr');
    expect(container.textContent).toContain('nom_de_fichier');
  });
});
