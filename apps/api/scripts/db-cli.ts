import path from 'node:path';
import { BackupRefusedError } from '../src/platform/db/backup';
import { ConfigError, readConfig, type Config } from '../src/platform/config';

/** Exit codes shared by `db:backup` and `db:restore`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3 } as const;

export interface DbCommand {
  file: string;
  force: boolean;
  target: { databaseUrl: string | undefined; dataDir: string };
}

/**
 * Reads `<file> [--force]` and the same environment as the server (DATABASE_URL or
 * JALON_DATA_DIR). npm runs scripts from the repository root, so a relative file name is
 * taken from the folder the operator typed the command in (INIT_CWD).
 */
export function parseCommand(usage: string, allowForce: boolean): DbCommand {
  const args = process.argv.slice(2);
  const force = allowForce && args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0]!.startsWith('-') || (!allowForce && args.includes('--force'))) {
    console.error(usage);
    process.exit(EXIT.usage);
  }
  let config: Config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    // A wrong setting is the administrator's to fix: its sentence, not a stack.
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(EXIT.usage);
  }
  return { file: path.resolve(process.env.INIT_CWD ?? process.cwd(), files[0]!), force, target: { databaseUrl: config.databaseUrl, dataDir: config.dataDir } };
}

export function describeTarget(target: DbCommand['target']): string {
  if (!target.databaseUrl) return `base embarquée / embedded database ${target.dataDir}`;
  const url = new URL(target.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

export function progress(message: string): void {
  console.error(`  ${message}`);
}

export async function run(work: () => Promise<void>, done: string): Promise<never> {
  const started = Date.now();
  try {
    await work();
    console.error(`${done} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    process.exit(EXIT.ok);
  } catch (error) {
    console.error(`Échec / failed: ${(error as Error).message}`);
    process.exit(error instanceof BackupRefusedError ? EXIT.refused : EXIT.failed);
  }
}
