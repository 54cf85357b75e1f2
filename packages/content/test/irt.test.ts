import {
  CERTIFICATION_FLASH,
  challengeId,
  competenceId,
  createRandom,
  nextFlashStep,
  scoreCertification,
  skillId,
  successProbability,
  tubeId,
  type CalibratedChallenge,
  type CertificationAnswer,
  type FlashAnswer,
} from '@jalon/engine';
import { describe, expect, it } from 'vitest';
import { applyIrtToTubeYaml } from '../src/apply-irt';
import { compileRelease } from '../src/compile';
import { loadRelease } from '../src/index';
import { lintContent } from '../src/lint';
import { coreContentDir, loadContent } from '../src/loader';
import { writeContentFolder } from './support';

const tube = (irt: string) => `id: "@essaiIrt"
competence: c1.1
thematic: th1.1-moteurs
practicalTitle: { fr: "Essai" }
practicalDescription: { fr: "Essai" }
skills:
  - level: 1
    tutorials: [tuto-essai-irt]
    challenges:
      - { id: "@essaiIrt1-01", type: QCU, instruction: "Question ?", proposals: "- a\\n- b", solution: 1 }
  - level: 5
    tutorials: [tuto-essai-irt]
    challenges:
      - { id: "@essaiIrt5-01", type: QCU, instruction: "Question ?", proposals: "- a\\n- b", solution: 2${irt} }
`;
const tutorials = `tutorials:
  - { id: tuto-essai-irt, title: "Essai", link: "https://fr.wikipedia.org/wiki/Essai", source: Wikipédia, format: page, duration: "00:02:00" }
`;

function load(irt: string) {
  const dir = writeContentFolder({ 'tubes/essai.yaml': tube(irt), 'tutorials/t.yaml': tutorials });
  const content = loadContent([coreContentDir, dir]);
  return { content, problems: lintContent(content).filter((p) => p.file.startsWith(dir)) };
}

describe('IRT parameters in the release', () => {
  it('keeps calibrated values and derives the others from the skill level (a = 1.4, δ = level − 3.5)', () => {
    const { content, problems } = load(', irt: { difficulty: 0.8, discrimination: 2.1 }');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const release = compileRelease(content, '1.0.0');
    const irtOf = (id: string) => release.challenges.find((c) => c.id === id)?.irt;
    expect(irtOf('@essaiIrt1-01')).toEqual({ difficulty: -2.5, discrimination: 1.4, source: 'derived' });
    expect(irtOf('@essaiIrt5-01')).toEqual({ difficulty: 0.8, discrimination: 2.1, source: 'calibrated' });
    expect(release.challenges.every((c) => Number.isFinite(c.irt.difficulty) && c.irt.discrimination > 0)).toBe(true);
  });

  it('refuses a discrimination that is not positive', () => {
    const { problems } = load(', irt: { difficulty: 0.8, discrimination: 0 }');
    expect(problems.filter((p) => p.severity === 'error')).not.toEqual([]);
  });
});

describe('a certification on the reference content with derived parameters', () => {
  it('serves 32 questions over the 16 competences and ranks candidates by capacity', () => {
    const { release } = loadRelease({ dirs: [coreContentDir] });
    const core = new Set(release.competences.filter((c) => c.origin === 'jalon').map((c) => c.id));
    const skills = new Map(release.skills.map((skill) => [skill.id, skill]));
    // The bank the API serves (certification-course/bank.ts): validated French challenges of active core skills.
    const bank: CalibratedChallenge[] = release.challenges
      .filter((c) => c.status === 'validated' && core.has(c.competenceId) && c.locales.includes('fr') && skills.get(c.skillId)?.status === 'active')
      .map((c) => ({
        id: challengeId(c.id),
        skillId: skillId(c.skillId),
        tubeId: tubeId(c.tubeId),
        competenceId: competenceId(c.competenceId),
        difficulty: c.irt.difficulty,
        discrimination: c.irt.discrimination,
      }));
    const byId = new Map(bank.map((c) => [c.id, c]));
    const scores = [-2, 0, 2].map((theta, i) => {
      const random = createRandom(40 + i, 1);
      const flash: FlashAnswer[] = [];
      const answers: CertificationAnswer[] = [];
      for (;;) {
        const step = nextFlashStep({ challenges: bank, answers: flash, assessmentSeed: 40 + i }, CERTIFICATION_FLASH);
        if (step.kind === 'end') break;
        const challenge = byId.get(step.challengeId);
        if (!challenge) throw new Error('unknown challenge');
        const ok = random.next() < successProbability(theta, challenge);
        flash.push({ challengeId: challenge.id, ok });
        answers.push({ challengeId: challenge.id, result: ok ? 'ok' : 'ko', competenceId: challenge.competenceId, irt: challenge });
      }
      expect(answers).toHaveLength(32);
      expect(new Set(answers.map((a) => a.competenceId)).size).toBe(16);
      return scoreCertification({ answers, completed: true, competenceIds: [...core] }).pixScore;
    });
    expect(scores[0]).toBeLessThan(scores[1] ?? 0);
    expect(scores[1]).toBeLessThan(scores[2] ?? 0);
  });
});

describe('applyIrtToTubeYaml', () => {
  const file = `id: "@essaiIrt"
skills:
  - level: 1
    challenges:
      - id: "@essaiIrt1-01"
        type: QCU
        instruction: "Question ?"
        proposals: "- a\\n- b"
        solution: 1
      - id: "@essaiIrt1-02"
        type: QROC
        irt:
          difficulty: 0
          discrimination: 1
        instruction: >-
          Une consigne
          sur deux lignes
        solution: "x"
  - level: 2
    challenges:
      - id: "@essaiIrt2-01"
        type: QCU
        irt: { difficulty: 1, discrimination: 1 }
        solution: 2 # commentaire gardé
`;

  it('writes the parameters after each id, or in place of an irt in flow or block form, and leaves every other line as it was', () => {
    const { text, applied } = applyIrtToTubeYaml(file, {
      '@essaiIrt1-01': { difficulty: -1.23456, discrimination: 1.5 },
      '@essaiIrt1-02': { difficulty: 0.5, discrimination: 0.9 },
      '@essaiIrt2-01': { difficulty: 2, discrimination: 2.25 },
      '@ailleurs1-01': { difficulty: 0, discrimination: 1 },
    });
    expect(applied).toEqual(['@essaiIrt1-01', '@essaiIrt1-02', '@essaiIrt2-01']);
    expect(text).toBe(`id: "@essaiIrt"
skills:
  - level: 1
    challenges:
      - id: "@essaiIrt1-01"
        irt: { difficulty: -1.235, discrimination: 1.5 }
        type: QCU
        instruction: "Question ?"
        proposals: "- a\\n- b"
        solution: 1
      - id: "@essaiIrt1-02"
        type: QROC
        irt: { difficulty: 0.5, discrimination: 0.9 }
        instruction: >-
          Une consigne
          sur deux lignes
        solution: "x"
  - level: 2
    challenges:
      - id: "@essaiIrt2-01"
        type: QCU
        irt: { difficulty: 2, discrimination: 2.25 }
        solution: 2 # commentaire gardé
`);
    // Applying the same table again changes nothing.
    expect(applyIrtToTubeYaml(text, { '@essaiIrt1-01': { difficulty: -1.23456, discrimination: 1.5 } }).text).toBe(text);
  });

  it('leaves a file without any listed challenge untouched', () => {
    expect(applyIrtToTubeYaml(file, {})).toEqual({ text: file, applied: [] });
  });
});
