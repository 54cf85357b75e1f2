import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, makePlatformAdmin, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

async function signedIn(options: { platformAdmin: boolean }) {
  const user = await createUser(t.database.db);
  if (options.platformAdmin) await makePlatformAdmin(t.database.db, user.id);
  const agent = new Agent(t.app);
  await agent.signIn(user.email, PASSWORD);
  return { user, agent };
}

describe('test support: a certifiable profile for the certification journey', () => {
  it('makes a pupil’s live profile certifiable, as « Mon profil » then reads it', async () => {
    const admin = await signedIn({ platformAdmin: true });
    const pupil = await signedIn({ platformAdmin: false });
    const before = await pupil.agent.get<{ isCertifiable: boolean }>('/api/me/profile');
    expect(before.body.isCertifiable).toBe(false);

    const written = await admin.agent.post<{ competenceIds: string[] }>(`/api/admin/users/${pupil.user.id}/certifiable-profile`);
    expect(written.status).toBe(201);
    expect(written.body.competenceIds).toHaveLength(5);

    const after = await pupil.agent.get<{ isCertifiable: boolean; certifiableCompetenceCount: number }>('/api/me/profile');
    expect(after.body.isCertifiable).toBe(true);
    expect(after.body.certifiableCompetenceCount).toBe(5);
  });

  it('is for platform admins only, and names an existing account', async () => {
    const pupil = await signedIn({ platformAdmin: false });
    const refused = await pupil.agent.post(`/api/admin/users/${pupil.user.id}/certifiable-profile`);
    expect(refused.status).toBe(403);

    const admin = await signedIn({ platformAdmin: true });
    const unknown = await admin.agent.post('/api/admin/users/00000000-0000-4000-8000-000000000000/certifiable-profile');
    expect(unknown.status).toBe(404);
    expect(errorCodes(unknown)).toEqual(['LEARNER_NOT_FOUND']);
  });
});
