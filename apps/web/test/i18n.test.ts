import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@jalon/contracts';
import { en } from '../src/i18n/en';
import { fr } from '../src/i18n/fr';

function flatten(resource: object, prefix = ''): Map<string, string> {
  const entries = Object.entries(resource).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : [...flatten(value as object, `${prefix}${key}.`)],
  );
  return new Map(entries);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

const french = flatten(fr);
const english = flatten(en);

describe('translations', () => {
  it('French and English have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...french.keys()].sort());
  });

  it('every error code of the API contract has a sentence', () => {
    expect(ERROR_CODES.filter((code) => !french.has(`errors.${code}`))).toEqual([]);
  });

  it('both languages use the same placeholders in each sentence', () => {
    for (const [key, text] of french) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('no sentence is left empty', () => {
    expect([...french, ...english].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});
