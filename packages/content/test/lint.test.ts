import { describe, expect, it } from 'vitest';
import { compileRelease } from '../src/compile';
import { recordRelease } from '../src/ledger';
import { lintContent } from '../src/lint';
import { coreContentDir, loadContent } from '../src/loader';
import { writeContentFolder } from './support';

const tube = (challenges: string, extra = '') => `id: "@essaiLint"
competence: c1.1
thematic: th1.1-moteurs
practicalTitle: { fr: "Essai" }
practicalDescription: { fr: "Essai" }
skills:
  - level: 1
    tutorials: [tuto-essai-lint]
    challenges:
${challenges}
${extra}`;

const tutorials = `tutorials:
  - { id: tuto-essai-lint, title: "Essai", link: "https://fr.wikipedia.org/wiki/Essai", source: Wikipédia, format: page, duration: "00:02:00" }
`;

function lintExtra(files: Record<string, string>) {
  const dir = writeContentFolder(files);
  const content = loadContent([coreContentDir, dir]);
  return { content, problems: lintContent(content).filter((p) => p.file.startsWith(dir)) };
}

const qcu = (id: string, solution: string) => `      - id: "${id}"
        type: QCU
        instruction: "Question ?"
        proposals: "- a\\n- b"
        solution: ${solution}`;

describe('lintContent on an extra content folder', () => {
  it('accepts a well-formed tube', () => {
    const { problems } = lintExtra({ 'tubes/essai.yaml': tube(`${qcu('@essaiLint1-01', '1')}\n${qcu('@essaiLint1-02', '2')}`), 'tutorials/t.yaml': tutorials });
    expect(problems).toEqual([]);
  });

  it('reports an out-of-range QCU solution as L05 on the line of the solution', () => {
    const { problems } = lintExtra({ 'tubes/essai.yaml': tube(`${qcu('@essaiLint1-01', '3')}\n${qcu('@essaiLint1-02', '2')}`), 'tutorials/t.yaml': tutorials });
    expect(problems.map((p) => [p.code, p.line])).toEqual([['L05', 14]]);
  });

  it('reports a challenge id that does not belong to its skill and a duplicate id as L01', () => {
    const { problems } = lintExtra({ 'tubes/essai.yaml': tube(`${qcu('@essaiLint1-01', '1')}\n${qcu('@essaiLint1-01', '2')}\n${qcu('@autre1-01', '1')}`), 'tutorials/t.yaml': tutorials });
    expect(problems.map((p) => p.code)).toEqual(['L01', 'L01']);
  });

  it('reports a free-text challenge without tolerances as L08 and an answer erased by t2 as L06', () => {
    const challenges = `${qcu('@essaiLint1-01', '1')}
      - id: "@essaiLint1-02"
        type: QROC
        instruction: "Signe ?"
        proposals: "\${s}"
        solution: "-"
        solutionToDisplay: "-"
        tolerances: [t2]
      - id: "@essaiLint1-03"
        type: QROC
        instruction: "Signe ?"
        proposals: "\${s}"
        solution: "x"
        solutionToDisplay: "x"`;
    const { problems } = lintExtra({ 'tubes/essai.yaml': tube(challenges), 'tutorials/t.yaml': tutorials });
    expect(problems.map((p) => p.code).sort()).toEqual(['L06', 'L08']);
  });

  it('reports an unknown tutorial as L11 and a file that does not match the format as L00', () => {
    const { problems } = lintExtra({ 'tubes/essai.yaml': tube(`${qcu('@essaiLint1-01', '1')}\n${qcu('@essaiLint1-02', '2')}`), 'tubes/bad.yaml': 'id: 3\n' });
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['L00', 'L11']));
  });

  it('checks stages and badges of a parcours (L12)', () => {
    const profile = `id: tp-essai-lint
name: Essai
description: Essai
category: CUSTOM
tubes: [{ tubeId: "@essaiLint", level: 1 }, { tubeId: "@inconnu", level: 2 }]
stages:
  - { level: 1, title: "Un", message: "Un" }
badges:
  - key: ESSAI
    title: Essai
    message: Essai
    altMessage: Essai
    imageUrl: assets/badge.svg
    criteria: [{ scope: CappedTubes, threshold: 80, cappedTubes: [{ tubeId: "@essaiLint", level: 2 }] }]
`;
    const { problems } = lintExtra({
      'tubes/essai.yaml': tube(`${qcu('@essaiLint1-01', '1')}\n${qcu('@essaiLint1-02', '2')}`),
      'tutorials/t.yaml': tutorials,
      'target-profiles/essai.yaml': profile,
      'assets/badge.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    expect(problems.map((p) => `${p.code} ${p.message}`)).toEqual([
      'L12 unknown tube @inconnu',
      'L12 a zero stage (threshold 0 or level 0) is mandatory',
      'L12 badge cap 2 of @essaiLint is outside 1–1 (parcours cap)',
    ]);
  });

  it('compiles the same files into the same frozen release', () => {
    const files = { 'tubes/essai.yaml': tube(`${qcu('@essaiLint1-01', '1')}\n${qcu('@essaiLint1-02', '2')}`), 'tutorials/t.yaml': tutorials };
    const first = compileRelease(lintExtra(files).content, '1.0.0');
    const second = compileRelease(lintExtra(files).content, '1.0.0');
    expect(first.contentHash).toBe(second.contentHash);
    expect(Object.isFrozen(first.challenges[0])).toBe(true);
    expect(first.skills.find((s) => s.id === '@essaiLint1')?.pixValue).toBeGreaterThan(0);
  });
});

describe('lintContent against the ledger of published ids (L13)', () => {
  const published = { 'tubes/essai.yaml': tube(`${qcu('@essaiLint1-01', '1')}\n${qcu('@essaiLint1-02', '2')}`), 'tutorials/t.yaml': tutorials };

  function lintAfterPublishing(next: Record<string, string>) {
    const ledger = recordRelease({ ids: {} }, compileRelease(lintExtra(published).content, '1.0.0'));
    const dir = writeContentFolder(next);
    return lintContent(loadContent([coreContentDir, dir]), { ledger: { data: ledger, file: 'published.json' } }).filter((p) => p.code === 'L13');
  }

  it('accepts content that only adds ids', () => {
    const added = tube(`${qcu('@essaiLint1-01', '1')}\n${qcu('@essaiLint1-02', '2')}\n${qcu('@essaiLint1-03', '1')}`);
    expect(lintAfterPublishing({ ...published, 'tubes/essai.yaml': added })).toEqual([]);
  });

  it('refuses a published challenge that disappears', () => {
    const problems = lintAfterPublishing({ ...published, 'tubes/essai.yaml': tube(`${qcu('@essaiLint1-01', '1')}`) });
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ['published.json', 'challenge @essaiLint1-02 was published in 1.0.0 and has disappeared; archive it instead'],
    ]);
  });

  it('refuses a published challenge that changes type', () => {
    const changed = `${qcu('@essaiLint1-01', '1')}
      - id: "@essaiLint1-02"
        type: QCM
        instruction: "Question ?"
        proposals: "- a\\n- b\\n- c"
        solution: "1,2"`;
    const problems = lintAfterPublishing({ ...published, 'tubes/essai.yaml': tube(changed) });
    expect(problems.map((p) => p.message)).toEqual(['challenge @essaiLint1-02 changed type from QCU to QCM; give it a new id']);
  });
});

describe('lintContent on Markdown', () => {
  it('refuses raw HTML outside the allow-list but accepts allowed tags, code and autolinks (L11)', () => {
    const challenges = `      - id: "@essaiLint1-01"
        type: QCU
        instruction: "Appuyez sur <kbd>Ctrl</kbd>, lisez \`<div>\` et <https://exemple.fr>."
        proposals: "- a\\n- b"
        solution: 1
      - id: "@essaiLint1-02"
        type: QCU
        instruction: "Cliquez <a href='x'>ici</a>."
        proposals: "- a\\n- b"
        solution: 2`;
    const { problems } = lintExtra({ 'tubes/essai.yaml': tube(challenges), 'tutorials/t.yaml': tutorials });
    expect(problems.map((p) => `${p.code} ${p.message}`)).toEqual(['L11 raw HTML <a> is not allowed in Markdown']);
  });
});
