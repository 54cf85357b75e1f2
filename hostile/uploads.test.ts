import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LEARNER_IMPORT_MAX_BYTES } from '@jalon/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../apps/api/src/platform/db/database';
import { createTeam, PASSWORD } from '../apps/api/test/support/factory';
import { Agent } from '../apps/api/test/support/http';
import { createTestApp, type TestApp } from '../apps/api/test/support/test-app';
import type {} from '../apps/api/test/support/global-setup';

// Oversized and malformed bodies over a real socket (`inject()` would fix the framing itself):
// each gets a clean 4xx carrying one of our codes, the server keeps answering, nothing is stored.

const JSON_LIMIT = 1024 * 1024;

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/** The HTTP responses read on one connection until the server closes it (or `waitMs` passes). */
function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const headers = rest.slice(0, end);
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(headers)?.[1] ?? 0);
    const body = rest.slice(end + 4, end + 4 + length);
    responses.push({ status: Number(headers.slice(9, 12)), headers, body });
    rest = rest.slice(end + 4 + length);
  }
  return responses;
}

/**
 * Sends `head` then each chunk of `body` (with `pauseMs` between chunks), ignoring write errors
 * once the server has answered and closed, and returns what the server sent back.
 */
async function rawExchange(port: number, head: string, body: Buffer[], options: { pauseMs?: number; waitMs?: number } = {}): Promise<RawResponse[]> {
  const socket = net.connect(port, '127.0.0.1');
  const received: Buffer[] = [];
  const closed = new Promise<void>((resolve) => {
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(head);
  for (const chunk of body) {
    if (socket.destroyed || socket.writableEnded || received.length > 0) break;
    socket.write(chunk);
    if (options.pauseMs) await sleep(options.pauseMs);
  }
  await Promise.race([closed, sleep(options.waitMs ?? 5000)]);
  socket.destroy();
  return parseResponses(Buffer.concat(received).toString('latin1'));
}

function chunked(data: Buffer, size: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += size) {
    const piece = data.subarray(offset, offset + size);
    parts.push(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return parts;
}

function codeOf(response: RawResponse | undefined): string | undefined {
  if (!response) return undefined;
  try {
    return (JSON.parse(response.body) as { errors?: { code?: string }[] }).errors?.[0]?.code;
  } catch {
    return undefined;
  }
}

let t: TestApp;
let port: number;
let importPath: string;
let cookies: string;
let csrf: string;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
  const team = await createTeam(t.database.db, { type: 'SCO', isManagingStudents: true, externalId: '0219998Z' });
  organizationId = team.organization.id;
  importPath = `/api/organizations/${organizationId}/learner-imports?fileName=eleves.xml`;
  const admin = new Agent(t.app);
  const signIn = await admin.signIn(team.admin.email, PASSWORD);
  const setCookies = [signIn.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string');
  cookies = setCookies.map((c) => c.split(';')[0]).join('; ');
  csrf = admin.csrf!;
});
afterAll(async () => t?.close());

function headOf(method: string, path: string, headers: Record<string, string | number>): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', `cookie: ${cookies}`, `x-csrf-token: ${csrf}`, 'connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

async function importRows(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from learner_imports where organization_id = ${organizationId}`);
  return Number(row!.n);
}

/** The server still answers, at once, on a fresh connection. */
async function expectAlive() {
  const [health] = await rawExchange(port, 'GET /api/health HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n', []);
  expect(health?.status).toBe(200);
}

describe('oversized and lying uploads over a real connection', () => {
  it('a JSON body one byte over 1 MiB, declared or chunked, is refused with 413 PAYLOAD_TOO_LARGE', async () => {
    const body = Buffer.from(JSON.stringify({ name: 'x'.repeat(JSON_LIMIT - 10) }));
    expect(body.length).toBeGreaterThan(JSON_LIMIT);
    const path = `/api/organizations/${organizationId}/campaigns`;
    const declared = await rawExchange(port, headOf('POST', path, { 'content-type': 'application/json', 'content-length': body.length }), [body]);
    expect(declared.map((r) => [r.status, codeOf(r)])).toEqual([[413, 'PAYLOAD_TOO_LARGE']]);
    const streamed = await rawExchange(port, headOf('POST', path, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }), chunked(body, 64 * 1024));
    expect(streamed.map((r) => [r.status, codeOf(r)])).toEqual([[413, 'PAYLOAD_TOO_LARGE']]);
    await expectAlive();
  });

  it('an import just over 20 MB, declared, chunked or trickled, is refused with 413 IMPORT_FILE_TOO_LARGE and leaves no import', async () => {
    const before = await importRows();
    const file = Buffer.alloc(LEARNER_IMPORT_MAX_BYTES + 1, 0x20);
    const declared = await rawExchange(port, headOf('POST', importPath, { 'content-type': 'application/octet-stream', 'content-length': file.length }), [file]);
    expect(declared.map((r) => [r.status, codeOf(r)])).toEqual([[413, 'IMPORT_FILE_TOO_LARGE']]);
    const streamed = await rawExchange(port, headOf('POST', importPath, { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' }), chunked(file, 256 * 1024));
    expect(streamed.map((r) => [r.status, codeOf(r)])).toEqual([[413, 'IMPORT_FILE_TOO_LARGE']]);

    // A slow sender: the server keeps answering others while it trickles in, then refuses it.
    const slow = rawExchange(port, headOf('POST', importPath, { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' }), chunked(file, 1024 * 1024), {
      pauseMs: 20,
    });
    await expectAlive();
    expect((await slow).map((r) => [r.status, codeOf(r)])).toEqual([[413, 'IMPORT_FILE_TOO_LARGE']]);
    expect(await importRows()).toBe(before);
    await expectAlive();
  });

  it('a declared length far over the limit is refused before the body is read', async () => {
    for (const [path, type, code] of [
      [importPath, 'application/octet-stream', 'IMPORT_FILE_TOO_LARGE'],
      [`/api/organizations/${organizationId}/campaigns`, 'application/json', 'PAYLOAD_TOO_LARGE'],
    ] as const) {
      // Nothing but the headers is ever sent: the answer cannot wait for the 2 GB.
      const responses = await rawExchange(port, headOf('POST', path, { 'content-type': type, 'content-length': 2 ** 31 }), [], { waitMs: 3000 });
      expect(responses.map((r) => [r.status, codeOf(r)]), path).toEqual([[413, code]]);
    }
    await expectAlive();
  });

  it('a content-length shorter than the body: the declared part is judged, the rest is a refused request', async () => {
    const before = await importRows();
    const body = Buffer.from(JSON.stringify({ name: 'Évaluation', type: 'ASSESSMENT' }));
    const responses = await rawExchange(port, headOf('POST', `/api/organizations/${organizationId}/campaigns`, { 'content-type': 'application/json', 'content-length': 10 }), [body]);
    expect(responses.length).toBeGreaterThanOrEqual(1);
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(codeOf(response), response.headers).toBe('INVALID_REQUEST');
    }
    expect(await importRows()).toBe(before);
    await expectAlive();
  });

  it('headers over 16 KB or a malformed request line: our 400, not a bare one', async () => {
    for (const head of [
      `GET /api/health HTTP/1.1\r\nhost: 127.0.0.1\r\nx-filler: ${'a'.repeat(20 * 1024)}\r\n\r\n`,
      'GET /api/health HTTP/1.1 extra\r\nhost: 127.0.0.1\r\n\r\n',
      'POST /api/auth/sign-in HTTP/1.1\r\nhost: 127.0.0.1\r\ntransfer-encoding: chunked\r\ncontent-length: 5\r\n\r\nzz\r\n',
    ]) {
      const responses = await rawExchange(port, head, []);
      expect(responses.map((r) => [r.status, codeOf(r)]), head.slice(0, 60)).toEqual([[400, 'INVALID_REQUEST']]);
    }
    await expectAlive();
  });

  it('a body trickled in forever is cut off: the request timeout Fastify leaves off is on', () => {
    expect(t.app.server.requestTimeout).toBe(300_000);
  });

  it('a content-length longer than the body, then a hang-up, stores nothing', async () => {
    const before = await importRows();
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(headOf('POST', importPath, { 'content-type': 'application/octet-stream', 'content-length': 1000 }));
    socket.write(Buffer.alloc(100, 0x20));
    await sleep(100);
    socket.destroy();
    await sleep(200);
    expect(await importRows()).toBe(before);
    await expectAlive();
  });

  it('multipart bodies with many parts: a clean 4xx with our code, never parsed into memory', async () => {
    const boundary = 'jalon-hostile';
    const parts = Array.from({ length: 20_000 }, (_, i) => `--${boundary}\r\ncontent-disposition: form-data; name="f${i}"; filename="../../${i}.xml"\r\n\r\nx\r\n`).join('');
    const body = Buffer.from(`${parts}--${boundary}--\r\n`);
    for (const path of [importPath, `/api/organizations/${organizationId}/campaigns`]) {
      const responses = await rawExchange(port, headOf('POST', path, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length }), [body]);
      expect(responses).toHaveLength(1);
      expect(responses[0]!.status, path).toBeGreaterThanOrEqual(400);
      expect(responses[0]!.status, path).toBeLessThan(500);
      expect(codeOf(responses[0]), path).toMatch(/^[A-Z_]+$/);
    }
    await expectAlive();
  });
});
