import { describe, expect, it } from 'vitest';
import { computePixValues } from '../src/pix-value';

const skill = (id: string, level: number, counts = true, competenceId = 'c1.1') => ({ id, competenceId, level, counts });

describe('computePixValues', () => {
  it('gives a single counting skill of a level 4 pix, not a whole level', () => {
    expect(computePixValues([skill('@a1', 1)]).get('@a1')).toBe(4);
  });

  it('shares 8 pix among three skills of the same competence and level, unrounded', () => {
    const values = computePixValues([skill('@a2', 2), skill('@b2', 2), skill('@c2', 2)]);
    expect(values.get('@b2')).toBe(8 / 3);
  });

  it('gives 0 to a skill that does not count and leaves it out of N', () => {
    const values = computePixValues([skill('@a3', 3), skill('@b3', 3, false)]);
    expect(values.get('@a3')).toBe(4);
    expect(values.get('@b3')).toBe(0);
  });

  it('counts N per competence', () => {
    const values = computePixValues([skill('@a1', 1), skill('@b1', 1), skill('@c1', 1, true, 'c2.1')]);
    expect([values.get('@a1'), values.get('@c1')]).toEqual([4, 4]);
  });
});
