import { describe, expect, it } from 'vitest';
import { generateSyntheticBank } from '../../src/simulation/bank';

describe('generated bank B2 (spec §8.1)', () => {
  const bank = generateSyntheticBank(1);
  const challenges = bank.tubes.flatMap((t) => t.skills.flatMap((s) => s.challenges.map((c) => ({ c, level: s.level }))));

  it('has 16 competences × 4 tubes, tube k of competence c reaching level 3 + ((c + k) mod 4)', () => {
    expect(bank.tubes).toHaveLength(64);
    for (const tube of bank.tubes) {
      expect(tube.maxLevel).toBe(3 + ((tube.competenceIndex + tube.tubeIndex) % 4));
      expect(tube.skills.map((s) => s.level)).toEqual(Array.from({ length: tube.maxLevel }, (_, i) => i + 1));
      for (const skill of tube.skills) expect(skill.challenges).toHaveLength(3);
    }
  });

  it('draws types 30/20/50 %, 10 % timed, a in [0.8, 2.0] and δ around level − 3.5 with SD 0.3', () => {
    const share = (keep: (x: (typeof challenges)[number]) => boolean): number => challenges.filter(keep).length / challenges.length;
    expect(share(({ c }) => c.type === 'QCU')).toBeCloseTo(0.3, 1);
    expect(share(({ c }) => c.type === 'QCM')).toBeCloseTo(0.2, 1);
    expect(share(({ c }) => c.type === 'QROC')).toBeCloseTo(0.5, 1);
    expect(share(({ c }) => c.timed)).toBeCloseTo(0.1, 1);
    expect(challenges.every(({ c }) => c.irt.discrimination >= 0.8 && c.irt.discrimination <= 2)).toBe(true);
    const residuals = challenges.map(({ c, level }) => c.irt.difficulty - (level - 3.5));
    const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
    const sd = Math.sqrt(residuals.reduce((a, b) => a + (b - mean) ** 2, 0) / residuals.length);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(sd).toBeGreaterThan(0.25);
    expect(sd).toBeLessThan(0.35);
  });

  it('gives each (competence, level) 8 pix and a single-skill level 4', () => {
    const pix = new Map<string, number>();
    const skills = new Map<string, number>();
    for (const tube of bank.tubes) {
      for (const skill of tube.skills) {
        const key = `${tube.competenceId}/${skill.level}`;
        pix.set(key, (pix.get(key) ?? 0) + skill.pixValue);
        skills.set(key, (skills.get(key) ?? 0) + 1);
      }
    }
    for (const [key, total] of pix) expect(total).toBeCloseTo(skills.get(key) === 1 ? 4 : 8, 9);
  });

  it('is the same for the same seed and differs between seeds', () => {
    expect(generateSyntheticBank(2)).toEqual(generateSyntheticBank(2));
    const other = generateSyntheticBank(2).tubes.flatMap((t) => t.skills.flatMap((s) => s.challenges.map((c) => c.type)));
    expect(other).not.toEqual(challenges.map(({ c }) => c.type));
  });
});
