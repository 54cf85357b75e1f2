import type { TargetProfileDetail, TargetProfilesResponse } from '@jalon/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetProfiles, targetProfileShares } from '../src/modules/catalogue';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Awaited<ReturnType<typeof createTeam>>;
let other: Awaited<ReturnType<typeof createTeam>>;
let member: Agent;
let base: string;

/** A custom profile on one of our tubes, as an organization or an admin would make it. */
async function insertCustomProfile(id: string, fields: Partial<typeof targetProfiles.$inferInsert>) {
  const tube = t.content.release.tubes[0]!;
  await t.database.db.insert(targetProfiles).values({
    id,
    name: id,
    category: 'CUSTOM',
    locales: ['fr'],
    tubes: [{ tubeId: tube.id, level: 2 }],
    stages: [],
    badges: [],
    origin: 'custom',
    ...fields,
  });
}

beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
  team = await createTeam(t.database.db);
  other = await createTeam(t.database.db);
  member = new Agent(t.app);
  await member.signIn(team.member.email, PASSWORD);
  base = `/api/organizations/${team.organization.id}/target-profiles`;
  await insertCustomProfile('tp-test-owned-by-other', { name: 'Parcours privé d’une autre école', ownerOrganizationId: other.organization.id });
  await insertCustomProfile('tp-test-owned', { name: 'Notre parcours maison', ownerOrganizationId: team.organization.id });
  await insertCustomProfile('tp-test-shared', { name: 'Parcours partagé par l’administration' });
  await t.database.db.insert(targetProfileShares).values({ targetProfileId: 'tp-test-shared', organizationId: team.organization.id });
  await insertCustomProfile('tp-test-outdated', { name: 'Parcours périmé', isPublic: true, outdated: true });
});
afterAll(async () => t.close());

const artsId = () => t.content.release.targetProfiles.find((p) => p.name === 'Arts plastiques cycle 4')!.id;

describe('GET /api/organizations/:organizationId/target-profiles', () => {
  it('needs a session, then a membership of the organization', async () => {
    expect((await new Agent(t.app).get(base)).status).toBe(401);
    const outsider = new Agent(t.app);
    await outsider.signIn((await createUser(t.database.db)).email, PASSWORD);
    const refused = await outsider.get(base);
    expect(refused.status).toBe(403);
    expect(errorCodes(refused)).toEqual(['NOT_A_MEMBER']);
  });

  it('lists the public parcours, the organization’s own and those shared with it, by category order then name', async () => {
    const response = await member.get<TargetProfilesResponse>(base);
    expect(response.status).toBe(200);
    const profiles = response.body.targetProfiles;
    const ids = profiles.map((p) => p.id);
    expect(ids).toContain('tp-test-owned');
    expect(ids).toContain('tp-test-shared');
    expect(ids).not.toContain('tp-test-owned-by-other');
    expect(ids).not.toContain('tp-test-outdated');
    expect(profiles.filter((p) => p.id.startsWith('tp-') && !p.id.startsWith('tp-test')).length).toBe(
      t.content.release.targetProfiles.filter((p) => p.isPublic && !p.outdated).length,
    );
    expect(profiles[0]!.category).toBe('BACK_TO_SCHOOL');
    const arts = profiles.find((p) => p.name === 'Arts plastiques cycle 4')!;
    expect(arts).toMatchObject({ category: 'DISCIPLINE', categoryLabel: { fr: 'Disciplinaires' } });
    expect(arts.tubeCount).toBeGreaterThan(0);
    expect(arts.skillCount).toBeGreaterThanOrEqual(arts.tubeCount);
    expect(arts.estimatedMinutes % 5).toBe(0);
    expect(arts.devices).toEqual({ tablet: expect.any(Boolean), mobile: expect.any(Boolean) });
    const discipline = profiles.filter((p) => p.category === 'DISCIPLINE').map((p) => p.name);
    expect(discipline).toEqual([...discipline].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true })));
  });

  it('searches names whatever the case and accents, and filters by category', async () => {
    const found = await member.get<TargetProfilesResponse>(`${base}?search=${encodeURIComponent('ARTS PLASTIQUES')}`);
    expect(found.body.targetProfiles.map((p) => p.name)).toEqual(['Arts plastiques cycle 4']);
    const accents = await member.get<TargetProfilesResponse>(`${base}?search=${encodeURIComponent('PARTAGE PAR')}`);
    expect(accents.body.targetProfiles.map((p) => p.id)).toEqual(['tp-test-shared']);
    const competences = await member.get<TargetProfilesResponse>(`${base}?category=COMPETENCES`);
    expect(competences.body.targetProfiles.length).toBe(16);
    expect(competences.body.targetProfiles.every((p) => p.category === 'COMPETENCES')).toBe(true);
    expect((await member.get(`${base}?category=NOPE`)).status).toBe(400);
  });
});

describe('GET /api/organizations/:organizationId/target-profiles/:targetProfileId', () => {
  it('needs a session, then a membership', async () => {
    expect((await new Agent(t.app).get(`${base}/${artsId()}`)).status).toBe(401);
    const outsider = new Agent(t.app);
    await outsider.signIn(other.member.email, PASSWORD);
    expect((await outsider.get(`${base}/${artsId()}`)).status).toBe(403);
  });

  it('documents a parcours: competences with their tubes and « Niveau max », stages, badges, skills and duration', async () => {
    const response = await member.get<TargetProfileDetail>(`${base}/${artsId()}`);
    expect(response.status).toBe(200);
    const detail = response.body;
    expect(detail.name).toBe('Arts plastiques cycle 4');
    const tubes = detail.areas.flatMap((a) => a.competences.flatMap((c) => c.tubes));
    expect(tubes.length).toBe(detail.tubeCount);
    expect(tubes.reduce((sum, tube) => sum + tube.skillCount, 0)).toBe(detail.skillCount);
    const first = detail.areas[0]!.competences[0]!;
    expect(first.index).toMatch(/^\d\.\d$/);
    expect(first.tubes[0]!.practicalTitle.fr).not.toBe('');
    expect(first.tubes[0]!.level).toBeGreaterThanOrEqual(1);
    expect(detail.stages.length).toBe(detail.stageCount);
  });

  it('documents the badges of a parcours that has some', async () => {
    const withBadges = t.content.release.targetProfiles.find((p) => p.badges.length > 0)!;
    const detail = (await member.get<TargetProfileDetail>(`${base}/${withBadges.id}`)).body;
    expect(detail.badges.map((b) => b.key)).toEqual(withBadges.badges.map((b) => b.key));
    expect(detail.badges[0]!.altMessage).not.toBe('');
  });

  it('answers 404 for an unknown parcours, another organization’s own and an outdated one', async () => {
    for (const id of ['tp-inconnu', 'tp-test-owned-by-other', 'tp-test-outdated']) {
      const response = await member.get(`${base}/${id}`);
      expect(response.status, id).toBe(404);
      expect(errorCodes(response)).toEqual(['TARGET_PROFILE_NOT_FOUND']);
    }
    expect((await member.get<TargetProfileDetail>(`${base}/tp-test-shared`)).body.tubeCount).toBe(1);
  });
});

describe('GET /api/organizations/:organizationId/target-profiles/:targetProfileId/pdf', () => {
  it('needs a session, then a membership', async () => {
    expect((await new Agent(t.app).get(`${base}/${artsId()}/pdf`)).status).toBe(401);
    const outsider = new Agent(t.app);
    await outsider.signIn(other.admin.email, PASSWORD);
    expect((await outsider.get(`${base}/${artsId()}/pdf`)).status).toBe(403);
  });

  it('downloads the documentation as a PDF named after the parcours', async () => {
    const response = await member.get<string>(`${base}/${artsId()}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="Parcours-Arts-plastiques-cycle-4.pdf"');
    expect(response.body.startsWith('%PDF-')).toBe(true);
    expect(response.body.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('keeps the file name to safe characters and refuses a parcours the organization cannot see', async () => {
    const owned = await member.get(`${base}/tp-test-shared/pdf`);
    expect(owned.headers['content-disposition']).toBe('attachment; filename="Parcours-Parcours-partage-par-l-administration.pdf"');
    const hidden = await member.get(`${base}/tp-test-owned-by-other/pdf`);
    expect(hidden.status).toBe(404);
    expect(errorCodes(hidden)).toEqual(['TARGET_PROFILE_NOT_FOUND']);
  });
});
