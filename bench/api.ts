/**
 * `npm run bench:api [-- --json] [--duration S] [--connections N] [--warmup S]`
 *
 * Starts the real API twice, on PGlite (a temporary data folder) and on PostgreSQL (a
 * throwaway cluster), each with the demo seed, signs in as Alice and measures with
 * autocannon the public `GET /api/health` and the authenticated `GET /api/me`.
 * Prints a table, or with --json exactly one JSON object on stdout; progress and the
 * servers' own logs go to stderr. Exits 1 when any request failed or was not 2xx,
 * since a rate measured on errors says nothing about the API.
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startApi } from './support/api-server';
import { exitAfter, onCleanup, runCleanups } from './support/cleanup';
import { startPostgres } from './support/postgres';

const DEMO_LOGIN = 'alice.martin@example.org';
const DEMO_PASSWORD = 'Jalon-demo-2026';
const ENGINES = ['pglite', 'postgres'] as const;
type Engine = (typeof ENGINES)[number];
const ENDPOINTS = [
  { key: 'health', path: '/api/health', authenticated: false },
  { key: 'me', path: '/api/me', authenticated: true },
] as const;
type EndpointKey = (typeof ENDPOINTS)[number]['key'];
type EngineResults = Record<EndpointKey, autocannon.Result>;

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
  },
});
const duration = positiveInteger('duration', args.duration);
const warmup = positiveInteger('warmup', args.warmup);
const connections = positiveInteger('connections', args.connections);

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive integer, got ${text}`);
    process.exit(2);
  }
  return value;
}

function progress(message: string) {
  console.error(`[bench:api] ${message}`);
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: DEMO_LOGIN, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${DEMO_LOGIN} answered ${response.status}: ${await response.text()}`);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('jalon_session='));
  if (!session) throw new Error('sign-in set no jalon_session cookie');
  // Checked once here, so that the measured run cannot be a fast stream of 401s.
  const me = await fetch(`${url}/api/me`, { headers: { cookie: session } });
  const body = await me.text();
  if (!me.ok || !body.includes(DEMO_LOGIN)) throw new Error(`GET /api/me with the session answered ${me.status}: ${body}`);
  return session;
}

async function measureEngine(engine: Engine): Promise<EngineResults> {
  // An empty DATABASE_URL means PGlite to the API, whatever the caller's environment holds.
  const env: Record<string, string> = { NODE_ENV: 'production', LOG_LEVEL: 'warn', JALON_DEMO: 'on', DATABASE_URL: '' };
  const undo: (() => Promise<void>)[] = [];
  try {
    if (engine === 'postgres') {
      progress('starting a throwaway PostgreSQL cluster');
      const cluster = await startPostgres();
      undo.push(cluster.stop);
      env.DATABASE_URL = cluster.url;
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-bench-pglite-'));
      undo.push(onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true })));
      env.JALON_DATA_DIR = dataDir;
    }
    progress(`starting the API on ${engine} (migrations and demo seed)`);
    const started = Date.now();
    const server = await startApi({ env });
    undo.push(server.stop);
    progress(`API ready on ${server.url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const session = await signIn(server.url);

    const results: Partial<EngineResults> = {};
    for (const endpoint of ENDPOINTS) {
      progress(`${engine} ${endpoint.path}: ${warmup} s warm-up, then ${duration} s with ${connections} connections`);
      results[endpoint.key] = await autocannon({
        url: `${server.url}${endpoint.path}`,
        connections,
        duration,
        warmup: { connections, duration: warmup },
        headers: endpoint.authenticated ? { cookie: session } : {},
      });
    }
    // autocannon drops its connections with requests still queued in the server; let
    // those finish so that the shutdown below does not race them.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return results as EngineResults;
  } finally {
    for (const step of undo.reverse()) await step();
  }
}

function printTable(results: Record<Engine, EngineResults>) {
  const header = ['engine', 'endpoint', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'requests', 'errors', 'non-2xx'];
  const rows = ENGINES.flatMap((engine) =>
    ENDPOINTS.map(({ key, path: route }) => {
      const r = results[engine][key];
      return [
        engine,
        `GET ${route}`,
        r.requests.average.toFixed(0),
        String(r.latency.p50),
        String(r.latency.p97_5),
        String(r.latency.p99),
        String(r.requests.total),
        String(r.errors),
        String(r.non2xx),
      ];
    }),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  // Text columns to the left, figures to the right.
  const line = (cells: string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`Jalon API bench: ${duration} s per endpoint after ${warmup} s of warm-up, ${connections} connections, loopback`);
  console.log(`${os.cpus().length} CPU(s), Node ${process.version}; autocannon runs on the same machine as the server`);
  console.log('');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main() {
  // Two server starts (PGlite's first one runs initdb) and four measured runs, with room to spare.
  exitAfter((2 * 180 + 4 * (warmup + duration + 15)) * 1000, 'bench:api');
  const results = {} as Record<Engine, EngineResults>;
  for (const engine of ENGINES) results[engine] = await measureEngine(engine);

  if (args.json) {
    const summary = Object.fromEntries(
      ENGINES.map((engine) => [engine, { healthRps: results[engine].health.requests.average, meRps: results[engine].me.requests.average }]),
    );
    console.log(JSON.stringify(summary));
  } else {
    printTable(results);
  }

  const failed = ENGINES.flatMap((engine) =>
    ENDPOINTS.filter(({ key }) => results[engine][key].errors > 0 || results[engine][key].non2xx > 0).map(({ path: route }) => `${engine} ${route}`),
  );
  if (failed.length > 0) {
    console.error(`[bench:api] errors or non-2xx answers on: ${failed.join(', ')}; these figures are not valid`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error('[bench:api] failed:', error);
    process.exitCode = 1;
  })
  .finally(runCleanups);
