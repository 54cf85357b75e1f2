import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncTargetProfiles, targetProfiles } from '../src/modules/catalogue';
import { Agent } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

describe('target profiles from the content files', () => {
  it('every parcours of the release is in the database, with its tubes and stages', async () => {
    const rows = await t.database.db.select().from(targetProfiles);
    expect(rows.map((r) => r.id).sort()).toEqual(t.content.release.targetProfiles.map((p) => p.id).sort());
    const arts = rows.find((r) => r.name === 'Arts plastiques cycle 4');
    expect(arts?.category).toBe('DISCIPLINE');
    expect(arts?.tubes.length).toBeGreaterThan(0);
    expect(arts?.origin).toBe('jalon');
  });

  it('a profile gone from the files becomes outdated', async () => {
    const [gone] = t.content.release.targetProfiles;
    const shorter = { ...t.content.release, id: 'next-release', targetProfiles: t.content.release.targetProfiles.slice(1) };
    await syncTargetProfiles(t.database.db, shorter, new Date());
    const [row] = await t.database.db.select().from(targetProfiles).where(eq(targetProfiles.id, gone!.id));
    expect(row!.outdated).toBe(true);
    await syncTargetProfiles(t.database.db, t.content.release, new Date());
    const [back] = await t.database.db.select().from(targetProfiles).where(eq(targetProfiles.id, gone!.id));
    expect(back!.outdated).toBe(gone!.outdated);
  });
});

describe('content assets', () => {
  it('serves a release asset with its media type and a hash ETag, and nothing outside the release', async () => {
    const asset = t.content.release.assets.find((a) => a.mediaType.startsWith('image/svg'))!;
    const response = await new Agent(t.app).get(`/api/content/${asset.path}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.headers.etag).toBe(`"${asset.sha256}"`);
    expect((await new Agent(t.app).get('/api/content/assets/../../package.json')).status).toBe(404);
    expect((await new Agent(t.app).get('/api/content/framework.yaml')).status).toBe(404);
  });
});
