import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { acquireDataDirLock } from './lockfile';

/**
 * Backups of either engine, for `npm run db:backup` / `db:restore`.
 *
 * - Embedded PGlite: the data folder as PGlite's own gzipped tarball (`dumpDataDir`), restored
 *   with `loadDataDir` into an empty folder. A running server holds the folder's lock, and a
 *   copy taken under it could be torn, so both directions take the lock first.
 * - PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore`. The dump is a consistent
 *   snapshot, so the server may stay up while it runs.
 */

/** A refusal the operator can fix (server running, target not empty): exit code 3, not a crash. */
export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

export type Progress = (message: string) => void;

export interface BackupTarget {
  databaseUrl?: string | undefined;
  dataDir: string;
}

export async function backupDatabase(target: BackupTarget, file: string, progress: Progress = () => {}): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Written beside the target then renamed, so an interrupted backup never leaves a truncated file under the requested name.
  const partial = `${file}.partial`;
  try {
    if (target.databaseUrl) await runPgTool('pg_dump', ['--format=custom', '--verbose', `--file=${partial}`], target.databaseUrl, progress);
    else await backupPglite(target.dataDir, partial, progress);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export async function restoreDatabase(target: BackupTarget, file: string, options: { force?: boolean } = {}, progress: Progress = () => {}): Promise<void> {
  if (!fs.existsSync(file)) throw new BackupRefusedError(`Fichier de sauvegarde introuvable : ${file}. (Backup file not found.)`);
  if (target.databaseUrl) await restorePostgres(target.databaseUrl, file, options.force ?? false, progress);
  else await restorePglite(target.dataDir, file, progress);
}

function pgliteFolder(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

function takeLock(dataDir: string): () => void {
  try {
    return acquireDataDirLock(dataDir);
  } catch (error) {
    if (error instanceof Error && error.name === 'DataDirLockedError') {
      throw new BackupRefusedError(`${error.message} Arrêtez le serveur Jalon avant de sauvegarder ou de restaurer. (Stop the Jalon server first.)`);
    }
    throw error;
  }
}

async function backupPglite(dataDir: string, file: string, progress: Progress): Promise<void> {
  if (!fs.existsSync(path.join(pgliteFolder(dataDir), 'PG_VERSION'))) {
    throw new BackupRefusedError(`Aucune base embarquée dans ${dataDir}. (No embedded database in this folder.)`);
  }
  const release = takeLock(dataDir);
  try {
    progress('Ouverture de la base embarquée… (opening the embedded database)');
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create(pgliteFolder(dataDir));
    try {
      progress('Archivage du dossier de données… (archiving the data folder)');
      const tarball = await pglite.dumpDataDir('gzip');
      fs.writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

async function restorePglite(dataDir: string, file: string, progress: Progress): Promise<void> {
  const folder = pgliteFolder(dataDir);
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0) {
    throw new BackupRefusedError(
      `Le dossier ${folder} contient déjà une base : la restauration se fait dans un dossier de données vide (JALON_DATA_DIR). ` +
        `(The embedded database folder is not empty: restore into an empty data folder.)`,
    );
  }
  const release = takeLock(dataDir);
  try {
    progress('Restauration de la base embarquée… (restoring the embedded database)');
    const { PGlite } = await import('@electric-sql/pglite');
    const loadDataDir = new Blob([fs.readFileSync(file)]);
    let pglite: Awaited<ReturnType<typeof PGlite.create>> | undefined;
    try {
      pglite = await PGlite.create(folder, { loadDataDir });
      // Reading a table proves the tarball was a Jalon database and not some other archive.
      await pglite.query('select count(*) from users');
    } catch (error) {
      await pglite?.close().catch(() => {});
      fs.rmSync(folder, { recursive: true, force: true });
      throw new BackupRefusedError(`Ce fichier n'est pas une sauvegarde Jalon lisible (${(error as Error).message}). (Not a readable Jalon backup.)`);
    }
    await pglite.close();
  } finally {
    release();
  }
}

async function restorePostgres(databaseUrl: string, file: string, force: boolean, progress: Progress): Promise<void> {
  // Reading the archive's table of contents first: a wrong or truncated file is refused before --force empties anything.
  try {
    await runPgTool('pg_restore', ['--list', file], null, () => {});
  } catch (error) {
    throw new BackupRefusedError(`Ce fichier n'est pas une sauvegarde pg_dump lisible (${(error as Error).message}). (Not a readable pg_dump archive.)`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `select count(*) as count from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    const tables = Number(rows[0]!.count);
    if (tables > 0 && !force) {
      throw new BackupRefusedError(
        `La base cible contient déjà ${tables} table(s) : restaurez dans une base vide, ou ajoutez --force pour remplacer son contenu. ` +
          `(The target database is not empty; use --force to replace its content.)`,
      );
    }
    if (tables === 0) {
      await runPgTool('pg_restore', ['--verbose', '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', file], databaseUrl, progress);
      return;
    }
    // pg_restore --clean cannot drop pg-boss's partitioned tables, so --force empties the database
    // itself (every schema dropped, then a bare public schema as a new database has) in the same
    // transaction as the restore: a failed restore leaves the old content in place.
    const schemas = await client.query<{ name: string }>(`select nspname as name from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'`);
    const wipe = schemas.rows.map(({ name }) => `drop schema ${client.escapeIdentifier(name)} cascade;\n`).join('') + 'create schema public;\n';
    progress('Remplacement du contenu actuel (--force)… (replacing the current content)');
    await replacePostgres(databaseUrl, file, wipe, progress);
  } finally {
    await client.end();
  }
}

/** `pg_restore` as SQL piped into one `psql --single-transaction` that starts with `wipe`. */
async function replacePostgres(databaseUrl: string, file: string, wipe: string, progress: Progress): Promise<void> {
  const restore = spawnPgTool('pg_restore', ['--verbose', '--no-owner', '--no-privileges', '--exit-on-error', '--file=-', file], null, progress, 'stdout');
  const psql = spawnPgTool('psql', ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', '--file=-'], databaseUrl, progress, 'stdin');
  // When psql stops early its own exit status says why; the broken pipe is only a consequence.
  psql.child.stdin!.on('error', () => {});
  let psqlError: Error | null = null;
  const psqlExited = psql.done.catch((error: Error) => {
    psqlError = error;
    restore.child.kill();
  });
  psql.child.stdin!.write(wipe);
  // Not ended by the pipe: psql commits at the end of its input, so it gets that end only once pg_restore succeeded.
  restore.child.stdout!.pipe(psql.child.stdin!, { end: false });
  try {
    await restore.done;
  } catch (error) {
    const cause = psqlError ?? error;
    psql.child.kill();
    await psqlExited;
    throw cause;
  }
  psql.child.stdin!.end();
  await psqlExited;
  if (psqlError) throw psqlError;
}

type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

/** The newest client tool Debian installed (the one matching the newest server), else the PATH's. */
function pgTool(name: PgTool): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', name)))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  return versions[0] ? path.join(root, versions[0], 'bin', name) : name;
}

/**
 * Runs pg_dump/pg_restore, turning each `--verbose` line naming a table into a progress line.
 * The password goes through PGPASSWORD: a command line is readable by every local user (`ps`).
 */
function runPgTool(name: PgTool, args: string[], databaseUrl: string | null, progress: Progress): Promise<void> {
  return spawnPgTool(name, args, databaseUrl, progress).done;
}

function spawnPgTool(name: PgTool, args: string[], databaseUrl: string | null, progress: Progress, piped?: 'stdin' | 'stdout') {
  const url = databaseUrl ? new URL(databaseUrl) : null;
  const password = url ? decodeURIComponent(url.password) : '';
  if (url) url.password = '';
  const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
  const child = spawn(pgTool(name), url ? [...args, `--dbname=${url.toString()}`] : args, {
    stdio: [piped === 'stdin' ? 'pipe' : 'ignore', piped === 'stdout' ? 'pipe' : 'ignore', 'pipe'],
    env,
  });
  const done = new Promise<void>((resolve, reject) => {
    const errors: string[] = [];
    let buffered = '';
    let steps = 0;
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (/error|erreur|fatal/i.test(line)) errors.push(line);
        else if (/dumping contents of table|processing data for table|creating TABLE/i.test(line)) progress(`[${++steps}] ${line.replace(/^\S+: /, '')}`);
      }
    });
    child.on('error', (error) =>
      reject(new Error(`${name} est introuvable : installez le client PostgreSQL (apt-get install postgresql-client). (${error.message})`)),
    );
    child.on('close', (code) => {
      if (buffered && /error|erreur|fatal/i.test(buffered)) errors.push(buffered);
      if (code === 0) resolve();
      else reject(new Error(`${name} a échoué (code ${code}) : ${errors.join(' / ') || 'voir ci-dessus'}. (${name} failed.)`));
    });
  });
  return { child, done };
}
