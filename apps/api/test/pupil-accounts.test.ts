import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PupilAccount, PupilAccountWithPassword } from '@jalon/contracts';
import { authenticationMethods, users } from '../src/modules/identity/schema';
import { learnerAuditEvents } from '../src/modules/learners/schema';
import { organizationLearners } from '../src/modules/organizations';
import { createLearner } from './support/campaign-factory';
import { addMember, createOrganization, createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const TEMPORARY_PASSWORD = /^[A-HJKMNP-Z][a-hjkmnp-z]{5}[0-9]{2}$/;

async function school() {
  const team = await createTeam(t.database.db, { type: 'SCO', isManagingStudents: true, name: 'Collège Jean-Moulin' });
  const member = new Agent(t.app);
  await member.signIn(team.member.email, PASSWORD);
  return { ...team, agent: member, base: `/api/organizations/${team.organization.id}/learners` };
}

async function userRow(id: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
  return row!;
}

async function learnerRow(id: string) {
  const [row] = await t.database.db.select().from(organizationLearners).where(eq(organizationLearners.id, id));
  return row!;
}

async function auditOf(learnerId: string) {
  return t.database.db.select().from(learnerAuditEvents).where(eq(learnerAuditEvents.organizationLearnerId, learnerId));
}

async function mediacentreOnlyUser(firstName: string, lastName: string) {
  const user = await createUser(t.database.db, { firstName, lastName, email: null, passwordHash: null });
  await t.database.db.insert(authenticationMethods).values({ userId: user.id, provider: 'MEDIACENTRE', externalIdentifier: `gar-${user.id}`, firstName, lastName });
  return user;
}

/** Parses the credentials file as a spreadsheet would: BOM, `;`, double-quoted fields, `\n` line ends. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(1, -1)
    .split('\n')
    .map((line) => {
      const fields: string[] = [];
      let i = 0;
      while (i <= line.length) {
        if (line[i] === '"') {
          let value = '';
          i++;
          while (i < line.length) {
            if (line[i] === '"' && line[i + 1] === '"') {
              value += '"';
              i += 2;
            } else if (line[i] === '"') {
              i++;
              break;
            } else value += line[i++];
          }
          fields.push(value);
          i++;
        } else {
          const end = line.indexOf(';', i);
          fields.push(line.slice(i, end === -1 ? line.length : end));
          i = end === -1 ? line.length + 1 : end + 1;
        }
      }
      return fields;
    });
}

describe('« Gérer le compte »', () => {
  it('creates the account of a pupil who never signed in; the pupil signs in with it and must choose a password first', async () => {
    const s = await school();
    const pupil = await createLearner(t.database.db, s.organization.id, { firstName: 'Inès', lastName: 'Moreau', birthdate: '2013-01-09', division: '3B' });

    const before = await s.agent.get<PupilAccount>(`${s.base}/${pupil.id}/account`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ hasAccount: false, email: null, username: null, hasMediacentre: false, hasNeverSignedIn: true, isManageable: true });

    const created = await s.agent.post<PupilAccountWithPassword>(`${s.base}/${pupil.id}/account`);
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const password = created.body.temporaryPassword!;
    expect(password).toMatch(TEMPORARY_PASSWORD);
    expect(created.body.account).toMatchObject({ hasAccount: true, username: 'ines.moreau0901', email: null, mustChangePassword: true, hasNeverSignedIn: true });

    const account = await userRow((await learnerRow(pupil.id)).userId!);
    expect(account).toMatchObject({ firstName: 'Inès', lastName: 'Moreau', email: null, username: 'ines.moreau0901', mustChangePassword: true });
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await auditOf(pupil.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ organizationId: s.organization.id, actorUserId: s.member.id, targetUserId: account.id, action: 'ACCOUNT_CREATED' });
    expect(JSON.stringify(audit)).not.toContain(password);

    const ines = new Agent(t.app);
    await ines.signIn('Ines.Moreau0901', password);
    expect((await ines.get<{ mustChangePassword: boolean }>('/api/me')).body.mustChangePassword).toBe(true);
    expect(errorCodes(await ines.get('/api/me/reminders'))).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    expect((await ines.post('/api/me/password', { newPassword: 'Mon-Code-2026' })).status).toBe(204);
    await new Agent(t.app).signIn('ines.moreau0901', 'Mon-Code-2026');
    expect((await s.agent.get<PupilAccount>(`${s.base}/${pupil.id}/account`)).body).toMatchObject({ hasNeverSignedIn: false, mustChangePassword: false });

    expect(errorCodes(await s.agent.post(`${s.base}/${pupil.id}/account`))).toEqual(['LEARNER_ALREADY_HAS_ACCOUNT']);
  });

  it('gives a namesake born the same day a username with other digits', async () => {
    const s = await school();
    await createUser(t.database.db, { email: null, username: 'lea.petit2303' });
    const lea = await createLearner(t.database.db, s.organization.id, { firstName: 'Léa', lastName: 'Petit', birthdate: '2012-03-23' });
    const created = await s.agent.post<PupilAccountWithPassword>(`${s.base}/${lea.id}/account`);
    expect(created.status).toBe(201);
    expect(created.body.account.username).toMatch(/^lea\.petit\d{4}$/);
    expect(created.body.account.username).not.toBe('lea.petit2303');
  });

  it('two teachers creating namesakes’ accounts at the same moment get two different usernames', async () => {
    const [a, b] = [await school(), await school()];
    const first = await createLearner(t.database.db, a.organization.id, { firstName: 'Jade', lastName: 'Simon', birthdate: '2012-10-10' });
    const second = await createLearner(t.database.db, b.organization.id, { firstName: 'Jade', lastName: 'Simon', birthdate: '2012-10-10' });
    const created = await Promise.all([
      a.agent.post<PupilAccountWithPassword>(`${a.base}/${first.id}/account`),
      b.agent.post<PupilAccountWithPassword>(`${b.base}/${second.id}/account`),
    ]);
    expect(created.map((response) => response.status)).toEqual([201, 201]);
    const usernames = created.map((response) => response.body.account.username);
    expect(usernames).toContain('jade.simon1010');
    expect(new Set(usernames).size).toBe(2);
  });

  it('shows the e-mail and the Médiacentre, adds a username (with a temporary password only when the account had none)', async () => {
    const s = await school();
    const withEmail = await createUser(t.database.db, { firstName: 'Garance', lastName: 'Roux', email: 'garance.roux@example.org' });
    const garance = await createLearner(t.database.db, s.organization.id, { firstName: 'Garance', lastName: 'Roux', birthdate: '2012-05-12', userId: withEmail.id });
    const charlesUser = await mediacentreOnlyUser('Charles', 'Durand');
    const charles = await createLearner(t.database.db, s.organization.id, { firstName: 'Charles', lastName: 'Durand', birthdate: '2012-11-30', userId: charlesUser.id });

    expect((await s.agent.get<PupilAccount>(`${s.base}/${garance.id}/account`)).body).toMatchObject({
      hasAccount: true,
      email: 'garance.roux@example.org',
      username: null,
      hasMediacentre: false,
      isBlocked: false,
    });
    expect((await s.agent.get<PupilAccount>(`${s.base}/${charles.id}/account`)).body).toMatchObject({ hasAccount: true, email: null, username: null, hasMediacentre: true });

    // The Médiacentre-only account has no password to reset, until it has a username.
    expect(errorCodes(await s.agent.post(`${s.base}/${charles.id}/account/temporary-password`))).toEqual(['PUPIL_ACCOUNT_WITHOUT_PASSWORD_LOGIN']);
    const charlesUsername = await s.agent.post<PupilAccountWithPassword>(`${s.base}/${charles.id}/account/username`);
    expect(charlesUsername.status).toBe(200);
    expect(charlesUsername.body.account).toMatchObject({ username: 'charles.durand3011', hasMediacentre: true, mustChangePassword: true });
    expect(charlesUsername.body.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    await new Agent(t.app).signIn('charles.durand3011', charlesUsername.body.temporaryPassword!);

    // Garance keeps her own password and may now type either login.
    const garanceUsername = await s.agent.post<PupilAccountWithPassword>(`${s.base}/${garance.id}/account/username`);
    expect(garanceUsername.body).toMatchObject({ temporaryPassword: null, account: { username: 'garance.roux1205', mustChangePassword: false } });
    await new Agent(t.app).signIn('garance.roux1205', PASSWORD);
    expect(errorCodes(await s.agent.post(`${s.base}/${garance.id}/account/username`))).toEqual(['PUPIL_ACCOUNT_HAS_USERNAME']);

    expect((await auditOf(charles.id)).map((e) => [e.action, e.meta])).toEqual([['USERNAME_ADDED', { temporaryPassword: true }]]);
    expect((await auditOf(garance.id)).map((e) => [e.action, e.meta])).toEqual([['USERNAME_ADDED', { temporaryPassword: false }]]);
  });

  it('a temporary password replaces the old one and signs the pupil out everywhere', async () => {
    const s = await school();
    const user = await createUser(t.database.db, { firstName: 'Louis', lastName: 'Bernard', email: null, username: 'louis.bernard0202' });
    const louis = await createLearner(t.database.db, s.organization.id, { firstName: 'Louis', lastName: 'Bernard', birthdate: '2012-02-02', userId: user.id });
    const session = new Agent(t.app);
    await session.signIn('louis.bernard0202', PASSWORD);

    const reset = await s.agent.post<PupilAccountWithPassword>(`${s.base}/${louis.id}/account/temporary-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    expect(reset.body.account.mustChangePassword).toBe(true);
    expect(errorCodes(await session.get('/api/me'))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await new Agent(t.app).post('/api/auth/sign-in', { login: 'louis.bernard0202', password: PASSWORD }))).toEqual(['INVALID_CREDENTIALS']);
    await new Agent(t.app).signIn('louis.bernard0202', reset.body.temporaryPassword!);
    expect((await auditOf(louis.id)).map((e) => [e.action, e.actorUserId, e.targetUserId])).toEqual([['PASSWORD_RESET', s.member.id, user.id]]);
  });

  it('unblocks a pupil blocked after too many wrong passwords', async () => {
    const s = await school();
    const user = await createUser(t.database.db, { email: null, username: 'nina.lopez0707', failedSignInCount: 50, blockedAt: new Date() });
    const nina = await createLearner(t.database.db, s.organization.id, { firstName: 'Nina', lastName: 'Lopez', birthdate: '2012-07-07', userId: user.id });
    expect(errorCodes(await new Agent(t.app).post('/api/auth/sign-in', { login: 'nina.lopez0707', password: PASSWORD }))).toEqual(['ACCOUNT_BLOCKED']);
    expect((await s.agent.get<PupilAccount>(`${s.base}/${nina.id}/account`)).body.isBlocked).toBe(true);

    const unblocked = await s.agent.post<PupilAccountWithPassword>(`${s.base}/${nina.id}/account/unblock`);
    expect(unblocked.status).toBe(200);
    expect(unblocked.body).toMatchObject({ temporaryPassword: null, account: { isBlocked: false, temporaryBlockUntil: null } });
    expect(await userRow(user.id)).toMatchObject({ failedSignInCount: 0, blockedAt: null, temporaryBlockUntil: null });
    await new Agent(t.app).signIn('nina.lopez0707', PASSWORD);
    expect((await auditOf(nina.id)).map((e) => e.action)).toEqual(['UNBLOCKED']);
  });

  it('refuses a learner without an account, another organization’s learner, a team member’s account and a stranger', async () => {
    const s = await school();
    const other = await school();
    const noAccount = await createLearner(t.database.db, s.organization.id, { firstName: 'Tom', lastName: 'Blanc', birthdate: '2012-01-01' });
    const elsewhere = await createLearner(t.database.db, other.organization.id, { firstName: 'Zoé', lastName: 'Noir', birthdate: '2012-01-01' });
    for (const action of ['username', 'temporary-password', 'unblock']) {
      expect(errorCodes(await s.agent.post(`${s.base}/${noAccount.id}/account/${action}`))).toEqual(['LEARNER_HAS_NO_ACCOUNT']);
    }
    const refused = await s.agent.post(`${s.base}/${elsewhere.id}/account`);
    expect(refused.status).toBe(403);
    expect(errorCodes(refused)).toEqual(['LEARNER_NOT_IN_ORGANIZATION']);
    expect(errorCodes(await s.agent.get(`${s.base}/${elsewhere.id}/account`))).toEqual(['LEARNER_NOT_IN_ORGANIZATION']);
    expect((await learnerRow(elsewhere.id)).userId).toBeNull();

    // A colleague linked to a learner (e.g. an adult learner) cannot be taken over by a password reset.
    const teacher = await createUser(t.database.db, { username: 'prof.martin0101' });
    await addMember(t.database.db, (await createOrganization(t.database.db)).id, teacher.id);
    const linkedTeacher = await createLearner(t.database.db, s.organization.id, { firstName: 'Prof', lastName: 'Martin', birthdate: '1980-01-01', userId: teacher.id });
    expect(errorCodes(await s.agent.post(`${s.base}/${linkedTeacher.id}/account/temporary-password`))).toEqual(['PUPIL_ACCOUNT_NOT_MANAGEABLE']);
    expect((await s.agent.get<PupilAccount>(`${s.base}/${linkedTeacher.id}/account`)).body).toMatchObject({ hasAccount: true, isManageable: false });

    const stranger = new Agent(t.app);
    await stranger.signIn((await createUser(t.database.db)).email, PASSWORD);
    expect(errorCodes(await stranger.post(`${s.base}/${noAccount.id}/account`))).toEqual(['NOT_A_MEMBER']);
    expect(errorCodes(await stranger.post(`${s.base}/credentials`, { learnerIds: [noAccount.id], action: 'GENERATE' }))).toEqual(['NOT_A_MEMBER']);
    expect(errorCodes(await new Agent(t.app).get(`${s.base}/${noAccount.id}/account`))).toEqual(['UNAUTHENTICATED']);
    expect((await learnerRow(noAccount.id)).userId).toBeNull();
    expect(await auditOf(noAccount.id)).toEqual([]);
  });
});

describe('bulk credentials', () => {
  // Each test gets its own names, so the usernames one test gives do not collide with the next one's.
  let fixtures = 0;
  async function classes() {
    const n = 'abcdefghij'[fixtures++]!;
    const s = await school();
    const db = t.database.db;
    const org = s.organization.id;
    const louisUser = await createUser(db, { firstName: 'Louis', lastName: `Martin${n}`, email: null, username: `louis.martin${n}1504` });
    const garanceUser = await createUser(db, { firstName: 'Garance', lastName: `Roux${n}`, email: `garance-${org.slice(0, 8)}@example.org` });
    const charlesUser = await mediacentreOnlyUser('Charles', `Durand${n}`);
    const teacher = await createUser(db, { username: `prof.${org.slice(0, 8)}` });
    await addMember(db, (await createOrganization(db)).id, teacher.id);
    const learners = {
      zoe: await createLearner(db, org, { firstName: 'Zoé', lastName: `Abel${n}`, birthdate: '2012-06-01', division: '3B' }),
      louis: await createLearner(db, org, { firstName: 'Louis', lastName: `Martin${n}`, birthdate: '2012-04-15', division: '3A', userId: louisUser.id }),
      garance: await createLearner(db, org, { firstName: 'Garance', lastName: `Roux${n}`, birthdate: '2012-05-12', division: '3A', userId: garanceUser.id }),
      charles: await createLearner(db, org, { firstName: 'Charles', lastName: `Durand${n}`, birthdate: '2012-11-30', division: '3A', userId: charlesUser.id }),
      formula: await createLearner(db, org, { firstName: 'Hugo', lastName: `=Bidon${n}`, birthdate: '2012-08-08', division: '3B' }),
      teacher: await createLearner(db, org, { firstName: 'Prof', lastName: 'Martin', birthdate: '1980-01-01', division: '3A', userId: teacher.id }),
    };
    return { ...s, n, learners, users: { louis: louisUser, garance: garanceUser, charles: charlesUser, teacher } };
  }

  it('« Générer les identifiants »: a username where missing, an account where none, a temporary password for all, in a CSV sorted by class and name', async () => {
    const c = await classes();
    const n = c.n;
    const ids = Object.values(c.learners).map((l) => l.id);
    const teacherBefore = await userRow(c.users.teacher.id);
    const response = await c.agent.post<string>(`${c.base}/credentials`, { learnerIds: ids, action: 'GENERATE' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="Identifiants-eleves-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-jalon-credentials-updated']).toBe('5');
    expect(response.headers['x-jalon-credentials-untouched']).toBe('1');

    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual(['Classe', 'Nom', 'Prénom', 'Identifiant', 'Mot de passe']);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['3A', `Durand${n}`, 'Charles', `charles.durand${n}3011`],
      ['3A', `Martin${n}`, 'Louis', `louis.martin${n}1504`],
      ['3A', `Roux${n}`, 'Garance', `garance.roux${n}1205`],
      ['3B', `'=Bidon${n}`, 'Hugo', `hugo.bidon${n}0808`],
      ['3B', `Abel${n}`, 'Zoé', `zoe.abel${n}0106`],
    ]);
    // The formula guard: a spreadsheet reads « '=Bidon » as text; the raw line shows it is quoted.
    expect(response.body).toContain(`"3B";"'=Bidon${n}";"Hugo"`);
    for (const [, , , username, password] of rows) {
      expect(password).toMatch(TEMPORARY_PASSWORD);
      const pupil = new Agent(t.app);
      await pupil.signIn(username!, password!);
      expect(errorCodes(await pupil.get('/api/me/reminders'))).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    }
    // Garance's e-mail login now takes the new password too: that is what « générer » does.
    expect(errorCodes(await new Agent(t.app).post('/api/auth/sign-in', { login: c.users.garance.email, password: PASSWORD }))).toEqual(['INVALID_CREDENTIALS']);
    expect((await learnerRow(c.learners.zoe.id)).userId).not.toBeNull();
    expect(await userRow(c.users.teacher.id)).toEqual(teacherBefore);

    const audit = await t.database.db.select().from(learnerAuditEvents).where(eq(learnerAuditEvents.organizationId, c.organization.id));
    expect(audit.map((e) => [e.organizationLearnerId, e.action]).sort()).toEqual(
      [
        [c.learners.zoe.id, 'ACCOUNT_CREATED'],
        [c.learners.formula.id, 'ACCOUNT_CREATED'],
        [c.learners.louis.id, 'PASSWORD_RESET'],
        [c.learners.garance.id, 'USERNAME_ADDED'],
        [c.learners.charles.id, 'USERNAME_ADDED'],
      ].sort(),
    );
    expect(audit.every((e) => e.actorUserId === c.member.id && (e.meta as { bulk?: boolean }).bulk === true)).toBe(true);
    const passwords = rows.map((row) => row[4]!);
    expect(passwords.some((password) => JSON.stringify(audit).includes(password))).toBe(false);
  });

  it('gives twins in the selection and a namesake already registered each their own username', async () => {
    const s = await school();
    await createUser(t.database.db, { email: null, username: 'leo.fabre0303' });
    const twins = [
      await createLearner(t.database.db, s.organization.id, { firstName: 'Léo', lastName: 'Fabre', birthdate: '2012-03-03', division: '5C' }),
      await createLearner(t.database.db, s.organization.id, { firstName: 'Léo', lastName: 'Fabre', birthdate: '2012-03-03', division: '5C' }),
    ];
    const response = await s.agent.post<string>(`${s.base}/credentials`, { learnerIds: twins.map((l) => l.id), action: 'GENERATE' });
    expect(response.status).toBe(200);
    const usernames = parseCsv(response.body)
      .slice(1)
      .map((row) => row[3]!);
    expect(usernames).toHaveLength(2);
    for (const username of usernames) expect(username).toMatch(/^leo\.fabre\d{4}$/);
    expect(usernames).not.toContain('leo.fabre0303');
    expect(new Set(usernames).size).toBe(2);
  });

  it('« Réinitialiser les mots de passe » changes username logins only; e-mail, Médiacentre and accountless pupils are untouched and counted', async () => {
    const c = await classes();
    const before = {
      garance: await userRow(c.users.garance.id),
      charles: await userRow(c.users.charles.id),
    };
    const ids = [c.learners.louis.id, c.learners.garance.id, c.learners.charles.id, c.learners.zoe.id];
    const response = await c.agent.post<string>(`${c.base}/credentials`, { learnerIds: ids, action: 'RESET' });
    expect(response.status).toBe(200);
    expect(response.headers['x-jalon-credentials-updated']).toBe('1');
    expect(response.headers['x-jalon-credentials-untouched']).toBe('3');
    const [, ...rows] = parseCsv(response.body);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([['3A', `Martin${c.n}`, 'Louis', `louis.martin${c.n}1504`]]);
    await new Agent(t.app).signIn(`louis.martin${c.n}1504`, rows[0]![4]!);

    expect(await userRow(c.users.garance.id)).toEqual(before.garance);
    expect(await userRow(c.users.charles.id)).toEqual(before.charles);
    expect((await learnerRow(c.learners.zoe.id)).userId).toBeNull();
    await new Agent(t.app).signIn(c.users.garance.email, PASSWORD);

    const nothing = await c.agent.post(`${c.base}/credentials`, { learnerIds: [c.learners.garance.id, c.learners.charles.id], action: 'RESET' });
    expect(nothing.status).toBe(409);
    expect(errorCodes(nothing)).toEqual(['CREDENTIALS_NOTHING_TO_RESET']);
  });

  it('a learner of another organization in the selection refuses it all and changes nothing', async () => {
    const c = await classes();
    const other = await school();
    const foreign = await createLearner(t.database.db, other.organization.id, { firstName: 'Paul', lastName: 'Vert', birthdate: '2012-01-01' });
    const louisBefore = await userRow(c.users.louis.id);
    for (const action of ['GENERATE', 'RESET']) {
      const response = await c.agent.post(`${c.base}/credentials`, { learnerIds: [c.learners.zoe.id, c.learners.louis.id, foreign.id], action });
      expect(response.status).toBe(403);
      expect(errorCodes(response)).toEqual(['LEARNER_NOT_IN_ORGANIZATION']);
    }
    expect(await userRow(c.users.louis.id)).toEqual(louisBefore);
    expect((await learnerRow(c.learners.zoe.id)).userId).toBeNull();
    expect((await learnerRow(foreign.id)).userId).toBeNull();
    const audit = await t.database.db
      .select()
      .from(learnerAuditEvents)
      .where(and(eq(learnerAuditEvents.organizationId, c.organization.id), eq(learnerAuditEvents.actorUserId, c.member.id)));
    expect(audit).toEqual([]);
  });

  it('refuses an empty selection, repeated ids and an unknown action', async () => {
    const c = await classes();
    for (const body of [
      { learnerIds: [], action: 'GENERATE' },
      { learnerIds: [c.learners.zoe.id, c.learners.zoe.id], action: 'GENERATE' },
      { learnerIds: [c.learners.zoe.id], action: 'DELETE' },
      { learnerIds: ['not-an-id'], action: 'RESET' },
    ]) {
      const response = await c.agent.post(`${c.base}/credentials`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await learnerRow(c.learners.zoe.id)).userId).toBeNull();
  });
});
