import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const isContentPackage = (dir: string) => existsSync(path.join(dir, 'bank')) && existsSync(path.join(dir, 'package.json'));

/**
 * This package's folder (its `bank/` and `package.json`), whether this code runs
 * from `src/` or inlined in a bundle elsewhere in the repository (the API's `dist/`): the
 * nearest folder upwards that is the package, or holds it as `packages/content`.
 */
export const contentPackageDir: string = (() => {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (isContentPackage(dir)) return dir;
    const nested = path.join(dir, 'packages', 'content');
    if (isContentPackage(nested)) return nested;
    if (path.dirname(dir) === dir) throw new Error('the content package’s folder (bank/, package.json) was not found');
  }
})();
