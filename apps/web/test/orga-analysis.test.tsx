import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AnalysisTube, CampaignAnalysis, ParticipantAnalysis, ParticipantPage } from '@jalon/contracts';
import { aCampaign, aMe, fakeApi, on, renderAt } from './support';

const CAMPAIGN_ID = '44444444-4444-4444-8444-444444444444';
const PARTICIPATION_ID = '55555555-5555-4555-8555-555555555555';
const owner = { id: '77777777-7777-4777-8777-777777777777', firstName: 'Bruno', lastName: 'Petit' };
const campaign = aCampaign({
  id: CAMPAIGN_ID,
  name: 'Français 3e',
  targetProfile: { id: 'tp-francais', name: 'Français' },
  owner,
  creator: owner,
  participantCount: 2,
  sharedCount: 2,
});
const competence = { id: 'c1.1', index: '1.1', name: { fr: 'Mener une recherche' }, areaCode: '1', areaColor: 'jaffa' };

function tube(id: string, title: string, averageScore: number, bubbles: number, shown = false): AnalysisTube {
  return {
    id,
    practicalTitle: { fr: title },
    practicalDescription: { fr: `À propos de ${title}` },
    competence,
    averageScore,
    bubbles,
    meanReached: 1.5,
    maxLevel: 3,
    percent: 50,
    tutorials: [
      { id: `${id}-tuto`, title: `Tutoriel ${title}`, link: 'https://example.org/tuto', source: 'Wikipédia', format: 'video', duration: '00:05:00', skillLevel: 1, shownDuringTest: shown },
    ],
  };
}

const analysis: CampaignAnalysis = {
  participantCount: 2,
  divisions: ['3A', '3B'],
  groups: [],
  tubes: [tube('@motsCles', 'Choisir des mots-clés', 22.5, 4), tube('@courriel', 'Écrire un courriel', 80, 1)],
  competences: [{ ...competence, gauge: { meanLevel: 1.5, meanMaxLevel: 3, percent: 50, band: 'BEGINNER' } }],
  global: { meanLevel: 1.5, meanMaxLevel: 3, percent: 50, band: 'BEGINNER' },
};

function api(extra: ReturnType<typeof on>[] = []) {
  return fakeApi(
    on('GET', '/api/me', { status: 200, body: aMe({}, 'MEMBER') }),
    on('GET', `/api/campaigns/${CAMPAIGN_ID}`, { status: 200, body: campaign }),
    on('GET', new RegExp(`^/api/campaigns/${CAMPAIGN_ID}/analysis`), { status: 200, body: analysis }),
    ...extra,
  );
}

describe('« Analyse »', () => {
  it('lists the tubes most recommended first, with bubbles in words, and reverses the order on demand', async () => {
    api();
    renderAt(`/orga/campagnes/${CAMPAIGN_ID}/analyse`);
    const list = await screen.findByTestId('analysis-tubes');
    const titles = () => within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles()).toEqual(['Choisir des mots-clés', 'Écrire un courriel']);
    expect(within(list).getByRole('img', { name: '4 sur 4 : Fortement recommandé' })).toBeTruthy();
    expect(within(list).getAllByText('Niveau moyen 1,5 sur 3 (50 %)')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les moins recommandés d’abord' }));
    expect(await screen.findByText('Ordre : du moins recommandé au plus recommandé.')).toBeTruthy();
    expect(titles()).toEqual(['Écrire un courriel', 'Choisir des mots-clés']);
  });

  it('opens a tube’s tutorials from a button that says whether they are shown', async () => {
    api();
    renderAt(`/orga/campagnes/${CAMPAIGN_ID}/analyse`);
    const [toggle] = await screen.findAllByRole('button', { name: /Voir le tutoriel/ });
    expect(toggle!.getAttribute('aria-expanded')).toBe('false');
    const panel = document.getElementById(toggle!.getAttribute('aria-controls')!)!;
    expect(panel.hidden).toBe(true);
    fireEvent.click(toggle!);
    expect(toggle!.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(within(panel).getByRole('link', { name: /Tutoriel Choisir des mots-clés/ })).toBeTruthy();
    expect(within(panel).getByText('Wikipédia · Vidéo · 5 min · niveau 1')).toBeTruthy();
  });

  it('shows the competence view with the global gauge and the level bands', async () => {
    api();
    renderAt(`/orga/campagnes/${CAMPAIGN_ID}/analyse?vue=competences`);
    expect(await screen.findByTestId('analysis-global')).toBeTruthy();
    expect(screen.getAllByTestId('level-band').map((band) => band.textContent)).toEqual(['Débutant', 'Débutant']);
    expect(screen.getByRole('link', { name: 'Par compétence' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('participant page', () => {
  const page: ParticipantPage = {
    campaign: { id: CAMPAIGN_ID, name: 'Français 3e', type: 'ASSESSMENT', externalIdLabel: null },
    learner: { organizationLearnerId: '66666666-6666-4666-8666-666666666666', firstName: 'Charles', lastName: 'Durand', division: '3A', group: null },
    participation: { id: PARTICIPATION_ID, number: 1, status: 'SHARED', createdAt: '2026-03-02T10:00:00.000Z', sharedAt: '2026-03-02T11:00:00.000Z', participantExternalId: null, progression: 100 },
    participations: [{ id: PARTICIPATION_ID, number: 1, status: 'SHARED', createdAt: '2026-03-02T10:00:00.000Z', sharedAt: '2026-03-02T11:00:00.000Z' }],
    results: {
      masteryPercent: 75,
      validatedSkills: 3,
      targetedSkills: 4,
      stage: { stars: 1, totalStars: 2, title: 'Lecteur averti', description: 'Sait chercher.' },
      badges: [],
      competences: [{ ...competence, validated: 3, total: 4, masteryPercent: 75, stars: 1, totalStars: 2 }],
    },
    profile: null,
  };
  const participantAnalysis: ParticipantAnalysis = { isShared: true, tubes: [tube('@motsCles', 'Choisir des mots-clés', 22.5, 4, true)] };

  it('shows the sent values in the header and marks the tutorials offered during the test', async () => {
    api([
      on('GET', `/api/campaigns/${CAMPAIGN_ID}/participations/${PARTICIPATION_ID}`, { status: 200, body: page }),
      on('GET', `/api/campaigns/${CAMPAIGN_ID}/participations/${PARTICIPATION_ID}/analysis`, { status: 200, body: participantAnalysis }),
    ]);
    renderAt(`/orga/campagnes/${CAMPAIGN_ID}/participants/${PARTICIPATION_ID}/analyse`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Charles Durand' })).toBeTruthy();
    expect(screen.getByTestId('participant-mastery').textContent).toBe('75 % (3 acquis sur 4)');
    expect(screen.getByRole('img', { name: '1 étoile(s) sur 2' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /Voir le tutoriel/ }));
    expect(screen.getByTestId('tutorial-shown').textContent).toBe('Proposé pendant le test');
    expect(screen.getByText('Niveau 1,5 sur 3 (50 %)')).toBeTruthy();
  });
});
