import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { onCleanup } from './cleanup';
import { freePort } from './net';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface ApiServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  /** The server process, e.g. to read its memory from `/proc`. */
  pid: number;
  /** Stops the whole process group: SIGTERM for a graceful shutdown, then SIGKILL. */
  stop(): Promise<void>;
}

export interface StartApiOptions {
  /** Variables added to the server's environment (DATABASE_URL, JALON_DATA_DIR, …). */
  env: Record<string, string>;
  /** How long the server may take to answer /api/health; PGlite's first start runs initdb. */
  readyTimeoutMs?: number;
  /** Where the server's own output goes; stderr by default, so stdout stays the caller's. */
  output?: NodeJS.WritableStream;
}

let bundled = false;

/** Builds the production bundle once per process, from the sources as they are now. */
function productionBundle(): string {
  if (!bundled) {
    execFileSync(process.execPath, ['apps/api/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    bundled = true;
  }
  return 'apps/api/dist/main.mjs';
}

/**
 * Starts the API as `npm start` runs it (the production bundle, built here from the current
 * sources, with plain Node) in a process group of its own, on a free loopback port, and
 * resolves once /api/health answers 200. Going through npm would leave the real server
 * running when npm is killed.
 */
export async function startApi(options: StartApiOptions): Promise<ApiServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output = options.output ?? process.stderr;
  const child = spawn(process.execPath, [productionBundle()], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), JALON_PUBLIC_URL: url, ...options.env },
  });
  child.stdout.pipe(output, { end: false });
  child.stderr.pipe(output, { end: false });

  // Resolves with how the server ended; a failure to spawn counts as an end too.
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`));
    child.once('error', (error) => resolve(error.message));
  });
  let ended: string | undefined;
  void exited.then((how) => {
    ended = how;
  });

  const pid = child.pid;
  const signalGroup = (signal: NodeJS.Signals) => {
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const stop = onCleanup(async () => {
    if (ended === undefined) {
      signalGroup('SIGTERM');
      // main gives itself 20 s to shut down; past that, force it.
      const killer = setTimeout(() => signalGroup('SIGKILL'), 25_000);
      await exited;
      clearTimeout(killer);
    }
    // The server is gone, but anything it started in its group may not be.
    signalGroup('SIGKILL');
  });

  try {
    await waitForHealth(url, options.readyTimeoutMs ?? 120_000, () => ended);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: pid!, stop };
}

async function waitForHealth(url: string, timeoutMs: number, ended: () => string | undefined) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const how = ended();
    if (how !== undefined) throw new Error(`the API ended (${how}) before it was ready`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API did not answer ${url}/api/health within ${Math.round(timeoutMs / 1000)} s`);
}
