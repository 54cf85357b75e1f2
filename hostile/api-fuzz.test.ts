import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '@jalon/contracts';
import { createTeam, PASSWORD } from '../apps/api/test/support/factory';
import { Agent, type Response } from '../apps/api/test/support/http';
import { createTestApp, type TestApp } from '../apps/api/test/support/test-app';
// Brings the template databases' `inject()` keys into this (root) TypeScript project.
import type {} from '../apps/api/test/support/global-setup';

// Every API route receives hostile input — wrong types, 100 KB strings, lone surrogates,
// bidi marks, NUL, emoji, missing and extra fields, absurd numbers, malformed ids — from a
// signed-in organization ADMIN and from an anonymous caller. Whatever it receives, the API
// must refuse cleanly: never a 5xx, and every 4xx names a documented error code.

const RUNS_PER_ROUTE = 20;

const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '\u202Eevil\u202C',
    '\u200F\u200E\u2066',
    '\uFEFF',
    '👩‍👩‍👧‍👦🇫🇷',
    'é'.normalize('NFD'),
    "'; drop table users; --",
    '../../etc/passwd',
    '%00',
    '{{7*7}}',
    '<script>alert(1)</script>',
    'null',
    'NaN',
    '-1',
    '1e309',
  ),
  fc.constant('A'.repeat(100 * 1024)),
  fc.constant('😀'.repeat(25 * 1024)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53 + 1, 1e308, -1e308, 0.5),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileScalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const hostileValue = fc.oneof(
  { depthSize: 'small' },
  hostileScalar,
  fc.array(hostileScalar, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileScalar, { maxKeys: 3 }),
);

/** Field names the routes read, so the fuzzer reaches past "required field missing". */
const FIELDS = [
  'name', 'email', 'emails', 'login', 'password', 'newPassword', 'currentPassword', 'firstName', 'lastName',
  'birthdate', 'role', 'type', 'code', 'title', 'customLandingText', 'targetProfileId', 'campaignId',
  'organizationLearnerId', 'learnerIds', 'ids', 'features', 'division', 'divisions', 'group', 'studentNumber',
  'answer', 'value', 'page', 'pageSize', 'search', 'status', 'ownerId', 'externalId', 'token', 'username',
  'uai', 'locale', 'message', 'subject', 'sessionId', 'date', 'startsAt', 'endsAt', 'capacity', 'address',
  'room', 'examiner', 'candidateIds', 'isArchived', 'multipleSendings', 'idPixLabel', 'challengeId', 'format',
];
const hostileBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 8 }),
  fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 4 }),
  fc.array(hostileValue, { maxLength: 3 }),
  hostileScalar,
);

const hostileQuery = fc.dictionary(
  fc.constantFrom('page', 'pageSize', 'search', 'sort', 'status', 'division', 'filter', 'q', 'cursor', 'limit', 'offset', 'format'),
  fc.oneof(hostileString, hostileNumber.map(String)),
  { maxKeys: 3 },
);

const badId = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    '00000000-0000-4000-8000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '0',
    '-1',
    '99999999999999999999999',
    '%00',
    '%E2%80%AE',
    '%F0%9F%98%80',
    'A'.repeat(2000),
  ),
  fc.uuid(),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
);

interface Case {
  params: Record<string, string | null>;
  query: Record<string, string>;
  body: unknown;
  rawJson: string | null;
}

const caseArbitrary = (paramNames: string[]) =>
  fc.record({
    // null keeps the real id of the ADMIN's organization, so the handler itself is reached.
    params: fc.record(Object.fromEntries(paramNames.map((name) => [name, fc.option(badId, { nil: null })]))),
    query: hostileQuery,
    body: hostileBody,
    // Some writes get a body that is not JSON at all, or is truncated JSON.
    rawJson: fc.option(fc.constantFrom('{', '{"a":', '[1,2', 'nul', '"\\ud800"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'), {
      freq: 4,
      nil: null,
    }),
  }) as fc.Arbitrary<Case>;

function describeResponse(route: string, input: Case, response: Response): string {
  const sample = JSON.stringify(input, (_, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v));
  return `${route} with ${sample} answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
}

function assertClean(route: string, input: Case, response: Response) {
  const context = describeResponse(route, input, response);
  expect(response.status, context).toBeLessThan(500);
  if (response.status >= 400) {
    const code =
      typeof response.body === 'string'
        ? // Browser navigations (SSO) get an HTML page naming the code for the support desk.
          /Code à donner au support : ([A-Z_]+)/.exec(response.body)?.[1]
        : (response.body as { errors?: { code?: unknown }[] } | undefined)?.errors?.[0]?.code;
    expect(typeof code === 'string' && code in ERROR_STATUS, context).toBe(true);
  }
}

function regression(paramNames: string[], id: string): Case {
  return { params: Object.fromEntries(paramNames.map((name) => [name, id])), query: { search: '\u0000' }, body: { name: 'a\u0000b' }, rawJson: null };
}

let requests = 0;
let t: TestApp;
let team: Awaited<ReturnType<typeof createTeam>>;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
  team = await createTeam(t.database.db);
});
afterAll(async () => t?.close());

async function fuzzRoutes(caller: () => Promise<Agent>) {
  const routes = t.routes;
  expect(routes.length).toBeGreaterThan(50);
  for (const route of routes) {
    const name = `${route.method} ${route.url}`;
    const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    // A fresh caller per route: a fuzzed sign-out or account change must not blind the next route.
    const agent = await caller();
    await fc.assert(
      fc.asyncProperty(caseArbitrary(paramNames), async (input) => {
        const known: Record<string, string> = { organizationId: team.organization.id, membershipId: team.memberMembership.id };
        const path = route.url.replace(/:(\w+)/g, (_, param: string) => input.params[param] ?? known[param] ?? '00000000-0000-4000-8000-000000000000');
        const search = new URLSearchParams(input.query).toString();
        const url = search ? `${path}?${search}` : path;
        const isRead = route.method === 'GET' || route.method === 'DELETE';
        const response =
          !isRead && input.rawJson !== null
            ? await agent.request(route.method, url, input.rawJson, { 'content-type': 'application/json' })
            : await agent.request(route.method, url, isRead ? undefined : input.body);
        requests++;
        assertClean(name, input, response);
      }),
      {
        numRuns: RUNS_PER_ROUTE,
        endOnFailure: true,
        // Always tried, whatever the seed: the two 5xx/uncoded answers this fuzzer first found
        // (a NUL byte reaching PostgreSQL, a path parameter over Fastify's 100 characters).
        examples: [[regression(paramNames, '%00')], [regression(paramNames, 'A'.repeat(2000))]],
      },
    );
  }
}

describe('hostile input on every API route', () => {
  it('a signed-in organization ADMIN never gets a 5xx nor an uncoded error', async () => {
    await fuzzRoutes(async () => {
      const agent = new Agent(t.app);
      await agent.signIn(team.admin.email, PASSWORD);
      return agent;
    });
  });

  it('an anonymous caller never gets a 5xx nor an uncoded error', async () => {
    await fuzzRoutes(async () => new Agent(t.app));
    // Both callers, every route, every run: proof that the fuzzer did not silently skip.
    expect(requests).toBeGreaterThanOrEqual(2 * t.routes.length * RUNS_PER_ROUTE);
  });
});
