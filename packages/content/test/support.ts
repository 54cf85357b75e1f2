import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes an extra content folder in a fresh temporary directory and returns its path. */
export function writeContentFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
