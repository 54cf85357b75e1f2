// Compiles the content into a release JSON file and, with --publish, records its ids in the
// ledger so that the linter refuses to let them disappear (L13).
// Usage: node --import tsx packages/content/scripts/release.ts [--version x.y.z] [--out file] [--publish]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ContentLintError, defaultLedgerFile, loadRelease, readLedger, recordRelease } from '../src/index';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

try {
  const version = option('--version');
  const { release, warnings } = loadRelease(version ? { version } : {});
  const out = resolve(option('--out') ?? `packages/content/dist/release-${release.version}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(release, null, 2)}\n`);
  console.log(`release ${release.id} written to ${out} (${warnings.length} warning(s))`);
  if (process.argv.includes('--publish')) {
    mkdirSync(dirname(defaultLedgerFile), { recursive: true });
    writeFileSync(defaultLedgerFile, `${JSON.stringify(recordRelease(readLedger(), release), null, 2)}\n`);
    console.log(`published ids recorded in ${defaultLedgerFile}`);
  }
} catch (error) {
  if (!(error instanceof ContentLintError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
