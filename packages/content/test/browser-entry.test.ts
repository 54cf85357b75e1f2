import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Every module reachable from `file` through relative imports, with the other specifiers they import. */
function importGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((m) => m[1] ?? '');
  seen.set(file, specifiers.filter((s) => !s.startsWith('.')));
  for (const specifier of specifiers.filter((s) => s.startsWith('.'))) importGraph(resolve(dirname(file), `${specifier}.ts`), seen);
  return seen;
}

describe('the browser entry point', () => {
  it('imports no Node.js module, directly or not', () => {
    const graph = importGraph(fileURLToPath(new URL('../src/browser.ts', import.meta.url)));
    const external = new Set([...graph.values()].flat());
    expect([...external].filter((s) => s.startsWith('node:') || ['fs', 'path', 'crypto', 'url'].includes(s))).toEqual([]);
  });
});
