import { describe, expect, it } from 'vitest';
import { currentKnowledgeElements, newestFirst } from '../../src/knowledge';
import { at, stored, tubeSkills } from './fixtures';

const [s1, s2, s3] = tubeSkills('motsCles', [1, 2, 3]);
if (!s1 || !s2 || !s3) throw new Error('fixture');

describe('current state of knowledge elements', () => {
  it('keeps the newest element of each skill', () => {
    const old = stored(s1, 'invalidated', at(0));
    const recent = stored(s1, 'validated', at(5));
    expect(currentKnowledgeElements([recent, old])).toEqual([recent]);
  });

  it('drops a skill whose newest element is a reset', () => {
    const validated = stored(s1, 'validated', at(0));
    const reset = stored(s1, 'reset', at(8));
    const other = stored(s2, 'validated', at(1));
    expect(currentKnowledgeElements([validated, reset, other])).toEqual([other]);
  });

  it('brings a skill back when it is answered again after a reset', () => {
    const elements = [stored(s1, 'validated', at(0)), stored(s1, 'reset', at(8)), stored(s1, 'invalidated', at(9))];
    expect(currentKnowledgeElements(elements).map((e) => e.status)).toEqual(['invalidated']);
  });

  it('ignores EXAM elements, which carry a participation id', () => {
    const profile = stored(s1, 'validated', at(0));
    const exam = stored(s1, 'invalidated', at(3), { participationId: 'p-42' });
    expect(currentKnowledgeElements([profile, exam])).toEqual([profile]);
  });

  it('an EXAM participation reads its own elements with the same newest-per-skill rule', () => {
    const first = stored(s1, 'validated', at(1), { participationId: 'p-42' });
    const later = stored(s1, 'invalidated', at(3), { participationId: 'p-42' });
    const other = stored(s2, 'validated', at(2), { participationId: 'p-42' });
    expect(currentKnowledgeElements([first, later, other], 'participation')).toEqual([later, other]);
  });

  it('breaks ties at the same instant by the highest id', () => {
    const first = stored(s3, 'validated', at(1), { id: 9 });
    const second = stored(s3, 'invalidated', at(1), { id: 10 });
    expect(currentKnowledgeElements([second, first])).toEqual([second]);
  });

  it('orders string ids of decimal serials numerically and same-length ids lexically', () => {
    const ids = ['9', '10', 'b', 'a'].map((id) => stored(s1, 'validated', at(0), { id }));
    expect([...ids].sort(newestFirst).map((e) => e.id)).toEqual(['10', 'b', 'a', '9']);
  });
});
