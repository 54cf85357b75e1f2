import { hash, verify } from '@node-rs/argon2';

/** argon2id, the library's default algorithm and costs (~30 ms a hash here): slow for an attacker, fine for a sign-in. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Passwords that meet the character rules yet are among the first tried by attackers
 * (`learners-and-accounts.md` §6, `PASSWORD_TOO_WEAK`). Compared case-insensitively.
 */
const COMMON_PASSWORDS = new Set([
  'password1',
  'password123',
  'motdepasse1',
  'motdepasse123',
  'azerty123',
  'azertyuiop1',
  'qwerty123',
  'bonjour123',
  'soleil123',
  'welcome1',
  'welcome123',
  'admin123',
  'abcdefg1',
  'abcd1234',
  'jalon123',
  'jalon2026',
  'changeme1',
  'letmein1',
  'iloveyou1',
  'football1',
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
