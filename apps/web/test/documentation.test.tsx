import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TargetProfileDetail, TargetProfileSummary } from '../src/api/types';
import { aMe, errorBody, fakeApi, on, ORGANIZATION_ID, renderAt } from './support';

const base = `/api/organizations/${ORGANIZATION_ID}/target-profiles`;

function summary(id: string, name: string, category: TargetProfileSummary['category'], categoryLabel: string, extra: Partial<TargetProfileSummary> = {}): TargetProfileSummary {
  return {
    id,
    name,
    description: `Description de ${name}`,
    category,
    categoryLabel: { fr: categoryLabel, en: categoryLabel },
    locales: ['fr'],
    competenceCount: 2,
    tubeCount: 3,
    skillCount: 9,
    stageCount: 2,
    badgeCount: 0,
    devices: { tablet: true, mobile: false },
    estimatedMinutes: 10,
    ...extra,
  };
}

const rentree = summary('tp-rentree', 'Parcours de rentrée', 'BACK_TO_SCHOOL', 'Parcours de rentrée', { estimatedMinutes: 95 });
const arts = summary('tp-arts', 'Arts plastiques cycle 4', 'DISCIPLINE', 'Disciplinaires');
const francais = summary('tp-francais', 'Français', 'DISCIPLINE', 'Disciplinaires', { devices: { tablet: true, mobile: true } });

const artsDetail: TargetProfileDetail = {
  ...arts,
  areas: [
    {
      id: 'a3',
      code: '3',
      title: { fr: 'Création de contenu' },
      competences: [
        {
          id: 'c3.2',
          index: '3.2',
          name: { fr: 'Développer des documents multimédia' },
          tubes: [
            {
              id: '@retouche',
              practicalTitle: { fr: 'Retoucher une image' },
              practicalDescription: { fr: 'Recadrer, redimensionner.' },
              level: 4,
              skillCount: 4,
              devices: { tablet: true, mobile: false },
            },
          ],
        },
      ],
    },
  ],
  stages: [
    { id: 'tp-arts:threshold-0', title: 'Esquisse', message: 'Votre carnet s’ouvre.', level: null, threshold: 0, isFirstSkill: false },
    { id: 'tp-arts:threshold-70', title: 'Œuvre', message: 'Bravo.', level: null, threshold: 70, isFirstSkill: false },
  ],
  badges: [{ key: 'ARTISTE', title: 'Artiste', message: 'Vous créez.', altMessage: 'Badge Artiste : une palette.', imageUrl: 'assets/badges/palette.svg' }],
};

function signedIn(...routes: Parameters<typeof fakeApi>) {
  return fakeApi(on('GET', '/api/me', { status: 200, body: aMe({}, 'MEMBER') }), ...routes);
}

describe('Orga « Documentation »', () => {
  it('keeps the guide link and lists the available parcours under their category, with skills, duration and devices', async () => {
    signedIn(on('GET', base, { status: 200, body: { targetProfiles: [rentree, arts, francais] } }));
    renderAt('/orga/documentation');
    expect(await screen.findByText('Parcours affichés : 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ouvrir le guide de l’organisation' }).getAttribute('href')).toBe('https://example.org/jalon');
    const discipline = screen.getByRole('region', { name: 'Disciplinaires' });
    expect(within(discipline).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Arts plastiques cycle 4', 'Français']);
    expect(within(discipline).getByRole('link', { name: 'Arts plastiques cycle 4' }).getAttribute('href')).toBe('/orga/documentation/parcours/tp-arts');
    const first = screen.getAllByTestId('parcours-card')[0]!;
    expect(within(first).getByText('Durée estimée : 1 h 35 au plus')).toBeTruthy();
    expect(within(first).getByText('Sur ordinateur et tablette')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Disciplinaires' })).toBeTruthy();
  });

  it('searches and filters through the URL, which the API answers', async () => {
    const calls = signedIn(
      on('GET', base, { status: 200, body: { targetProfiles: [rentree, arts, francais] } }),
      on('GET', `${base}?search=arts&category=DISCIPLINE`, { status: 200, body: { targetProfiles: [arts] } }),
    );
    renderAt('/orga/documentation');
    await screen.findByText('Parcours affichés : 3');
    fireEvent.change(screen.getByLabelText('Rechercher un parcours'), { target: { value: ' arts ' } });
    fireEvent.change(screen.getByLabelText('Catégorie'), { target: { value: 'DISCIPLINE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(await screen.findByText('Parcours affichés : 1')).toBeTruthy();
    expect(calls.some((call) => call.path === `${base}?search=arts&category=DISCIPLINE`)).toBe(true);
  });

  it('a parcours page shows competences, tubes with « Niveau max », stages, badges, skills, duration and the PDF link', async () => {
    signedIn(on('GET', `${base}/tp-arts`, { status: 200, body: artsDetail }));
    renderAt('/orga/documentation/parcours/tp-arts');
    expect(await screen.findByRole('heading', { level: 1, name: 'Arts plastiques cycle 4' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Arts plastiques cycle 4 | Jalon Orga'));
    expect(screen.getByRole('heading', { level: 4, name: '3.2 Développer des documents multimédia' })).toBeTruthy();
    const row = screen.getByTestId('tube-row');
    expect(within(row).getByText('Retoucher une image')).toBeTruthy();
    expect(within(row).getByText('Niveau max 4')).toBeTruthy();
    expect(screen.getByTestId('parcours-skill-count').textContent).toBe('9');
    expect(screen.getByTestId('parcours-duration').textContent).toBe('10 min au plus');
    expect(within(screen.getByTestId('parcours-stages')).getByText('Œuvre')).toBeTruthy();
    expect(screen.getByAltText('Badge Artiste : une palette.').getAttribute('src')).toBe('/api/content/assets/badges/palette.svg');
    expect(screen.getByRole('link', { name: 'Télécharger en PDF' }).getAttribute('href')).toBe(`${base}/tp-arts/pdf`);
  });

  it('a parcours the organization cannot see says so in words', async () => {
    signedIn(on('GET', `${base}/tp-autre`, errorBody(404, 'TARGET_PROFILE_NOT_FOUND')));
    renderAt('/orga/documentation/parcours/tp-autre');
    expect(await screen.findByText('Ce parcours n’existe pas ou n’est pas proposé à votre organisation.')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});
