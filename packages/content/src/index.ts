import { compileRelease } from './compile';
import { readLedger, defaultLedgerFile } from './ledger';
import { lintContent } from './lint';
import { contentDirsFromEnv, loadContent } from './loader';
import type { Problem } from './problems';
import { formatProblem } from './problems';
import type { Release } from './release';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentPackageDir } from './package-dir';

export * from './browser';
export { compileRelease } from './compile';
export { contentStats } from './stats';
export type { ContentStats } from './stats';
export { defaultLedgerFile, readLedger, recordRelease } from './ledger';
export type { PublishedLedger } from './ledger';
export { lintContent } from './lint';
export type { LintOptions } from './lint';
export { contentDirsFromEnv, coreContentDir, loadContent } from './loader';
export type { LoadedContent } from './loader';
export * from './schema';

/** Thrown by {@link loadRelease} when the content does not pass the linter. */
export class ContentLintError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`content has ${problems.length} lint error(s):\n${problems.map((p) => formatProblem(p)).join('\n')}`);
    this.name = 'ContentLintError';
  }
}

/** Version of the content package, used as the release's semantic version by default. */
export const contentVersion: string = (
  JSON.parse(readFileSync(path.join(contentPackageDir, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * Loads, lints and compiles the content folders (ours plus `JALON_CONTENT_DIRS`) into an
 * immutable release, as the API does at start. Throws {@link ContentLintError} on any error.
 * `assetFiles` maps each asset path of the release to the file to serve.
 */
export function loadRelease(
  options: { dirs?: readonly string[]; version?: string; ledgerFile?: string } = {},
): { release: Release; assetFiles: ReadonlyMap<string, string>; warnings: readonly Problem[] } {
  const content = loadContent(options.dirs ?? contentDirsFromEnv());
  const ledgerFile = options.ledgerFile ?? defaultLedgerFile;
  const problems = lintContent(content, {
    ledger: { data: readLedger(ledgerFile), file: ledgerFile },
    embedOrigins: embedOriginsFromEnv(),
  });
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new ContentLintError(errors);
  return {
    release: compileRelease(content, options.version ?? contentVersion),
    assetFiles: content.assets,
    warnings: problems.filter((problem) => problem.severity === 'warning'),
  };
}

/** https origins allowed for embeds, from `JALON_EMBED_ORIGINS` (comma-separated). */
export function embedOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.JALON_EMBED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
}
