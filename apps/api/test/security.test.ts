import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq, like, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/modules/identity';
import { createRateLimiter } from '../src/platform/rate-limit';
import { rateLimitCounters } from '../src/platform/rate-limit.schema';
import { createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

// Account and HTTP security proofs of issue 9 (SECURITY.md lists what each one covers).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

function sessionCookieOf(response: { headers: Record<string, unknown> }): string | undefined {
  const cookies = [response.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string');
  return cookies.map((c) => /^jalon_session=([^;]*)/.exec(c)?.[1]).find((value) => value !== undefined && value !== '');
}

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

describe('brute force', () => {
  it('blocks an account for 2 minutes at its 10th failure, even with the right password, then lets it in', async () => {
    const user = await createUser(t.database.db);
    const attacker = new Agent(t.app);
    for (let i = 1; i < 10; i++) expect(errorCodes(await attacker.post('/api/auth/sign-in', { login: user.email, password: `Essai-${i}a` }))).toEqual(['INVALID_CREDENTIALS']);
    const tenth = await attacker.post('/api/auth/sign-in', { login: user.email, password: 'Essai-10a' });
    expect(tenth.status).toBe(403);
    expect(errorCodes(tenth)).toEqual(['ACCOUNT_TEMPORARILY_BLOCKED']);
    expect(errorCodes(await new Agent(t.app).post('/api/auth/sign-in', { login: user.email, password: PASSWORD }))).toEqual(['ACCOUNT_TEMPORARILY_BLOCKED']);
    t.clock.offsetMs += 121_000;
    try {
      expect((await new Agent(t.app).post('/api/auth/sign-in', { login: user.email, password: PASSWORD })).status).toBe(200);
    } finally {
      t.clock.offsetMs -= 121_000;
    }
  });

  it('answers 429 with Retry-After to an address past 100 failed sign-ins in a minute, and not to another address', async () => {
    // Pinned to the start of a minute window so the 101 attempts share one window.
    const now = t.clock.now().getTime();
    const offset = 60_000 - (now % 60_000) + 1_000;
    t.clock.offsetMs += offset;
    try {
      const signIn = (remoteAddress: string, login: string, password: string) =>
        t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, payload: { login, password } });
      for (let i = 0; i < 100; i++) {
        const response = await signIn('203.0.113.7', `inconnu-${i}@example.org`, 'Mauvais-1a');
        expect(response.statusCode).toBe(401);
      }
      const user = await createUser(t.database.db);
      const throttled = await signIn('203.0.113.7', user.email, PASSWORD);
      expect(throttled.statusCode).toBe(429);
      expect(throttled.json().errors[0].code).toBe('RATE_LIMITED');
      const retryAfter = Number(throttled.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // A school's other address, and a successful sign-in, are untouched.
      expect((await signIn('198.51.100.9', user.email, PASSWORD)).statusCode).toBe(200);
    } finally {
      t.clock.offsetMs -= offset;
    }
  });
});

describe('brute force, a class behind one address', () => {
  // Each test has its own address: they run within the same minute window.
  let school = '';
  const DAY = 86_400_000;
  const signIn = (login: string, password: string, remoteAddress = school) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, payload: { login, password } });
  /** A pupil signing in with a username, as the collège's accounts do. */
  async function pupil() {
    const login = `eleve.${randomUUID().slice(0, 8)}`;
    const { id } = await createUser(t.database.db, { email: null, username: login });
    return { id, login };
  }
  /** The address past its 100 failures of this minute (the test above gets there by 100 real failures). */
  async function throttleSchool() {
    const windowStart = new Date(Math.floor(t.clock.now().getTime() / 60_000) * 60_000);
    await t.database.db
      .insert(rateLimitCounters)
      .values({ key: `sign-in-failures:${school}`, windowStart, count: 100 })
      .onConflictDoUpdate({ target: [rateLimitCounters.key, rateLimitCounters.windowStart], set: { count: 100 } });
  }
  /** Runs `body` with the clock moved about `ms` on, one second into a minute so one window holds it all. */
  async function at(ms: number, body: () => Promise<void>) {
    const target = t.clock.now().getTime() + ms;
    const offset = ms + 60_000 - (target % 60_000) + 1_000;
    t.clock.offsetMs += offset;
    try {
      await body();
    } finally {
      t.clock.offsetMs -= offset;
    }
  }
  const failures = async (userId: string) =>
    (await t.database.db.select({ count: users.failedSignInCount }).from(users).where(eq(users.id, userId)))[0]!.count;

  it('a throttled address still lets in a pupil who signed in from it yesterday, and her own lockout still counts', async () => {
    school = '192.0.2.44';
    const lea = await pupil();
    const tom = await pupil();
    const newcomer = await pupil();
    await at(-DAY, async () => {
      expect((await signIn(lea.login, PASSWORD)).statusCode).toBe(200);
      // Tom signed in yesterday too, but from home.
      expect((await signIn(tom.login, PASSWORD, '198.51.100.20')).statusCode).toBe(200);
    });

    await at(0, async () => {
      await throttleSchool();
      expect((await signIn(lea.login, PASSWORD)).statusCode).toBe(200);

      // An account never seen from here and a login nobody has get today's 429, alike.
      const refusals = [
        await signIn(tom.login, PASSWORD),
        await signIn(newcomer.login, PASSWORD),
        await signIn('eleve.inconnu', PASSWORD),
        await signIn('inconnu@example.org', PASSWORD),
      ];
      expect(refusals[0]!.json().errors[0].code).toBe('RATE_LIMITED');
      for (const refusal of refusals) {
        expect(refusal.statusCode).toBe(429);
        expect(refusal.json()).toEqual(refusals[0]!.json());
        expect(refusal.headers['retry-after']).toBe(refusals[0]!.headers['retry-after']);
      }

      // Her typos answer 401 and count towards her own lockout, which still comes at the 10th.
      for (let i = 1; i < 10; i++) {
        const typo = await signIn(lea.login, `Essai-${i}a`);
        expect(typo.statusCode).toBe(401);
        expect(typo.json().errors[0].code).toBe('INVALID_CREDENTIALS');
        expect(await failures(lea.id)).toBe(i);
      }
      const tenth = await signIn(lea.login, 'Essai-10a');
      expect(tenth.statusCode).toBe(403);
      expect(tenth.json().errors[0].code).toBe('ACCOUNT_TEMPORARILY_BLOCKED');
      expect((await signIn(lea.login, PASSWORD)).json().errors[0].code).toBe('ACCOUNT_TEMPORARILY_BLOCKED');
    });
  });

  it('forgets the address 30 days after the last sign-in from it, and purging keeps it until then', async () => {
    school = '192.0.2.45';
    const lea = await pupil();
    const limiter = createRateLimiter(t.database.db, t.clock);
    await at(0, async () => {
      expect((await signIn(lea.login, PASSWORD)).statusCode).toBe(200);
    });
    await at(29 * DAY, async () => {
      await limiter.purge();
      await throttleSchool();
      // A wrong password (which renews nothing) gets past the throttle to her own answer.
      expect((await signIn(lea.login, 'Mauvais-1a')).statusCode).toBe(401);
    });
    await at(30 * DAY + 60_000, async () => {
      await throttleSchool();
      expect((await signIn(lea.login, PASSWORD)).statusCode).toBe(429);
      await limiter.purge();
      const stale = await t.database.db
        .select()
        .from(rateLimitCounters)
        .where(and(like(rateLimitCounters.key, 'remembered:%'), lt(rateLimitCounters.windowStart, new Date(t.clock.now().getTime() - 30 * DAY))));
      expect(stale).toEqual([]);
    });
  });
});

describe('session fixation', () => {
  it('a session cookie planted before sign-in is replaced by a new one, and stays worthless', async () => {
    const user = await createUser(t.database.db);
    const planted = 'jalon_session=attacker-chosen-value-0123456789abcdef';
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { cookie: planted }, payload: { login: user.email, password: PASSWORD } });
    expect(signIn.statusCode).toBe(200);
    const issued = sessionCookieOf(signIn);
    expect(issued).toBeDefined();
    expect(`jalon_session=${issued}`).not.toBe(planted);
    expect((await me(`jalon_session=${issued}`)).statusCode).toBe(200);
    expect((await me(planted)).statusCode).toBe(401);
  });

  it('every sign-in gets a new session id', async () => {
    const user = await createUser(t.database.db);
    const ids = new Set<string | undefined>();
    for (let i = 0; i < 3; i++) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: user.email, password: PASSWORD } });
      ids.add(sessionCookieOf(response));
    }
    expect(ids.size).toBe(3);
    expect(ids.has(undefined)).toBe(false);
  });

  it('the cookie is unusable after sign-out', async () => {
    const user = await createUser(t.database.db);
    const agent = new Agent(t.app);
    const cookie = `jalon_session=${sessionCookieOf(await agent.signIn(user.email, PASSWORD))}`;
    expect((await agent.post('/api/auth/sign-out')).status).toBe(204);
    const replayed = await me(cookie);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().errors[0].code).toBe('UNAUTHENTICATED');
  });

  it('a password change revokes every session, its own old cookie included, and issues a fresh one', async () => {
    const user = await createUser(t.database.db);
    const agent = new Agent(t.app);
    const before = `jalon_session=${sessionCookieOf(await agent.signIn(user.email, PASSWORD))}`;
    const elsewhere = `jalon_session=${sessionCookieOf(await new Agent(t.app).signIn(user.email, PASSWORD))}`;
    const changed = await agent.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Nouveau-Secret-2026' });
    expect(changed.status).toBe(204);
    const after = `jalon_session=${sessionCookieOf(changed)}`;
    expect(after).not.toBe(before);
    expect((await me(before)).statusCode).toBe(401);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await me(after)).statusCode).toBe(200);
  });
});

describe('malformed cookies and CSRF tokens', () => {
  it('get a clean 401 UNAUTHENTICATED, never a 500', async () => {
    const cookies = [
      'jalon_session=',
      'jalon_session=%',
      'jalon_session=%E0%A4%A',
      'jalon_session="unterminated',
      `jalon_session=${'A'.repeat(8000)}`,
      'jalon_session=\u00e9\u00e8',
      'jalon_session=a; jalon_session=b',
      '=;;;==;jalon_session',
      'jalon_session=x\u0000y',
    ];
    for (const cookie of cookies) {
      const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect({ cookie: cookie.slice(0, 40), status: response.statusCode, code: response.json().errors?.[0]?.code }).toEqual({
        cookie: cookie.slice(0, 40),
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('a signed-in write with a wrong, empty, oversized or repeated CSRF header gets a clean 403 CSRF_TOKEN_INVALID', async () => {
    const user = await createUser(t.database.db);
    const agent = new Agent(t.app);
    const cookie = `jalon_session=${sessionCookieOf(await agent.signIn(user.email, PASSWORD))}`;
    const csrf = agent.csrf!;
    const headers: Record<string, string | string[]>[] = [
      { 'x-csrf-token': '' },
      { 'x-csrf-token': 'pas-le-bon' },
      { 'x-csrf-token': 'Z'.repeat(8000) },
      { 'x-csrf-token': [csrf, csrf] },
      { 'x-csrf-token': `${csrf} ` },
      {},
    ];
    for (const extra of headers) {
      const response = await t.app.inject({ method: 'POST', url: '/api/me/terms', headers: { cookie, ...extra }, payload: { scope: 'orga' } });
      expect(response.statusCode).toBe(403);
      expect(response.json().errors[0].code).toBe('CSRF_TOKEN_INVALID');
    }
    const good = await t.app.inject({ method: 'POST', url: '/api/me/terms', headers: { cookie, 'x-csrf-token': csrf }, payload: { scope: 'orga' } });
    expect(good.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  function expectHardened(headers: Record<string, unknown>) {
    const csp = String(headers['content-security-policy']);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('script-src-attr')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  }

  it('API and web responses carry a script CSP without unsafe-inline, no framing, nosniff and no referrer; no HSTS over plain HTTP', async () => {
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
    const withWeb = await createTestApp({ startJobs: false, configOverrides: { webDist } });
    try {
      for (const url of ['/api/health', '/api/me', '/', '/organisations/campagnes']) {
        const response = await withWeb.app.inject({ method: 'GET', url });
        expect(response.statusCode).not.toBe(500);
        expectHardened(response.headers);
        expect(response.headers['strict-transport-security']).toBeUndefined();
      }
    } finally {
      await withWeb.close();
      fs.rmSync(webDist, { recursive: true, force: true });
    }
  });

  it('sends HSTS, and upgrades insecure requests, only when the public URL is https', async () => {
    const behindTls = await createTestApp({ startJobs: false, configOverrides: { publicUrl: 'https://jalon.example.org' } });
    try {
      const response = await behindTls.app.inject({ method: 'GET', url: '/api/health' });
      expectHardened(response.headers);
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await behindTls.close();
    }
    expect(String((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });

  it('an HTML content embed may be framed by our own pages only, and runs sandboxed', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/content/assets/embeds/robot-labyrinthe.html' });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toMatch(/^sandbox allow-scripts;/);
    expect(response.headers['x-frame-options']).toBeUndefined();
  });

  it('the web page has no inline script, so the CSP needs no unsafe-inline for scripts', () => {
    // The built index.html comes from this one through Vite, which adds only external scripts.
    const html = fs.readFileSync(path.resolve(__dirname, '../../web/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
