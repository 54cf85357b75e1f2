/**
 * Connection faults: the PostgreSQL server stops under a running API (`pg_ctl stop -m fast`)
 * and comes back on the same port. Meanwhile requests must get a prompt 503
 * SERVICE_UNAVAILABLE with Retry-After, never a 500 or a hang, and the same API process
 * must answer normally again once the server is back, without a restart.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { generatePupils, siecleXml } from '../apps/api/test/support/siecle';
import { startApi, type ApiServer } from '../bench/support/api-server';
import { Client, serverLog, type Reply } from './client';

const run = promisify(execFile);

const script = path.resolve(import.meta.dirname, '../.ci/postgres.sh');
const pgCtl = fs
  .readdirSync('/usr/lib/postgresql')
  .map((version) => `/usr/lib/postgresql/${version}/bin/pg_ctl`)
  .filter((file) => fs.existsSync(file))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  .at(-1)!;

/** PostgreSQL refuses to run as root: root drives it as the `postgres` OS user, as .ci/postgres.sh does. */
async function asOwner(command: string, args: string[]) {
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: '/' });
  else await run(command, args, { cwd: '/' });
}

let dir: string;
let databaseUrl: string;
let api: ApiServer;
const log = serverLog();

function stopPostgres() {
  return asOwner(pgCtl, ['stop', `--pgdata=${dir}/data`, '--mode=fast', '--wait', '--timeout=30']);
}

function startPostgresAgain() {
  const port = new URL(databaseUrl).port;
  // The same options .ci/postgres.sh started it with, on the same port, so the API's URL holds.
  const options = `-c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=200 -c fsync=off -c port=${port}`;
  return asOwner(pgCtl, ['start', `--pgdata=${dir}/data`, '--wait', '--timeout=60', `--log=${dir}/postgres.log`, `--options=${options}`]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function expectUnavailable(reply: Reply) {
  expect(reply.status).toBe(503);
  expect(reply.code).toBe('SERVICE_UNAVAILABLE');
  expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
}

function expectSuccessOrUnavailable(reply: Reply, success: number) {
  if (reply.status !== success) expectUnavailable(reply);
}

beforeAll(async () => {
  dir = fs.mkdtempSync('/tmp/jalon-resilience-pg-');
  databaseUrl = execFileSync('bash', [script, 'start', dir, '--no-fsync'], { encoding: 'utf8' }).trim();
  api = await startApi({ env: { NODE_ENV: 'production', LOG_LEVEL: 'error', JALON_DEMO: 'on', DATABASE_URL: databaseUrl }, output: log.stream });
});

afterAll(async () => {
  await api?.stop();
  if (dir) execFileSync('bash', [script, 'stop', dir]);
});

describe('PostgreSQL out of reach for a few seconds', () => {
  it('answers 503 with Retry-After while it is down, then serves the same process normally again', async () => {
    onTestFailed(() => console.error(`API output:\n${log.tail()}`));
    const teacher = new Client(api.url);
    await teacher.ok('POST', '/api/auth/sign-in', { login: 'alice.martin@example.org', password: 'Jalon-demo-2026' });
    const me = await teacher.ok<{ memberships: { organization: { id: string; name: string } }[] }>('GET', '/api/me');
    const organizationId = me.memberships.find((m) => m.organization.name === 'Collège Victor-Hugo')!.organization.id;
    const campaignsRoute = `/api/organizations/${organizationId}/campaigns`;
    expect((await teacher.send('GET', campaignsRoute)).status).toBe(200);

    // Requests in flight when the server goes away end as a success or a clean 503.
    const reads = Array.from({ length: 16 }, () => teacher.send('GET', campaignsRoute));
    const writes = Array.from({ length: 4 }, (_, i) =>
      teacher.send('POST', campaignsRoute, { type: 'ASSESSMENT', name: `Au moment de la panne ${i + 1}`, targetProfileId: 'tp-rentree' }),
    );
    await stopPostgres();
    for (const reply of await Promise.all(reads)) expectSuccessOrUnavailable(reply, 200);
    for (const reply of await Promise.all(writes)) expectSuccessOrUnavailable(reply, 201);
    try {
      // For three seconds, reads, a write and a sign-in (which hashes before it reads): each
      // bounded by the client's 15 s timeout, so a hang fails the test rather than stalling it.
      const anonymous = new Client(api.url);
      const downUntil = Date.now() + 3_000;
      let replies = 0;
      while (Date.now() < downUntil) {
        for (const reply of [
          // A load balancer's health check sees the outage too, and takes the process out of rotation.
          await anonymous.send('GET', '/api/health'),
          await teacher.send('GET', '/api/me'),
          await teacher.send('GET', campaignsRoute),
          await teacher.send('POST', campaignsRoute, { type: 'ASSESSMENT', name: 'Pendant la panne', targetProfileId: 'tp-rentree' }),
          await anonymous.send('POST', '/api/auth/sign-in', { login: 'bruno.petit@example.org', password: 'Jalon-demo-2026' }),
        ]) {
          expectUnavailable(reply);
          replies++;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(replies).toBeGreaterThanOrEqual(8);
    } finally {
      await startPostgresAgain();
    }

    // The pool reconnects on its own: the first requests after the restart may still meet a
    // dead connection (503), never anything else, and within seconds every answer is normal.
    const deadline = Date.now() + 30_000;
    let reply = await teacher.send('GET', '/api/me');
    while (reply.status !== 200 && Date.now() < deadline) {
      expectUnavailable(reply);
      await new Promise((resolve) => setTimeout(resolve, 250));
      reply = await teacher.send('GET', '/api/me');
    }
    expect(reply.status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await teacher.send('GET', campaignsRoute)).status).toBe(200);
    const created = await teacher.send<{ id: string }>('POST', campaignsRoute, { type: 'ASSESSMENT', name: 'Après la panne', targetProfileId: 'tp-rentree' });
    expect(created.status).toBe(201);

    // Background jobs recovered too: a roster import, run by a pg-boss worker of this process, goes through.
    const importsRoute = `/api/organizations/${organizationId}/learner-imports`;
    const uploaded = await teacher.send('POST', `${importsRoute}?fileName=eleves.xml`, siecleXml({ uai: '0219999E', pupils: generatePupils(3, 1) }));
    expect(uploaded.status).toBe(202);
    const jobDeadline = Date.now() + 30_000;
    let status = 'UPLOADED';
    while (['UPLOADED', 'VALIDATED'].includes(status) && Date.now() < jobDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await teacher.ok<{ import: { status: string } | null }>('GET', `${importsRoute}/latest`)).import?.status ?? 'UPLOADED';
    }
    expect(status).toBe('IMPORTED');
    expect(alive(api.pid)).toBe(true);
  });
});
