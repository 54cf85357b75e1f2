import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The API's folder (its `drizzle/` migrations), whether this code runs from `src/` with a
 * TypeScript loader or from the production bundle in `dist/`: the nearest folder upwards
 * holding the migration journal.
 */
export const apiDir: string = (() => {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'drizzle', 'meta', '_journal.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('the API’s folder (drizzle/meta/_journal.json) was not found');
  }
})();

export const repoRoot = path.resolve(apiDir, '../..');
