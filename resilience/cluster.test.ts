/**
 * Several API processes (`JALON_PROCESSES=2`, Node's cluster module) on one PostgreSQL: the
 * connections are shared between two workers, a worker killed with SIGKILL is replaced while
 * requests keep being answered, and each worker runs its own live events listener and its own
 * job queue worker. The embedded database refuses more than one process.
 *
 * Which worker answered is read from the server's own JSON log lines (each carries its `pid`
 * and the request id we send in `x-request-id`), and the workers are the primary's children
 * in `/proc`: nothing new is exposed over HTTP.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, onTestFailed, vi } from 'vitest';
import { generatePupils, siecleXml } from '../apps/api/test/support/siecle';
import { startApi, type ApiServer } from '../bench/support/api-server';
import { startPostgres, type PostgresCluster } from '../bench/support/postgres';

/** What the server wrote, line by line: the JSON lines parsed, the rest kept for a failure's report. */
class ServerOutput extends Writable {
  readonly entries: { pid: number; reqId?: string; msg?: string }[] = [];
  private readonly lines: string[] = [];
  private partial = '';

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    const text = this.partial + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      this.lines.push(line);
      try {
        this.entries.push(JSON.parse(line) as { pid: number; reqId?: string; msg?: string });
      } catch {
        // Not a log line (a stack trace, the refusal message): kept for the tail only.
      }
    }
    if (this.lines.length > 300) this.lines.splice(0, this.lines.length - 300);
    done();
  }

  tail(): string {
    return [...this.lines, this.partial].join('\n');
  }

  /** The pid that logged `msg` for the request `reqId`, once it has. */
  pidOf(reqId: string, msg = 'request completed'): number | undefined {
    return this.entries.find((entry) => entry.reqId === reqId && entry.msg === msg)?.pid;
  }
}

interface RawReply {
  status: number;
  body: string;
  setCookies: string[];
  /** The id the server logged the request under (we choose it). */
  reqId: string;
}

/**
 * One request on a connection of its own (no keep-alive), so that the cluster hands it to the
 * next worker in turn, as it would a new browser connection.
 */
function request(baseUrl: string, method: 'GET' | 'POST', route: string, options: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<RawReply> {
  const reqId = randomUUID();
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${route}`, { method, agent: false, headers: { 'x-request-id': reqId, ...options.headers }, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const setCookie = res.headers['set-cookie'] ?? [];
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookies: setCookie, reqId });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${route}: no answer within 15 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A signed-in user as raw headers: the session and CSRF cookies, and the CSRF header for writes. */
async function signIn(baseUrl: string, login: string): Promise<{ read: Record<string, string>; write: Record<string, string> }> {
  const reply = await request(baseUrl, 'POST', '/api/auth/sign-in', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'Jalon-demo-2026' }),
  });
  expect(reply.status).toBe(200);
  const pairs = reply.setCookies.map((cookie) => cookie.split(';')[0]!);
  const csrf = pairs.find((pair) => pair.startsWith('jalon_csrf='))?.slice('jalon_csrf='.length) ?? '';
  const read = { cookie: pairs.join('; ') };
  return { read, write: { ...read, 'x-csrf-token': csrf } };
}

/** The primary's children, from `/proc` (field 4 of `stat` is the parent pid). */
function workerPids(primaryPid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces; the fields after its closing parenthesis do not.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === primaryPid) children.push(Number(entry));
    } catch {
      // The process ended while we listed them.
    }
  }
  return children.sort();
}

/** Waits until the primary has exactly `count` children and returns them. */
async function waitForWorkers(primaryPid: number, count: number, unlike: number[] = []): Promise<number[]> {
  let pids: number[] = [];
  await vi.waitFor(
    () => {
      pids = workerPids(primaryPid);
      expect(pids).toHaveLength(count);
      for (const pid of unlike) expect(pids).not.toContain(pid);
    },
    { timeout: 60_000, interval: 100 },
  );
  return pids;
}

/** Waits until each of these workers has logged that it listens: the first one to listen makes /api/health answer. */
async function waitForListening(output: ServerOutput, pids: number[]): Promise<void> {
  await vi.waitFor(() => expect(pids.every((pid) => output.entries.some((entry) => entry.pid === pid && entry.msg?.startsWith('Jalon ready')))).toBe(true), {
    timeout: 60_000,
    interval: 100,
  });
}

/** The worker that answered each reply, from the log lines (written just after the response). */
async function answeredBy(output: ServerOutput, replies: RawReply[], msg?: string): Promise<number[]> {
  let pids: (number | undefined)[] = [];
  await vi.waitFor(
    () => {
      pids = replies.map((reply) => output.pidOf(reply.reqId, msg));
      expect(pids.every((pid) => pid !== undefined)).toBe(true);
    },
    { timeout: 10_000, interval: 50 },
  );
  return pids as number[];
}

const baseEnv = { NODE_ENV: 'production', LOG_LEVEL: 'info', JALON_DEMO: 'on', JALON_REMINDERS: 'off', JALON_PROCESSES: '2' };
let postgres: PostgresCluster;
let api: ApiServer;
const output = new ServerOutput();

beforeAll(async () => {
  postgres = await startPostgres();
  api = await startApi({ env: { ...baseEnv, DATABASE_URL: postgres.url }, output });
});

afterAll(async () => {
  await api?.stop();
  await postgres?.stop();
});

describe('JALON_PROCESSES=2 on PostgreSQL', () => {
  it('hands new connections to two worker processes in turn', async () => {
    onTestFailed(() => console.error(`API output:\n${output.tail()}`));
    const workers = await waitForWorkers(api.pid, 2);
    await waitForListening(output, workers);
    const replies: RawReply[] = [];
    for (let i = 0; i < 6; i++) replies.push(await request(api.url, 'GET', '/api/health'));
    expect(replies.map((reply) => reply.status)).toEqual(Array(6).fill(200));
    const pids = await answeredBy(output, replies);
    expect(new Set(pids)).toEqual(new Set(workers));
    // The primary only prepared the database and hands connections over: it answers nothing itself.
    expect(pids).not.toContain(api.pid);
  });

  it('replaces a worker killed with SIGKILL while requests keep being answered', async () => {
    onTestFailed(() => console.error(`API output:\n${output.tail()}`));
    const [victim, survivor] = await waitForWorkers(api.pid, 2);
    process.kill(victim!, 'SIGKILL');
    // Node's round-robin hands a connection to a worker and waits for its reply: one handed to
    // the victim in the few milliseconds before the primary learns of its death is lost, like a
    // request in flight in a crashed single process. From then on nothing may be lost.
    const ended = `worker ${victim} ended (SIGKILL); a new one starts`;
    await vi.waitFor(() => expect(output.entries.some((entry) => entry.pid === api.pid && entry.msg?.startsWith(ended))).toBe(true), { timeout: 10_000, interval: 10 });
    // Until the replacement listens, every new connection goes to the survivor.
    const during: RawReply[] = [];
    const replacementReady = () =>
      output.entries.some((entry) => entry.pid !== survivor && entry.pid !== victim && entry.pid !== api.pid && entry.msg?.startsWith('Jalon ready'));
    do {
      during.push(await request(api.url, 'GET', '/api/health'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (!replacementReady() && during.length < 1_200);
    expect(replacementReady()).toBe(true);
    expect(during.every((reply) => reply.status === 200)).toBe(true);
    const workers = workerPids(api.pid);
    expect(workers).toHaveLength(2);
    expect(workers).not.toContain(victim);
    const replacement = workers.find((pid) => pid !== survivor)!;

    // Once the replacement listens, it takes its share of the connections.
    await waitForListening(output, [replacement]);
    const after: RawReply[] = [];
    for (let i = 0; i < 6; i++) after.push(await request(api.url, 'GET', '/api/health'));
    expect(after.every((reply) => reply.status === 200)).toBe(true);
    expect(new Set(await answeredBy(output, after))).toEqual(new Set([survivor, replacement]));
  });

  it('streams live campaign events from every worker, whichever wrote them; a page reconnecting to the other worker is told to refetch', async () => {
    onTestFailed(() => console.error(`API output:\n${output.tail()}`));
    const workers = await waitForWorkers(api.pid, 2);
    const teacher = await signIn(api.url, 'dominique.roux@example.org');
    const me = JSON.parse((await request(api.url, 'GET', '/api/me', { headers: teacher.read })).body) as { memberships: { organization: { id: string; name: string } }[] };
    const organizationId = me.memberships.find((m) => m.organization.name === 'Association Clic Solidaire')!.organization.id;
    const created = await request(api.url, 'POST', `/api/organizations/${organizationId}/campaigns`, {
      headers: { ...teacher.write, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ASSESSMENT', name: 'En direct sur deux processus', targetProfileId: 'tp-rentree' }),
    });
    expect(created.status).toBe(201);
    const campaignId = (JSON.parse(created.body) as { id: string }).id;

    /** Opens the campaign's live stream on a new connection; resolves with the worker that took it. */
    const openLive = async (headers: Record<string, string> = {}) => {
      const reqId = randomUUID();
      const stream = { status: 0, text: '', close: () => {} };
      const req = http.get(`${api.url}/api/campaigns/${campaignId}/live`, { agent: false, headers: { ...teacher.read, ...headers, 'x-request-id': reqId } }, (res) => {
        stream.status = res.statusCode ?? 0;
        res.on('data', (chunk: Buffer) => {
          stream.text += chunk.toString('utf8');
        });
        res.on('error', () => {});
      });
      req.on('error', () => {});
      stream.close = () => req.destroy();
      let pid: number | undefined;
      await vi.waitFor(() => expect((pid = output.pidOf(reqId, 'incoming request'))).toBeDefined(), { timeout: 10_000, interval: 50 });
      return { pid: pid!, stream };
    };
    // One « Activité » page open on each worker: new connections until both have one.
    const streams = new Map<number, { status: number; text: string; close(): void }>();
    for (let attempt = 0; attempt < 10 && streams.size < 2; attempt++) {
      const { pid, stream } = await openLive();
      if (streams.has(pid)) stream.close();
      else streams.set(pid, stream);
    }
    try {
      expect(new Set(streams.keys())).toEqual(new Set(workers));
      await vi.waitFor(() => expect([...streams.values()].map((stream) => stream.status)).toEqual([200, 200]), { timeout: 10_000, interval: 50 });
      // A learner joins through whichever worker takes the connection; both pages hear of it.
      const learner = { email: `direct.${Date.now()}@example.org`, password: 'Direct-2026-x' };
      const signedUp = await request(api.url, 'POST', '/api/auth/sign-up', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: 'Élève', lastName: 'Direct', email: learner.email, password: learner.password, acceptTerms: true }),
      });
      expect(signedUp.status).toBe(201);
      const pairs = signedUp.setCookies.map((cookie) => cookie.split(';')[0]!);
      const csrf = pairs.find((pair) => pair.startsWith('jalon_csrf='))!.slice('jalon_csrf='.length);
      const joined = await request(api.url, 'POST', `/api/campaigns/${campaignId}/participations`, {
        headers: { cookie: pairs.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(joined.status).toBe(201);
      // Joined through one worker; the other hears of it only through the database's NOTIFY.
      const participationId = (JSON.parse(joined.body) as { participation: { id: string } }).participation.id;
      await vi.waitFor(
        () => {
          for (const stream of streams.values()) expect(stream.text).toContain(participationId);
        },
        { timeout: 10_000, interval: 50 },
      );

      // Each worker numbered the join itself, under its own tag. A page that reconnects with its
      // last id gets, from the worker that gave it, exactly what it missed (nothing: only the
      // position frame), and from the other worker one resync that makes it refetch everything.
      const [first, second] = workers as [number, number];
      const joinedFrame = new RegExp(`^id: (\\S+)\ndata: \\{"type":"participation\\.started","participationId":"${participationId}"\\}$`, 'm');
      const lastEventId = joinedFrame.exec(streams.get(first)!.text)![1]!;
      expect(lastEventId.split('-')[0]).not.toBe(joinedFrame.exec(streams.get(second)!.text)![1]!.split('-')[0]);
      const reconnected = new Map<number, { status: number; text: string; close(): void }>();
      for (let attempt = 0; attempt < 10 && reconnected.size < 2; attempt++) {
        const { pid, stream } = await openLive({ 'last-event-id': lastEventId });
        if (reconnected.has(pid)) stream.close();
        else reconnected.set(pid, stream);
      }
      try {
        expect(new Set(reconnected.keys())).toEqual(new Set(workers));
        await vi.waitFor(
          () => {
            expect(reconnected.get(second)!.text).toMatch(/^id: \S+\ndata: \{"type":"resync"\}$/m);
            expect(reconnected.get(first)!.text).toMatch(/^retry: \d+\nid: \S+\n\n$/);
          },
          { timeout: 10_000, interval: 50 },
        );
      } finally {
        for (const stream of reconnected.values()) stream.close();
      }
    } finally {
      for (const stream of streams.values()) stream.close();
    }
  });

  it('runs background jobs on each worker (a roster import per worker)', async () => {
    onTestFailed(() => console.error(`API output:\n${output.tail()}`));
    const workers = await waitForWorkers(api.pid, 2);
    const admin = await signIn(api.url, 'alice.martin@example.org');
    const me = JSON.parse((await request(api.url, 'GET', '/api/me', { headers: admin.read })).body) as { memberships: { organization: { id: string; name: string } }[] };
    const organizationId = me.memberships.find((m) => m.organization.name === 'Collège Victor-Hugo')!.organization.id;
    const importsRoute = `/api/organizations/${organizationId}/learner-imports`;
    // The worker that takes an upload queues the job and wakes its own queue worker at once;
    // uploads go on until each worker has run one.
    const ranOn = () => new Set(output.entries.filter((entry) => entry.msg === 'learner import done').map((entry) => entry.pid));
    for (let attempt = 0; attempt < 8 && ranOn().size < 2; attempt++) {
      const uploaded = await request(api.url, 'POST', `${importsRoute}?fileName=eleves.xml`, {
        headers: { ...admin.write, 'content-type': 'application/octet-stream' },
        body: siecleXml({ uai: '0219999E', pupils: generatePupils(3, 1) }),
      });
      expect(uploaded.status).toBe(202);
      await vi.waitFor(
        async () => {
          const latest = JSON.parse((await request(api.url, 'GET', `${importsRoute}/latest`, { headers: admin.read })).body) as { import: { status: string } | null };
          expect(latest.import?.status).toBe('IMPORTED');
        },
        { timeout: 30_000, interval: 200 },
      );
    }
    expect(ranOn()).toEqual(new Set(workers));
  });
});

describe('JALON_PROCESSES=2 with workers that cannot start', () => {
  it('replaces them after a pause that doubles each time, and SIGTERM still stops the primary at once', async () => {
    // The port is taken: every worker fails to listen a few seconds after its fork.
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const broken = new ServerOutput();
    onTestFailed(() => console.error(`API output:\n${broken.tail()}`));
    // The bundle startApi built for this file's other tests (beforeAll), started by hand: startApi would wait for a health check.
    const primary = spawn(process.execPath, ['apps/api/dist/main.mjs'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, ...baseEnv, DATABASE_URL: postgres.url, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout.pipe(broken, { end: false });
    primary.stderr.pipe(broken, { end: false });
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    try {
      const pauses = () =>
        broken.entries
          .filter((entry) => entry.pid === primary.pid)
          .map((entry) => /a new one starts in (\d+) s$/.exec(entry.msg ?? '')?.[1])
          .filter((seconds) => seconds !== undefined)
          .map(Number);
      await vi.waitFor(() => expect(pauses().length).toBeGreaterThanOrEqual(3), { timeout: 90_000, interval: 200 });
      expect(pauses().slice(0, 3)).toEqual([1, 2, 4]);
      const starting = workerPids(primary.pid!);
      primary.kill('SIGTERM');
      expect(await exited).toBe(0);
      // No worker outlives it, not even one that was still starting.
      for (const pid of starting) expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      if (primary.exitCode === null) process.kill(primary.pid!, 'SIGKILL');
      for (const pid of workerPids(primary.pid!)) process.kill(pid, 'SIGKILL');
      blocker.close();
    }
  });
});

describe('JALON_PROCESSES=2 on the embedded database', () => {
  it('refuses to start, with a French message naming DATABASE_URL', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-resilience-cluster-'));
    const refusal = new ServerOutput();
    try {
      await expect(startApi({ env: { ...baseEnv, DATABASE_URL: '', JALON_DATA_DIR: dataDir }, output: refusal })).rejects.toThrow(/ended \(exit code 1\)/);
      expect(refusal.tail()).toContain("JALON_PROCESSES=2 demande PostgreSQL (DATABASE_URL) : la base embarquée n'accepte qu'un seul processus.");
      // Refused before anything was opened: the folder holds no database.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
