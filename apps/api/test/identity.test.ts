import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/modules/identity';
import { outboxMails } from '../src/platform/mail/schema';
import { createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const validSignUp = { firstName: 'Claire', lastName: 'Dupont', email: 'Claire.Dupont@example.org', password: 'Bonjour-2026', acceptTerms: true };

describe('sign-up', () => {
  it('creates the account, signs it in and stores the e-mail lowercased', async () => {
    const agent = new Agent(t.app);
    const response = await agent.post<{ email: string; termsAcceptedAt: string }>('/api/auth/sign-up', validSignUp);
    expect(response.status).toBe(201);
    expect(response.body.email).toBe('claire.dupont@example.org');
    expect(response.body.termsAcceptedAt).not.toBeNull();
    expect((await agent.get('/api/me')).status).toBe(200);
  });

  it('when fields are missing or invalid, each gets its own code and pointer and nothing is created', async () => {
    const agent = new Agent(t.app);
    const response = await agent.post('/api/auth/sign-up', { firstName: ' ', lastName: '', email: 'nope', password: 'short', acceptTerms: false });
    expect(response.status).toBe(422);
    const errors = (response.body as { errors: { code: string; source: { pointer: string } }[] }).errors;
    expect(errors.map((e) => [e.source.pointer, e.code])).toEqual(
      expect.arrayContaining([
        ['/firstName', 'FIRST_NAME_REQUIRED'],
        ['/lastName', 'LAST_NAME_REQUIRED'],
        ['/email', 'EMAIL_INVALID'],
        ['/password', 'PASSWORD_POLICY_NOT_MET'],
        ['/acceptTerms', 'TERMS_NOT_ACCEPTED'],
      ]),
    );
    expect(await t.database.db.select().from(users).where(eq(users.email, 'nope'))).toHaveLength(0);
  });

  it('when the password is a common one, it is refused with PASSWORD_TOO_WEAK', async () => {
    const response = await new Agent(t.app).post('/api/auth/sign-up', { ...validSignUp, email: 'weak@example.org', password: 'Password123' });
    expect(errorCodes(response)).toEqual(['PASSWORD_TOO_WEAK']);
  });

  it('when the e-mail already has an account, it is refused with EMAIL_ALREADY_USED on /email', async () => {
    await createUser(t.database.db, { email: 'taken@example.org' });
    const response = await new Agent(t.app).post('/api/auth/sign-up', { ...validSignUp, email: 'TAKEN@example.org' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ errors: [{ code: 'EMAIL_ALREADY_USED', source: { pointer: '/email' } }] });
  });
});

describe('sign-in', () => {
  it('accepts an e-mail or a username in the same field', async () => {
    await createUser(t.database.db, { email: null, username: 'ines.moreau0901' });
    const user = await createUser(t.database.db, { email: 'mixed@example.org' });
    expect((await new Agent(t.app).post('/api/auth/sign-in', { login: 'Ines.Moreau0901', password: PASSWORD })).status).toBe(200);
    const response = await new Agent(t.app).post<{ id: string }>('/api/auth/sign-in', { login: ' MIXED@example.org ', password: PASSWORD });
    expect(response.body.id).toBe(user.id);
  });

  it('gives the same answer for an unknown login and a wrong password, without remaining attempts', async () => {
    const user = await createUser(t.database.db);
    const unknown = await new Agent(t.app).post('/api/auth/sign-in', { login: 'ghost@example.org', password: 'whatever' });
    const wrong = await new Agent(t.app).post('/api/auth/sign-in', { login: user.email, password: 'whatever' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(errorCodes(wrong)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('shows the remaining attempts only when 3 or fewer remain, then blocks for 2 minutes at the 10th failure', async () => {
    const user = await createUser(t.database.db);
    const agent = new Agent(t.app);
    const metas: unknown[] = [];
    for (let i = 1; i <= 9; i++) {
      const response = await agent.post<{ errors: { meta?: { remainingAttempts?: number } }[] }>('/api/auth/sign-in', { login: user.email, password: 'Mauvais-1' });
      metas.push(response.body.errors[0]!.meta?.remainingAttempts);
    }
    expect(metas).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 3, 2, 1]);
    const tenth = await agent.post<{ errors: { code: string; meta: { unblockAt: string } }[] }>('/api/auth/sign-in', { login: user.email, password: 'Mauvais-1' });
    expect(tenth.body.errors[0]!.code).toBe('ACCOUNT_TEMPORARILY_BLOCKED');
    const unblockAt = new Date(tenth.body.errors[0]!.meta.unblockAt).getTime();
    expect(unblockAt - t.clock.now().getTime()).toBeGreaterThan(110_000);
    expect(unblockAt - t.clock.now().getTime()).toBeLessThanOrEqual(120_000);

    const whileBlocked = await agent.post('/api/auth/sign-in', { login: user.email, password: PASSWORD });
    expect(errorCodes(whileBlocked)).toEqual(['ACCOUNT_TEMPORARILY_BLOCKED']);

    t.clock.offsetMs += 121_000;
    try {
      expect((await agent.post('/api/auth/sign-in', { login: user.email, password: PASSWORD })).status).toBe(200);
      const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
      expect(row!.failedSignInCount).toBe(0);
    } finally {
      t.clock.offsetMs -= 121_000;
    }
  });

  it('after 50 consecutive failures the account stays blocked until someone unblocks it', async () => {
    const user = await createUser(t.database.db, { failedSignInCount: 49 });
    const response = await new Agent(t.app).post('/api/auth/sign-in', { login: user.email, password: 'Mauvais-1' });
    expect(errorCodes(response)).toEqual(['ACCOUNT_BLOCKED']);
    expect(errorCodes(await new Agent(t.app).post('/api/auth/sign-in', { login: user.email, password: PASSWORD }))).toEqual(['ACCOUNT_BLOCKED']);
  });

  it('records the last sign-in date', async () => {
    const user = await createUser(t.database.db);
    await new Agent(t.app).signIn(user.email, PASSWORD);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lastSignedInAt).not.toBeNull();
  });
});

describe('sessions', () => {
  it('without a session, /api/me answers 401 UNAUTHENTICATED', async () => {
    const response = await new Agent(t.app).get('/api/me');
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const user = await createUser(t.database.db);
    const response = await new Agent(t.app).signIn(user.email, PASSWORD);
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith('jalon_session='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('jalon_session='))).toMatch(/SameSite=Lax/i);
    expect(cookies.find((c) => c.startsWith('jalon_csrf='))).not.toMatch(/HttpOnly/i);
  });

  it('refuses a signed-in write without the CSRF header, and a cross-site one, with CSRF_TOKEN_INVALID', async () => {
    const user = await createUser(t.database.db);
    const agent = new Agent(t.app);
    await agent.signIn(user.email, PASSWORD);
    const noHeader = await agent.request('POST', '/api/me/terms', { scope: 'orga' }, { 'x-csrf-token': 'forged' });
    expect(noHeader.status).toBe(403);
    expect(errorCodes(noHeader)).toEqual(['CSRF_TOKEN_INVALID']);
    const crossSite = await new Agent(t.app).request('POST', '/api/auth/sign-in', { login: user.email, password: PASSWORD }, { 'sec-fetch-site': 'cross-site' });
    expect(errorCodes(crossSite)).toEqual(['CSRF_TOKEN_INVALID']);
  });

  it('sign-out revokes the session server-side', async () => {
    const user = await createUser(t.database.db);
    const agent = new Agent(t.app);
    await agent.signIn(user.email, PASSWORD);
    const stolen = new Agent(t.app);
    const cookie = `jalon_session=${(agent as unknown as { cookies: Map<string, string> }).cookies.get('jalon_session')}`;
    expect((await agent.post('/api/auth/sign-out')).status).toBe(204);
    expect((await stolen.request('GET', '/api/me', undefined, { cookie })).status).toBe(401);
  });

  it('a session idle for more than 12 hours has expired', async () => {
    const user = await createUser(t.database.db);
    const agent = new Agent(t.app);
    await agent.signIn(user.email, PASSWORD);
    t.clock.offsetMs += 12 * 3600_000 + 1000;
    try {
      expect((await agent.get('/api/me')).status).toBe(401);
    } finally {
      t.clock.offsetMs -= 12 * 3600_000 + 1000;
    }
  });
});

describe('password change', () => {
  it('needs the current password, then revokes every other session', async () => {
    const user = await createUser(t.database.db);
    const first = new Agent(t.app);
    const second = new Agent(t.app);
    await first.signIn(user.email, PASSWORD);
    await second.signIn(user.email, PASSWORD);
    const wrong = await first.post('/api/me/password', { currentPassword: 'Mauvais-1', newPassword: 'Nouveau-2026' });
    expect(errorCodes(wrong)).toEqual(['CURRENT_PASSWORD_INVALID']);
    expect((await first.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Nouveau-2026' })).status).toBe(204);
    expect((await first.get('/api/me')).status).toBe(200);
    expect((await second.get('/api/me')).status).toBe(401);
    expect((await new Agent(t.app).post('/api/auth/sign-in', { login: user.email, password: 'Nouveau-2026' })).status).toBe(200);
  });

  it('with a temporary password, every route but the change itself answers PASSWORD_CHANGE_REQUIRED until it is changed', async () => {
    const user = await createUser(t.database.db, { mustChangePassword: true });
    const agent = new Agent(t.app);
    await agent.signIn(user.email, PASSWORD);
    expect((await agent.get<{ mustChangePassword: boolean }>('/api/me')).body.mustChangePassword).toBe(true);
    expect(errorCodes(await agent.post('/api/me/terms', { scope: 'orga' }))).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    expect((await agent.post('/api/me/password', { newPassword: 'Nouveau-2026' })).status).toBe(204);
    expect((await agent.post('/api/me/terms', { scope: 'orga' })).status).toBe(200);
  });
});

describe('forgotten password', () => {
  async function requestLink(email: string): Promise<string> {
    expect((await new Agent(t.app).post('/api/auth/password-reset-requests', { email })).status).toBe(202);
    const [mail] = await t.database.db.select().from(outboxMails).where(eq(outboxMails.to, email)).orderBy(outboxMails.createdAt);
    const token = /token=([\w-]+)/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    return token!;
  }

  it('mails a single-use link that sets a new password and revokes sessions', async () => {
    const user = await createUser(t.database.db, { email: 'forgot@example.org' });
    const old = new Agent(t.app);
    await old.signIn(user.email, PASSWORD);
    const token = await requestLink(user.email);
    expect((await new Agent(t.app).get(`/api/auth/password-resets/${token}`)).status).toBe(200);
    expect((await new Agent(t.app).post('/api/auth/password-resets', { token, newPassword: 'Retrouve-2026' })).status).toBe(204);
    expect((await old.get('/api/me')).status).toBe(401);
    expect((await new Agent(t.app).post('/api/auth/sign-in', { login: user.email, password: 'Retrouve-2026' })).status).toBe(200);
    const again = await new Agent(t.app).post('/api/auth/password-resets', { token, newPassword: 'Encore-2026' });
    expect(errorCodes(again)).toEqual(['PASSWORD_RESET_TOKEN_INVALID']);
  });

  it('after 24 hours the link has expired', async () => {
    const user = await createUser(t.database.db, { email: 'late@example.org' });
    const token = await requestLink(user.email);
    t.clock.offsetMs += 24 * 3600_000 + 1000;
    try {
      const response = await new Agent(t.app).post('/api/auth/password-resets', { token, newPassword: 'Retrouve-2026' });
      expect(response.status).toBe(410);
      expect(errorCodes(response)).toEqual(['PASSWORD_RESET_TOKEN_EXPIRED']);
    } finally {
      t.clock.offsetMs -= 24 * 3600_000 + 1000;
    }
  });

  it('answers 202 for an unknown address and sends nothing', async () => {
    expect((await new Agent(t.app).post('/api/auth/password-reset-requests', { email: 'nobody@example.org' })).status).toBe(202);
    expect(await t.database.db.select().from(outboxMails).where(eq(outboxMails.to, 'nobody@example.org'))).toHaveLength(0);
  });

  it('a fourth request within the hour for one address is rate limited', async () => {
    const email = 'spam@example.org';
    for (let i = 0; i < 3; i++) await new Agent(t.app).post('/api/auth/password-reset-requests', { email });
    const response = await new Agent(t.app).post('/api/auth/password-reset-requests', { email });
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBeDefined();
  });
});
