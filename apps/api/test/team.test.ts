import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, memberships } from '../src/modules/organizations';
import { outboxMails } from '../src/platform/mail/schema';
import { addMember, createOrganization, createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function signedIn(email: string) {
  const agent = new Agent(t.app);
  await agent.signIn(email, PASSWORD);
  return agent;
}

async function invitationLink(email: string) {
  const mails = await t.database.db.select().from(outboxMails).where(eq(outboxMails.to, email)).orderBy(outboxMails.createdAt);
  const last = mails.at(-1);
  const match = /invitationId=([\w-]+)&code=([A-Z0-9]+)/.exec(last!.text);
  return { invitationId: match![1]!, code: match![2]! };
}

describe('team: members', () => {
  it('any member lists the active members with their role', async () => {
    const team = await createTeam(t.database.db);
    const agent = await signedIn(team.member.email);
    const response = await agent.get<{ members: { userId: string; role: string }[] }>(`/api/organizations/${team.organization.id}/members`);
    expect(response.status).toBe(200);
    expect(response.body.members.map((m) => [m.userId, m.role])).toEqual(
      expect.arrayContaining([
        [team.admin.id, 'ADMIN'],
        [team.member.id, 'MEMBER'],
      ]),
    );
  });

  it('a MEMBER cannot reach the ADMIN team routes', async () => {
    const team = await createTeam(t.database.db);
    const agent = await signedIn(team.member.email);
    const response = await agent.get(`/api/organizations/${team.organization.id}/invitations`);
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['ADMIN_ROLE_REQUIRED']);
    const invite = await agent.post(`/api/organizations/${team.organization.id}/invitations`, { emails: 'x@example.org' });
    expect(errorCodes(invite)).toEqual(['ADMIN_ROLE_REQUIRED']);
  });

  it('the last ADMIN can be neither demoted, removed, nor leave: LAST_ADMIN', async () => {
    const team = await createTeam(t.database.db);
    const agent = await signedIn(team.admin.email);
    const base = `/api/organizations/${team.organization.id}`;
    expect(errorCodes(await agent.patch(`${base}/members/${team.adminMembership.id}`, { role: 'MEMBER' }))).toEqual(['LAST_ADMIN']);
    expect(errorCodes(await agent.delete(`${base}/members/${team.adminMembership.id}`))).toEqual(['LAST_ADMIN']);
    const leave = await agent.post(`${base}/leave`);
    expect(leave.status).toBe(409);
    expect(errorCodes(leave)).toEqual(['LAST_ADMIN']);
  });

  it('once a second ADMIN exists, the first may be demoted; a removed member loses access', async () => {
    const team = await createTeam(t.database.db);
    const agent = await signedIn(team.admin.email);
    const base = `/api/organizations/${team.organization.id}`;
    expect((await agent.patch(`${base}/members/${team.memberMembership.id}`, { role: 'ADMIN' })).status).toBe(204);
    expect((await agent.patch(`${base}/members/${team.adminMembership.id}`, { role: 'MEMBER' })).status).toBe(204);
    const other = await signedIn(team.member.email);
    expect((await other.delete(`${base}/members/${team.adminMembership.id}`)).status).toBe(204);
    const removed = await agent.get(`${base}/members`);
    expect(errorCodes(removed)).toEqual(['NOT_A_MEMBER']);
  });

  it('concurrent demotions of the last two ADMINs leave one ADMIN', async () => {
    const organization = await createOrganization(t.database.db);
    const a = await createUser(t.database.db);
    const b = await createUser(t.database.db);
    const ma = await addMember(t.database.db, organization.id, a.id, 'ADMIN');
    const mb = await addMember(t.database.db, organization.id, b.id, 'ADMIN');
    const agentA = await signedIn(a.email);
    const agentB = await signedIn(b.email);
    const base = `/api/organizations/${organization.id}/members`;
    const results = await Promise.all([agentA.patch(`${base}/${mb.id}`, { role: 'MEMBER' }), agentB.patch(`${base}/${ma.id}`, { role: 'MEMBER' })]);
    // The loser is refused either by the last-ADMIN rule or, if it arrives after the winner's
    // commit, because it is no longer an ADMIN at all.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(204);
    expect([403, 409]).toContain(statuses[1]);
    const admins = await t.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organization.id), eq(memberships.role, 'ADMIN')));
    expect(admins).toHaveLength(1);
  });
});

describe('team: invitations', () => {
  it('invites comma-separated addresses; each gets a mail with a single-use /orga/rejoindre link', async () => {
    const team = await createTeam(t.database.db, { name: 'Collège Jean-Moulin' });
    const agent = await signedIn(team.admin.email);
    const response = await agent.post<{ invited: { email: string }[]; alreadyMembers: string[] }>(
      `/api/organizations/${team.organization.id}/invitations`,
      { emails: 'Claire@example.org, david@example.org', role: 'MEMBER' },
    );
    expect(response.status).toBe(201);
    expect(response.body.invited.map((i) => i.email)).toEqual(['claire@example.org', 'david@example.org']);
    const list = await agent.get<{ invitations: { email: string; status: string }[] }>(`/api/organizations/${team.organization.id}/invitations`);
    expect(list.body.invitations.map((i) => i.email).sort()).toEqual(['claire@example.org', 'david@example.org']);
    const [mail] = await t.database.db.select().from(outboxMails).where(eq(outboxMails.to, 'claire@example.org'));
    expect(mail!.subject).toContain('Collège Jean-Moulin');
    expect(mail!.text).toMatch(/http:\/\/jalon\.test\/orga\/rejoindre\?invitationId=[\w-]+&code=[A-Z0-9]{10}/);
  });

  it('one invalid address refuses the whole batch with INVITATION_EMAIL_INVALID', async () => {
    const team = await createTeam(t.database.db);
    const agent = await signedIn(team.admin.email);
    const response = await agent.post(`/api/organizations/${team.organization.id}/invitations`, { emails: 'ok@example.org, pas-une-adresse' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ code: 'INVITATION_EMAIL_INVALID', meta: { email: 'pas-une-adresse' } }] });
    expect(await t.database.db.select().from(invitations).where(eq(invitations.organizationId, team.organization.id))).toHaveLength(0);
  });

  it('reports active members one by one and invites the others', async () => {
    const team = await createTeam(t.database.db);
    const agent = await signedIn(team.admin.email);
    const response = await agent.post<{ invited: { email: string }[]; alreadyMembers: string[] }>(
      `/api/organizations/${team.organization.id}/invitations`,
      { emails: `${team.member.email}; new@example.org` },
    );
    expect(response.body.alreadyMembers).toEqual([team.member.email]);
    expect(response.body.invited.map((i) => i.email)).toEqual(['new@example.org']);
  });

  it('inviting a pending address again renews it instead of duplicating; « Annuler » cancels it', async () => {
    const team = await createTeam(t.database.db);
    const agent = await signedIn(team.admin.email);
    const base = `/api/organizations/${team.organization.id}/invitations`;
    await agent.post(base, { emails: 'twice@example.org' });
    t.clock.offsetMs += 60_000;
    try {
      await agent.post(base, { emails: 'twice@example.org' });
    } finally {
      t.clock.offsetMs -= 60_000;
    }
    const list = await agent.get<{ invitations: { id: string; createdAt: string; updatedAt: string }[] }>(base);
    expect(list.body.invitations).toHaveLength(1);
    const [invitation] = list.body.invitations;
    expect(new Date(invitation!.updatedAt).getTime()).toBeGreaterThan(new Date(invitation!.createdAt).getTime());
    expect((await agent.post(`${base}/${invitation!.id}/resend`)).status).toBe(204);
    expect((await agent.delete(`${base}/${invitation!.id}`)).status).toBe(204);
    expect((await agent.get<{ invitations: unknown[] }>(base)).body.invitations).toHaveLength(0);
    const { invitationId, code } = await invitationLink('twice@example.org');
    expect(errorCodes(await new Agent(t.app).get(`/api/invitations/${invitationId}?code=${code}`))).toEqual(['INVITATION_ALREADY_ACCEPTED_OR_CANCELLED']);
  });

  it('a new account accepts the invitation, becomes a MEMBER, and the link cannot be used again', async () => {
    const team = await createTeam(t.database.db, { name: 'Collège Victor-Hugo' });
    const admin = await signedIn(team.admin.email);
    await admin.post(`/api/organizations/${team.organization.id}/invitations`, { emails: 'claire@example.net' });
    const { invitationId, code } = await invitationLink('claire@example.net');

    const visitor = new Agent(t.app);
    const preview = await visitor.get(`/api/invitations/${invitationId}?code=${code}`);
    expect(preview.body).toEqual({ organizationName: 'Collège Victor-Hugo', email: 'claire@example.net', status: 'pending' });
    expect((await visitor.post(`/api/invitations/${invitationId}/accept`, { code })).status).toBe(401);

    await visitor.post('/api/auth/sign-up', { firstName: 'Claire', lastName: 'Lemoine', email: 'claire@example.net', password: 'Bienvenue-1', acceptTerms: true });
    const accepted = await visitor.post(`/api/invitations/${invitationId}/accept`, { code });
    expect(accepted.body).toEqual({ organizationId: team.organization.id, role: 'MEMBER' });
    const me = await visitor.get<{ currentOrganizationId: string; memberships: { role: string }[] }>('/api/me');
    expect(me.body.currentOrganizationId).toBe(team.organization.id);
    expect(me.body.memberships.map((m) => m.role)).toEqual(['MEMBER']);

    const again = await visitor.post(`/api/invitations/${invitationId}/accept`, { code });
    expect(again.status).toBe(409);
    expect(errorCodes(again)).toEqual(['INVITATION_ALREADY_ACCEPTED_OR_CANCELLED']);
    expect((await admin.get<{ invitations: unknown[] }>(`/api/organizations/${team.organization.id}/invitations`)).body.invitations).toHaveLength(0);
  });

  it('a wrong code is INVITATION_NOT_FOUND and an invitation older than 30 days is INVITATION_EXPIRED', async () => {
    const team = await createTeam(t.database.db);
    const admin = await signedIn(team.admin.email);
    await admin.post(`/api/organizations/${team.organization.id}/invitations`, { emails: 'old@example.org' });
    const { invitationId, code } = await invitationLink('old@example.org');
    const wrong = await new Agent(t.app).get(`/api/invitations/${invitationId}?code=AAAAAAAAAA`);
    expect(wrong.status).toBe(404);
    expect(errorCodes(wrong)).toEqual(['INVITATION_NOT_FOUND']);
    t.clock.offsetMs += 31 * 24 * 3600_000;
    try {
      const expired = await new Agent(t.app).get(`/api/invitations/${invitationId}?code=${code}`);
      expect(expired.status).toBe(410);
      expect(errorCodes(expired)).toEqual(['INVITATION_EXPIRED']);
    } finally {
      t.clock.offsetMs -= 31 * 24 * 3600_000;
    }
  });

  it('an existing member is refused unless the invitation names a role, which then replaces theirs', async () => {
    const team = await createTeam(t.database.db);
    const admin = await signedIn(team.admin.email);
    const base = `/api/organizations/${team.organization.id}/invitations`;
    const memberAgent = await signedIn(team.member.email);

    await t.database.db.insert(invitations).values({ organizationId: team.organization.id, email: team.member.email, code: 'AUTOMATIC1', role: null });
    const [automatic] = await t.database.db.select().from(invitations).where(eq(invitations.code, 'AUTOMATIC1'));
    expect(errorCodes(await memberAgent.post(`/api/invitations/${automatic!.id}/accept`, { code: 'AUTOMATIC1' }))).toEqual(['ALREADY_A_MEMBER']);

    await t.database.db.insert(invitations).values({ organizationId: team.organization.id, email: 'promoted@example.org', code: 'PROMOTION1', role: 'ADMIN' });
    const [promotion] = await t.database.db.select().from(invitations).where(eq(invitations.code, 'PROMOTION1'));
    expect((await memberAgent.post(`/api/invitations/${promotion!.id}/accept`, { code: 'PROMOTION1' })).body).toMatchObject({ role: 'ADMIN' });
    expect((await admin.get(base)).status).toBe(200);
  });

  it('with an automatic role, the first member of an empty organization becomes ADMIN', async () => {
    const organization = await createOrganization(t.database.db);
    const user = await createUser(t.database.db);
    await t.database.db.insert(invitations).values({ organizationId: organization.id, email: user.email, code: 'FIRSTADMIN', role: null });
    const [invitation] = await t.database.db.select().from(invitations).where(eq(invitations.code, 'FIRSTADMIN'));
    const agent = await signedIn(user.email);
    expect((await agent.post(`/api/invitations/${invitation!.id}/accept`, { code: 'firstadmin' })).body).toMatchObject({ role: 'ADMIN' });
  });
});

describe('organization switcher', () => {
  it('lists every organization of the user and remembers the one chosen', async () => {
    const user = await createUser(t.database.db);
    const first = await createOrganization(t.database.db, { name: 'A École' });
    const second = await createOrganization(t.database.db, { name: 'B Lycée' });
    await addMember(t.database.db, first.id, user.id);
    await addMember(t.database.db, second.id, user.id);
    const agent = await signedIn(user.email);
    const me = await agent.get<{ currentOrganizationId: string; memberships: { organization: { name: string } }[] }>('/api/me');
    expect(me.body.memberships.map((m) => m.organization.name)).toEqual(['A École', 'B Lycée']);
    expect(me.body.currentOrganizationId).toBe(first.id);
    const switched = await agent.put<{ currentOrganizationId: string }>('/api/me/current-organization', { organizationId: second.id });
    expect(switched.body.currentOrganizationId).toBe(second.id);
    const other = await createOrganization(t.database.db);
    expect(errorCodes(await agent.put('/api/me/current-organization', { organizationId: other.id }))).toEqual(['NOT_A_MEMBER']);
  });
});
