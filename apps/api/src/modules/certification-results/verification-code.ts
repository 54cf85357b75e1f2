import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read aloud or copied from paper stays unambiguous (`certification.md` §6). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

export const VERIFICATION_CODE = /^J-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;

/** `J-` and 8 characters from a cryptographic source: the code is the only key to a certificate. */
export function drawVerificationCode(): string {
  let code = 'J-';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
