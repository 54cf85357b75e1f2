import { describe, expect, it } from 'vitest';
import { compileRelease } from '../src/compile';
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
