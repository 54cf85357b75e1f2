import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreContentDir, lintContent, loadContent } from '../src/index';
import { writeContentFolder } from './support';

/** The README's YAML blocks that start with `# <path>`: the example extra folder. */
function readmeFiles(): Record<string, string> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const files: Record<string, string> = {};
  for (const match of readme.matchAll(/```yaml\n# (\S+)\n([\s\S]*?)```/g)) {
    const [, path, body] = match;
    if (path && body) files[path] = body;
  }
  return files;
}

describe('the README example', () => {
  it('is an extra content folder that passes the linter next to ours', () => {
    const files = readmeFiles();
    expect(Object.keys(files)).toHaveLength(4);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    const dir = writeContentFolder({
      ...files,
      'assets/cdi/fiche-livre.svg': svg,
      'assets/cdi/badge-livre.svg': svg,
      'assets/cdi/nouveautes.csv': 'titre;auteur\n',
      'assets/cdi/nouveautes.txt': 'titre auteur\n',
    });
    expect(lintContent(loadContent([coreContentDir, dir]))).toEqual([]);
  });
});
