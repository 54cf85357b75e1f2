import { beforeAll, describe, expect, it } from 'vitest';
import { contentDirsFromEnv, coreContentDir, describeTargetProfile, listTargetProfiles, loadRelease, toLearnerChallenge } from '../src/index';
import type { Release } from '../src/index';
import { writeContentFolder } from './support';

describe('the parcours catalogue', () => {
  let release: Release;
  beforeAll(() => {
    release = loadRelease({ dirs: [coreContentDir] }).release;
  });

  it('holds the 16 competence parcours named by code and competence name, in index order', () => {
    const names = listTargetProfiles(release).filter((p) => p.category === 'COMPETENCES').map((p) => p.name);
    expect(names).toHaveLength(16);
    expect(names[0]).toBe("1.1 Mener une recherche et une veille d'information");
    expect(names[15]).toBe('5.2 Construire un environnement numérique');
  });

  it('fills the back-to-school, disciplinary and ready-to-use categories', () => {
    const summaries = listTargetProfiles(release);
    const inCategory = (category: string) => summaries.filter((p) => p.category === category).map((p) => p.name);
    expect(inCategory('BACK_TO_SCHOOL')).toContain('Parcours de rentrée');
    expect(inCategory('DISCIPLINE')).toEqual(expect.arrayContaining(['Arts plastiques cycle 4', 'Français', 'Mathématiques']));
    expect(inCategory('PREDEFINED')).toContain('Socle commun cycle 4');
    expect(summaries.some((p) => p.badgeCount > 0)).toBe(true);
  });

  it('describes « Arts plastiques cycle 4 » by competence with each tube capped at its « Niveau max »', () => {
    const detail = describeTargetProfile(release, 'tp-arts-plastiques-cycle-4');
    const rows = detail?.areas.flatMap((a) => a.competences.flatMap((c) => c.tubes.map((t) => [c.competence.index, t.tube.id, t.level])));
    expect(rows).toContainEqual(['3.2', '@imageNumerique', 4]);
    expect(detail?.skillCount).toBe(detail?.areas.flatMap((a) => a.competences.flatMap((c) => c.tubes)).reduce((n, row) => n + row.skillCount, 0));
    expect(detail?.estimatedMinutes).toBeGreaterThan(0);
    expect(detail?.estimatedMinutes).toBe(Math.ceil((detail?.skillCount ?? 0) / 5) * 5);
  });

  it('gives the back-to-school parcours its stages, first skill right after the zero stage', () => {
    const detail = describeTargetProfile(release, 'tp-rentree');
    expect(detail?.stages.map((s) => s.id)).toEqual(['tp-rentree:level-0', 'tp-rentree:first-skill', 'tp-rentree:level-1', 'tp-rentree:level-2']);
    expect(detail?.locales).toEqual(['fr', 'en']);
  });

  it('returns undefined for an unknown parcours', () => {
    expect(describeTargetProfile(release, 'tp-inconnu')).toBeUndefined();
  });
});

describe('extra content folders', () => {
  it('are read from JALON_CONTENT_DIRS after ours', () => {
    expect(contentDirsFromEnv({ JALON_CONTENT_DIRS: '/srv/a:/srv/b' })).toEqual([coreContentDir, '/srv/a', '/srv/b']);
  });

  it('add a school parcours on our tubes to the release without touching ours', () => {
    const dir = writeContentFolder({
      'target-profiles/college.yaml': `id: tp-college-recherche
name: "Rechercher sur le web (collège Jean Moulin)"
description: "Un parcours court pour la 6e."
category: CUSTOM
tubes: [{ tubeId: "@motsCles", level: 2 }]
`,
    });
    const { release } = loadRelease({ dirs: [coreContentDir, dir] });
    const ours = loadRelease({ dirs: [coreContentDir] }).release;
    expect(release.targetProfiles.map((p) => p.id)).toContain('tp-college-recherche');
    expect(release.contentHash).not.toBe(ours.contentHash);
    expect(release.tubes).toEqual(ours.tubes);
  });
});

describe('toLearnerChallenge', () => {
  it('keeps what the learner sees and drops the solution', () => {
    const { release } = loadRelease({ dirs: [coreContentDir] });
    const challenge = release.challenges.find((c) => c.id === '@sauvegarde3-02');
    if (!challenge) throw new Error('missing challenge');
    const shown = toLearnerChallenge(challenge);
    expect(shown).not.toHaveProperty('solution');
    expect(shown).not.toHaveProperty('solutionToDisplay');
    expect(shown.instruction).toBe(challenge.instruction);
    expect(shown.proposals).toBe(challenge.proposals);
  });
});

describe('a Jalon+ framework in an extra folder', () => {
  it('adds its competences without counting them for pix', () => {
    const dir = writeContentFolder({
      'framework.yaml': `framework: jalon-plus
areas:
  - id: a9
    code: "9"
    color: jaffa
    title: { fr: "Culture numérique +" }
    competences:
      - id: c9.1
        index: "9.1"
        origin: plus
        name: { fr: "Découvrir l'intelligence artificielle" }
        description: { fr: "Comprendre ce que fait une IA générative." }
        thematics: [{ id: th9.1-ia, name: { fr: "IA" } }]
`,
      'tubes/ia.yaml': `id: "@iaGenerative"
competence: c9.1
thematic: th9.1-ia
practicalTitle: { fr: "IA générative" }
practicalDescription: { fr: "Ce qu'une IA générative produit." }
skills:
  - level: 1
    challenges:
      - { id: "@iaGenerative1-01", type: QCU, instruction: "Une IA générative peut-elle se tromper ?", proposals: "- Oui\\n- Non", solution: 1 }
`,
    });
    const { release } = loadRelease({ dirs: [coreContentDir, dir] });
    expect(release.competences.find((c) => c.id === 'c9.1')?.origin).toBe('plus');
    expect(release.skills.find((s) => s.id === '@iaGenerative1')?.pixValue).toBe(0);
  });
});
