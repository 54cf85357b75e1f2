import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, makePlatformAdmin, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.database.db);
  await makePlatformAdmin(t.database.db, user.id);
  admin = new Agent(t.app);
  await admin.signIn(user.email, PASSWORD);
});
afterAll(async () => t.close());

const school = {
  name: 'Lycée Condorcet',
  type: 'SCO',
  externalId: '0750654d',
  email: 'ce.0750654d@example.org',
  documentationUrl: 'https://example.org/aide',
  timeZone: 'Europe/Paris',
  isManagingStudents: true,
  identityProviderForCampaigns: 'MEDIACENTRE',
};

describe('instance administration', () => {
  it('only platform admins reach it', async () => {
    const team = await createTeam(t.database.db);
    const agent = new Agent(t.app);
    await agent.signIn(team.admin.email, PASSWORD);
    const response = await agent.get('/api/admin/organizations');
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['PLATFORM_ADMIN_REQUIRED']);
  });

  it('creates a school with its UAI uppercased, then lists and finds it by search', async () => {
    const created = await admin.post<{ id: string; externalId: string }>('/api/admin/organizations', school);
    expect(created.status).toBe(201);
    expect(created.body.externalId).toBe('0750654D');
    const page = await admin.get<{ items: { id: string }[]; total: number; pageSize: number }>('/api/admin/organizations?search=condorcet&pageSize=10');
    expect(page.body.items.map((o) => o.id)).toEqual([created.body.id]);
    expect(page.body.pageSize).toBe(10);
  });

  it('refuses a UAI whose check letter is wrong, a missing one for SCO, and a UAI already used', async () => {
    expect(errorCodes(await admin.post('/api/admin/organizations', { ...school, externalId: '0750654E' }))).toEqual(['UAI_INVALID']);
    expect(errorCodes(await admin.post('/api/admin/organizations', { ...school, externalId: '' }))).toEqual(['UAI_REQUIRED']);
    await admin.post('/api/admin/organizations', { ...school, name: 'Collège Pasteur', externalId: '0211234C' });
    const duplicate = await admin.post('/api/admin/organizations', { ...school, externalId: '0211234C' });
    expect(duplicate.status).toBe(409);
    expect(errorCodes(duplicate)).toEqual(['UAI_ALREADY_USED']);
  });

  it('refuses an unknown time zone and an invalid documentation URL on their fields', async () => {
    const response = await admin.post('/api/admin/organizations', { ...school, externalId: null, type: 'PRO', timeZone: 'Mars/Olympus', documentationUrl: 'javascript:alert(1)' });
    expect(response.status).toBe(422);
    expect(errorCodes(response)).toEqual(['DOCUMENTATION_URL_INVALID']);
    const zone = await admin.post('/api/admin/organizations', { ...school, externalId: null, type: 'PRO', timeZone: 'Mars/Olympus' });
    expect(zone.body).toMatchObject({ errors: [{ code: 'TIME_ZONE_INVALID', source: { pointer: '/timeZone' } }] });
  });

  it('edits an organization and switches its feature toggles', async () => {
    const created = await admin.post<{ id: string }>('/api/admin/organizations', { ...school, name: 'Collège Colette', externalId: '0891234H' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const edited = await admin.patch<{ name: string; documentationUrl: string }>(`/api/admin/organizations/${id}`, {
      ...school,
      name: 'Collège Sidonie-Colette',
      externalId: '0891234H',
      documentationUrl: 'https://example.org/jalon',
    });
    expect(edited.body).toMatchObject({ name: 'Collège Sidonie-Colette', documentationUrl: 'https://example.org/jalon' });
    const features = await admin.put<{ features: string[] }>(`/api/admin/organizations/${id}/features`, {
      features: ['SHOW_SKILLS', 'CERTIFICATION_RESULTS'],
    });
    expect(features.body.features).toEqual(['CERTIFICATION_RESULTS', 'SHOW_SKILLS']);
    expect(errorCodes(await admin.put(`/api/admin/organizations/${id}/features`, { features: ['TELEPORTATION'] }))).toEqual(['FEATURE_UNKNOWN']);
  });

  it('invites the first admin; the mail is readable in the outbox', async () => {
    const created = await admin.post<{ id: string }>('/api/admin/organizations', { ...school, name: 'École des Tilleuls', type: 'PRO', externalId: null });
    const invited = await admin.post<{ invitationId: string }>(`/api/admin/organizations/${created.body.id}/invitations`, { email: 'head@example.org' });
    expect(invited.status).toBe(201);
    const outbox = await admin.get<{ items: { id: string; to: string; subject: string }[] }>('/api/admin/outbox');
    const mail = outbox.body.items.find((m) => m.to === 'head@example.org');
    expect(mail?.subject).toContain('École des Tilleuls');
    const detail = await admin.get<{ text: string }>(`/api/admin/outbox/${mail!.id}`);
    expect(detail.body.text).toContain(`invitationId=${invited.body.invitationId}`);
  });
});
