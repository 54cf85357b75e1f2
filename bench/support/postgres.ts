import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { onCleanup } from './cleanup';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../../.ci/postgres.sh');

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres, trust authentication. */
  url: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL cluster in a fresh temporary folder, through the same
 * script CI uses. It keeps the server's default durability settings, so that figures
 * measured on it are those of a real installation.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  // Under /tmp rather than $TMPDIR: as root the server runs as the postgres user, who must
  // be able to reach the folder, and a private TMPDIR may not let it.
  const dir = fs.mkdtempSync('/tmp/jalon-bench-pg-');
  const stop = onCleanup(async () => {
    await run('bash', [script, 'stop', dir], { timeout: 90_000 });
  });
  try {
    const { stdout } = await run('bash', [script, 'start', dir], { timeout: 180_000 });
    return { url: stdout.trim(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
