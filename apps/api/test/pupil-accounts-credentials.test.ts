import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '../src/modules/identity/password';
import { generateUsername, MAX_USERNAME_ATTEMPTS, temporaryPassword, usernamePart, type RandomInt } from '../src/modules/pupil-accounts/credentials';

/** A random source that plays back the given values, so every digit of a test is chosen. */
function playback(...values: number[]): RandomInt {
  let next = 0;
  return (max) => {
    const value = values[next++ % values.length]!;
    if (value >= max) throw new RangeError(`${value} is not below ${max}`);
    return value;
  };
}

const POLICY = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{8,128}$/;

describe('usernames', () => {
  it('keep only a–z: accents dropped, ligatures spelt out, hyphens, apostrophes and spaces removed', () => {
    expect(usernamePart('Inès')).toBe('ines');
    expect(usernamePart('Jean-Éric')).toBe('jeaneric');
    expect(usernamePart("O'Connor Dupré")).toBe('oconnordupre');
    expect(usernamePart('Œdipe Lætitia')).toBe('oedipelaetitia');
    expect(usernamePart('Çağlar')).toBe('caglar');
  });

  it('are first name, a dot, last name and the birth day and month', async () => {
    const username = await generateUsername({ firstName: 'Inès', lastName: 'Moreau', birthdate: '2013-01-09' }, async () => false, playback(0));
    expect(username).toBe('ines.moreau0901');
  });

  it('when taken, replace the four digits by random ones until one is free', async () => {
    const taken = new Set(['ines.moreau0901', 'ines.moreau0042']);
    const username = await generateUsername({ firstName: 'Inès', lastName: 'Moreau', birthdate: '2013-01-09' }, async (u) => taken.has(u), playback(42, 7, 9999));
    expect(username).toBe('ines.moreau0007');
  });

  it('start from random digits without a birthdate, and use a placeholder for a name without latin letters', async () => {
    expect(await generateUsername({ firstName: 'Léa', lastName: '李', birthdate: null }, async () => false, playback(315))).toBe('lea.eleve0315');
  });

  it('give up after a bounded number of attempts', async () => {
    let asked = 0;
    const username = await generateUsername({ firstName: 'A', lastName: 'B', birthdate: '2013-01-09' }, async () => (asked++, true), playback(1));
    expect(username).toBeNull();
    expect(asked).toBe(MAX_USERNAME_ATTEMPTS);
  });
});

describe('temporary passwords', () => {
  it('are one uppercase, five lowercase letters of the unambiguous alphabet, then two digits', () => {
    // Indexes into abcdefghjkmnpqrstuvwxyz, then digits.
    expect(temporaryPassword(playback(7, 0, 1, 2, 8, 22, 4, 2))).toBe('Habcjz42');
  });

  it('drawn from crypto, always meet the password policy and are never a common password', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const password = temporaryPassword();
      expect(password).toMatch(/^[A-HJKMNP-Z][a-hjkmnp-z]{5}[0-9]{2}$/);
      expect(password).toMatch(POLICY);
      expect(isCommonPassword(password)).toBe(false);
      seen.add(password);
    }
    // 23⁶·100 ≈ 1.5·10¹⁰ passwords: 500 draws do not repeat unless the source is broken.
    expect(seen.size).toBe(500);
  });
});
