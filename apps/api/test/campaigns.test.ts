import { campaignSkills as frozenSkills } from '@jalon/content';
import type { Campaign, CampaignsPage } from '@jalon/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetProfiles } from '../src/modules/catalogue';
import { campaigns, campaignSkills, participations } from '../src/modules/campaigns';
import { createCampaign } from '../src/modules/campaigns/create-campaign';
import { organizationLearners } from '../src/modules/organizations';
import { createCampaignRow } from './support/campaign-factory';
import { addMember, createOrganization, createTeam, createUser, PASSWORD } from './support/factory';
import { Agent, errorCodes, type Response } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

const ARTS = 'tp-arts-plastiques-cycle-4';
const CODE = /^[A-HJKMNP-Z]{6}[2-9]{3}$/;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

async function signedIn(email: string) {
  const agent = new Agent(t.app);
  await agent.signIn(email, PASSWORD);
  return agent;
}

async function team(features: string[] = []) {
  const organization = await createOrganization(t.database.db, {}, features);
  const admin = await createUser(t.database.db, { firstName: 'Alice', lastName: 'Martin' });
  const member = await createUser(t.database.db, { firstName: 'Bruno', lastName: 'Petit' });
  await addMember(t.database.db, organization.id, admin.id, 'ADMIN');
  await addMember(t.database.db, organization.id, member.id, 'MEMBER');
  return { organization, admin, member, adminAgent: await signedIn(admin.email), memberAgent: await signedIn(member.email) };
}

const assessment = { type: 'ASSESSMENT', name: 'Arts 4e B', targetProfileId: ARTS };

function create(agent: Agent, organizationId: string, body: Record<string, unknown>) {
  return agent.post<Campaign>(`/api/organizations/${organizationId}/campaigns`, body);
}

function pointers(response: Response): [string, string | undefined][] {
  const body = response.body as { errors?: { code: string; source?: { pointer: string } }[] };
  return (body.errors ?? []).map((e) => [e.code, e.source?.pointer]);
}

/** A learner of the organization with one participation in the campaign. */
async function participate(
  organizationId: string,
  campaignId: string,
  status: 'STARTED' | 'TO_SHARE' | 'SHARED',
  externalId: string | null = null,
  name: { firstName: string; lastName: string } = { firstName: 'Élève', lastName: 'Test' },
) {
  const user = await createUser(t.database.db);
  const [learner] = await t.database.db
    .insert(organizationLearners)
    .values({ organizationId, userId: user.id, ...name, sortKey: `${name.lastName} ${name.firstName}`.toLowerCase() })
    .returning({ id: organizationLearners.id });
  await t.database.db.insert(participations).values({
    campaignId,
    userId: user.id,
    organizationLearnerId: learner!.id,
    status,
    participantExternalId: externalId,
    sharedAt: status === 'SHARED' ? new Date() : null,
  });
  return { userId: user.id, learnerId: learner!.id };
}

describe('campaigns: who may call', () => {
  it('without a session, every campaign route answers 401 UNAUTHENTICATED', async () => {
    const { organization, adminAgent } = await team();
    const created = await create(adminAgent, organization.id, assessment);
    const anonymous = new Agent(t.app);
    expect(errorCodes(await anonymous.get(`/api/organizations/${organization.id}/campaigns`))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await anonymous.get(`/api/campaigns/${created.body.id}`))).toEqual(['UNAUTHENTICATED']);
  });

  it('a user of another organization gets 403 NOT_A_MEMBER on the list, the creation and the campaign', async () => {
    const { organization, adminAgent } = await team();
    const created = await create(adminAgent, organization.id, assessment);
    const outsider = await createTeam(t.database.db);
    const agent = await signedIn(outsider.admin.email);
    for (const response of [
      await agent.get(`/api/organizations/${organization.id}/campaigns`),
      await create(agent, organization.id, assessment),
      await agent.get(`/api/campaigns/${created.body.id}`),
      await agent.patch(`/api/campaigns/${created.body.id}`, { name: 'Piraté' }),
    ]) {
      expect(response.status).toBe(403);
      expect(errorCodes(response)).toEqual(['NOT_A_MEMBER']);
    }
  });

  it('an unknown campaign answers 404 CAMPAIGN_NOT_FOUND', async () => {
    const { memberAgent } = await team();
    const response = await memberAgent.get('/api/campaigns/00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(errorCodes(response)).toEqual(['CAMPAIGN_NOT_FOUND']);
  });

  it('a MEMBER who does not own the campaign cannot edit, archive or delete it: 403 CAMPAIGN_EDIT_FORBIDDEN', async () => {
    const { organization, adminAgent, memberAgent } = await team();
    const { body } = await create(adminAgent, organization.id, assessment);
    for (const response of [
      await memberAgent.patch(`/api/campaigns/${body.id}`, { customLandingPageText: 'Nouveau texte' }),
      await memberAgent.post(`/api/campaigns/${body.id}/archive`),
      await memberAgent.delete(`/api/campaigns/${body.id}`),
      await memberAgent.post(`/api/organizations/${organization.id}/campaigns/delete`, { campaignIds: [body.id] }),
    ]) {
      expect(response.status).toBe(403);
      expect(errorCodes(response)).toEqual(['CAMPAIGN_EDIT_FORBIDDEN']);
    }
    const after = await memberAgent.get<Campaign>(`/api/campaigns/${body.id}`);
    expect(after.body).toMatchObject({ name: 'Arts 4e B', customLandingPageText: null, archivedAt: null, canManage: false });
  });
});

describe('campaigns: creation', () => {
  it('a MEMBER creates an assessment campaign: a fresh code, the direct link, and the skills frozen with the release id', async () => {
    const { organization, member, memberAgent } = await team();
    const response = await create(memberAgent, organization.id, {
      ...assessment,
      title: 'Mon portfolio numérique',
      customLandingPageText: 'Bienvenue !',
      externalIdLabel: 'Numéro de classe',
    });
    expect(response.status).toBe(201);
    const campaign = response.body;
    expect(campaign.code).toMatch(CODE);
    expect(campaign).toMatchObject({
      type: 'ASSESSMENT',
      name: 'Arts 4e B',
      title: 'Mon portfolio numérique',
      customLandingPageText: 'Bienvenue !',
      targetProfile: { id: ARTS, name: 'Arts plastiques cycle 4' },
      externalIdLabel: 'Numéro de classe',
      externalIdType: 'STRING',
      multipleSendings: false,
      owner: { id: member.id, firstName: 'Bruno', lastName: 'Petit' },
      creator: { id: member.id },
      directLink: `http://jalon.test/campagnes/${campaign.code}`,
      archivedAt: null,
      participantCount: 0,
      sharedCount: 0,
      canManage: true,
    });

    const profile = t.content.release.targetProfiles.find((p) => p.id === ARTS)!;
    const expected = frozenSkills(t.content.release, profile).map((s) => s.id).sort();
    const rows = await t.database.db.select().from(campaignSkills).where(eq(campaignSkills.campaignId, campaign.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.skillId).sort()).toEqual(expected);
    const [stored] = await t.database.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(stored!.releaseId).toBe(t.content.release.id);
  });

  it('a profile collection needs no target profile and freezes no skill', async () => {
    const { organization, memberAgent } = await team();
    const response = await create(memberAgent, organization.id, { type: 'PROFILES_COLLECTION', name: 'Profils 2nde', multipleSendings: true });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ type: 'PROFILES_COLLECTION', targetProfile: null, multipleSendings: true });
    expect(await t.database.db.select().from(campaignSkills).where(eq(campaignSkills.campaignId, response.body.id))).toEqual([]);
  });

  it('when the name is missing, creation is refused with CAMPAIGN_NAME_REQUIRED at /name, beside the other fields’ errors', async () => {
    const { organization, memberAgent } = await team();
    const response = await create(memberAgent, organization.id, { ...assessment, name: '   ', title: 'x'.repeat(51) });
    expect(response.status).toBe(422);
    expect(pointers(response)).toEqual(
      expect.arrayContaining([
        ['CAMPAIGN_NAME_REQUIRED', '/name'],
        ['CAMPAIGN_TITLE_TOO_LONG', '/title'],
      ]),
    );
    const without = await create(memberAgent, organization.id, { type: 'ASSESSMENT', targetProfileId: ARTS });
    expect(pointers(without)).toEqual([['CAMPAIGN_NAME_REQUIRED', '/name']]);
  });

  it.each([
    ['the title has 51 characters', 'CAMPAIGN_TITLE_TOO_LONG', '/title', { title: 'x'.repeat(51) }],
    ['the name has 256 characters', 'CAMPAIGN_NAME_TOO_LONG', '/name', { name: 'x'.repeat(256) }],
    ['the landing text has 5,001 characters', 'LANDING_TEXT_TOO_LONG', '/customLandingPageText', { customLandingPageText: 'x'.repeat(5001) }],
    ['the result text has 5,001 characters', 'RESULT_TEXT_TOO_LONG', '/customResultPageText', { customResultPageText: 'x'.repeat(5001) }],
    ['the external id label has 256 characters', 'EXTERNAL_ID_LABEL_TOO_LONG', '/externalIdLabel', { externalIdLabel: 'x'.repeat(256) }],
    ['the external id type is unknown', 'EXTERNAL_ID_TYPE_INVALID', '/externalIdType', { externalIdLabel: 'INE', externalIdType: 'PHONE' }],
    ['the type is unknown', 'CAMPAIGN_TYPE_INVALID', '/type', { type: 'QUIZ' }],
    ['an assessment has no target profile', 'TARGET_PROFILE_REQUIRED', '/targetProfileId', { targetProfileId: null }],
    ['the target profile does not exist', 'TARGET_PROFILE_NOT_ALLOWED', '/targetProfileId', { targetProfileId: 'tp-inconnu' }],
    ['the result button has a text but no URL', 'RESULT_BUTTON_INCOMPLETE', '/customResultPageButtonUrl', { customResultPageButtonText: 'Suite' }],
    ['the result button has a URL but no text', 'RESULT_BUTTON_INCOMPLETE', '/customResultPageButtonText', { customResultPageButtonUrl: 'https://example.org' }],
    ['the result button URL is not http(s)', 'RESULT_BUTTON_URL_INVALID', '/customResultPageButtonUrl', { customResultPageButtonText: 'Suite', customResultPageButtonUrl: 'javascript:alert(1)' }],
    ['an assessment asks for multiple sendings without the feature', 'MULTIPLE_SENDINGS_NOT_ALLOWED', '/multipleSendings', { multipleSendings: true }],
    ['an EXAM is asked without the CAMPAIGN_WITHOUT_USER_PROFILE feature', 'CAMPAIGN_TYPE_NOT_ALLOWED', '/type', { type: 'EXAM' }],
    ['the owner is not a member', 'OWNER_NOT_A_MEMBER', '/ownerId', { ownerId: '00000000-0000-4000-8000-000000000000' }],
  ])('when %s, creation is refused with %s', async (_case, code, pointer, fields) => {
    const { organization, memberAgent } = await team();
    const response = await create(memberAgent, organization.id, { ...assessment, ...fields });
    expect(response.status).toBe(422);
    expect(pointers(response)).toEqual([[code, pointer]]);
    const list = await memberAgent.get<CampaignsPage>(`/api/organizations/${organization.id}/campaigns`);
    expect(list.body.total).toBe(0);
  });

  it('when a profile collection is given a title or a target profile, creation is refused with CAMPAIGN_TITLE_NOT_ALLOWED and TARGET_PROFILE_NOT_ALLOWED', async () => {
    const { organization, memberAgent } = await team();
    const response = await create(memberAgent, organization.id, { type: 'PROFILES_COLLECTION', name: 'Profils', title: 'Titre', targetProfileId: ARTS });
    expect(pointers(response)).toEqual(
      expect.arrayContaining([
        ['CAMPAIGN_TITLE_NOT_ALLOWED', '/title'],
        ['TARGET_PROFILE_NOT_ALLOWED', '/targetProfileId'],
      ]),
    );
  });

  it('when the target profile belongs to another organization, creation is refused with TARGET_PROFILE_NOT_ALLOWED', async () => {
    const { organization, memberAgent } = await team();
    const other = await createOrganization(t.database.db);
    await t.database.db.insert(targetProfiles).values({
      id: `tp-prive-${other.id.slice(0, 8)}`,
      name: 'Parcours privé',
      category: 'CUSTOM',
      isPublic: false,
      ownerOrganizationId: other.id,
      locales: ['fr'],
      tubes: [],
      stages: [],
      badges: [],
      origin: 'custom',
    });
    const response = await create(memberAgent, organization.id, { ...assessment, targetProfileId: `tp-prive-${other.id.slice(0, 8)}` });
    expect(pointers(response)).toEqual([['TARGET_PROFILE_NOT_ALLOWED', '/targetProfileId']]);
  });

  it('with the features, an EXAM and multiple sendings are accepted; another active member may be the owner', async () => {
    const { organization, admin, memberAgent } = await team(['CAMPAIGN_WITHOUT_USER_PROFILE', 'MULTIPLE_SENDING_ASSESSMENT']);
    const response = await create(memberAgent, organization.id, { ...assessment, type: 'EXAM', multipleSendings: true, ownerId: admin.id });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ type: 'EXAM', multipleSendings: true, owner: { id: admin.id }, canManage: false });
  });

  it('a code already taken, even by a deleted campaign, is redrawn', async () => {
    const { organization, admin } = await team();
    const taken = await createCampaignRow(t.database.db, { organizationId: organization.id, ownerId: admin.id, deletedAt: new Date() });
    const draws = [taken.code, 'ABCDEF234'.replace('ABCDEF', taken.code.startsWith('A') ? 'BCDEFG' : 'ABCDEF')];
    const campaignId = await createCampaign(
      { db: t.database.db, clock: t.clock, release: t.content.release, publicUrl: '', drawCode: () => draws.shift()! },
      { organizationId: organization.id, creatorId: admin.id, body: { ...assessment, type: 'ASSESSMENT', title: null, customLandingPageText: null, customResultPageText: null, customResultPageButtonText: null, customResultPageButtonUrl: null, externalIdLabel: null, externalIdType: null, multipleSendings: false, ownerId: null } },
    );
    const [stored] = await t.database.db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(stored!.code).not.toBe(taken.code);
    expect(stored!.code).toMatch(CODE);
    expect(draws).toEqual([]);
  });
});

describe('campaigns: lists', () => {
  it('« Mes campagnes » and « Toutes les campagnes »: newest first, search by name, owner filter, archived apart, learners counted once', async () => {
    const { organization, admin, member, memberAgent } = await team();
    const base = `/api/organizations/${organization.id}/campaigns`;
    const older = await createCampaignRow(t.database.db, { organizationId: organization.id, ownerId: member.id, name: 'Arts 4e A', createdAt: new Date('2026-01-01') });
    const newer = await createCampaignRow(t.database.db, { organizationId: organization.id, ownerId: admin.id, name: 'Technologie 3e', createdAt: new Date('2026-02-01') });
    const archived = await createCampaignRow(t.database.db, { organizationId: organization.id, ownerId: member.id, name: 'Arts ancien', archivedAt: new Date() });
    await createCampaignRow(t.database.db, { organizationId: organization.id, ownerId: member.id, name: 'Arts supprimé', deletedAt: new Date() });
    await createCampaignRow(t.database.db, { organizationId: (await createOrganization(t.database.db)).id, ownerId: member.id, name: 'Arts ailleurs' });

    const learner = await participate(organization.id, older.id, 'SHARED');
    // The same learner sent again: still one participant.
    await t.database.db.update(participations).set({ isImproved: true }).where(eq(participations.campaignId, older.id));
    await t.database.db.insert(participations).values({ campaignId: older.id, userId: learner.userId, organizationLearnerId: learner.learnerId, status: 'STARTED' });
    await participate(organization.id, older.id, 'STARTED');

    const all = await memberAgent.get<CampaignsPage>(base);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 2 });
    expect(all.body.items.map((c) => c.name)).toEqual(['Technologie 3e', 'Arts 4e A']);
    expect(all.body.items[1]).toMatchObject({ participantCount: 2, sharedCount: 1, owner: { firstName: 'Bruno', lastName: 'Petit' } });
    expect(all.body.items[0]!.code).toBe((await t.database.db.select().from(campaigns).where(eq(campaigns.id, newer.id)))[0]!.code);

    const mine = await memberAgent.get<CampaignsPage>(`${base}?ownerId=${member.id}`);
    expect(mine.body.items.map((c) => c.name)).toEqual(['Arts 4e A']);
    const searched = await memberAgent.get<CampaignsPage>(`${base}?search=${encodeURIComponent('TECHNO')}`);
    expect(searched.body.items.map((c) => c.name)).toEqual(['Technologie 3e']);
    const archivedList = await memberAgent.get<CampaignsPage>(`${base}?status=ARCHIVED`);
    expect(archivedList.body.items.map((c) => c.id)).toEqual([archived.id]);
    const paged = await memberAgent.get<CampaignsPage>(`${base}?pageSize=10&page=2`);
    expect(paged.body).toMatchObject({ items: [], page: 2, pageSize: 10, total: 2 });
  });

  it('when the page size is not 10, 25, 50 or 100, the list is refused with INVALID_REQUEST', async () => {
    const { organization, memberAgent } = await team();
    const response = await memberAgent.get(`/api/organizations/${organization.id}/campaigns?pageSize=20`);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['INVALID_REQUEST']);
  });
});

describe('campaigns: settings', () => {
  it('the owner edits the name, title, texts, result button and owner; the detail shows them', async () => {
    const { organization, admin, memberAgent } = await team();
    const { body } = await create(memberAgent, organization.id, assessment);
    const response = await memberAgent.patch<Campaign>(`/api/campaigns/${body.id}`, {
      name: 'Arts 4e C',
      title: 'Portfolio',
      customLandingPageText: 'Prenez votre temps.',
      customResultPageText: 'Merci !',
      customResultPageButtonText: 'Continuer',
      customResultPageButtonUrl: 'https://example.org/suite',
      ownerId: admin.id,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Arts 4e C',
      title: 'Portfolio',
      customLandingPageText: 'Prenez votre temps.',
      customResultPageButtonUrl: 'https://example.org/suite',
      owner: { id: admin.id },
      code: body.code,
      targetProfile: { id: ARTS },
      canManage: false,
    });
  });

  it('an ADMIN edits a MEMBER’s campaign', async () => {
    const { organization, adminAgent, memberAgent } = await team();
    const { body } = await create(memberAgent, organization.id, assessment);
    const response = await adminAgent.patch<Campaign>(`/api/campaigns/${body.id}`, { customLandingPageText: 'Texte de l’administratrice' });
    expect(response.status).toBe(200);
    expect(response.body.customLandingPageText).toBe('Texte de l’administratrice');
  });

  it('when a field is invalid, the edit is refused with its own code and changes nothing', async () => {
    const { organization, memberAgent } = await team();
    const { body } = await create(memberAgent, organization.id, assessment);
    const response = await memberAgent.patch(`/api/campaigns/${body.id}`, { name: '', title: 'x'.repeat(51), customLandingPageText: 'Changé' });
    expect(pointers(response)).toEqual(
      expect.arrayContaining([
        ['CAMPAIGN_NAME_REQUIRED', '/name'],
        ['CAMPAIGN_TITLE_TOO_LONG', '/title'],
      ]),
    );
    expect((await memberAgent.get<Campaign>(`/api/campaigns/${body.id}`)).body.customLandingPageText).toBeNull();
  });

  it('when someone has joined, changing the external id or multiple sendings is refused with CAMPAIGN_HAS_PARTICIPATIONS; the texts stay editable', async () => {
    const { organization, memberAgent } = await team(['MULTIPLE_SENDING_ASSESSMENT']);
    const { body } = await create(memberAgent, organization.id, assessment);
    await participate(organization.id, body.id, 'STARTED');
    for (const change of [{ multipleSendings: true }, { externalIdLabel: 'INE' }]) {
      const response = await memberAgent.patch(`/api/campaigns/${body.id}`, change);
      expect(response.status).toBe(409);
      expect(errorCodes(response)).toEqual(['CAMPAIGN_HAS_PARTICIPATIONS']);
    }
    expect((await memberAgent.patch(`/api/campaigns/${body.id}`, { multipleSendings: false, customLandingPageText: 'Ok' })).status).toBe(200);
  });

  it('without participations, the external id and multiple sendings may change', async () => {
    const { organization, memberAgent } = await team(['MULTIPLE_SENDING_ASSESSMENT']);
    const { body } = await create(memberAgent, organization.id, assessment);
    const response = await memberAgent.patch<Campaign>(`/api/campaigns/${body.id}`, { multipleSendings: true, externalIdLabel: 'Adresse', externalIdType: 'EMAIL' });
    expect(response.body).toMatchObject({ multipleSendings: true, externalIdLabel: 'Adresse', externalIdType: 'EMAIL' });
  });

  it('when the new owner is not an active member, the edit is refused with OWNER_NOT_A_MEMBER', async () => {
    const { organization, memberAgent } = await team();
    const { body } = await create(memberAgent, organization.id, assessment);
    const stranger = await createUser(t.database.db);
    expect(pointers(await memberAgent.patch(`/api/campaigns/${body.id}`, { ownerId: stranger.id }))).toEqual([['OWNER_NOT_A_MEMBER', '/ownerId']]);
  });

  it('the owner archives then unarchives; the archived campaign leaves « En cours » for « Archivées »', async () => {
    const { organization, memberAgent } = await team();
    const { body } = await create(memberAgent, organization.id, assessment);
    const archived = await memberAgent.post<Campaign>(`/api/campaigns/${body.id}/archive`);
    expect(archived.body.archivedAt).not.toBeNull();
    const base = `/api/organizations/${organization.id}/campaigns`;
    expect((await memberAgent.get<CampaignsPage>(base)).body.total).toBe(0);
    expect((await memberAgent.get<CampaignsPage>(`${base}?status=ARCHIVED`)).body.total).toBe(1);
    const restored = await memberAgent.post<Campaign>(`/api/campaigns/${body.id}/unarchive`);
    expect(restored.body.archivedAt).toBeNull();
  });

  it('a deleted campaign keeps its code, loses its name and texts, anonymises its participations, and answers 404 CAMPAIGN_NOT_FOUND from then on', async () => {
    const { organization, memberAgent, adminAgent } = await team();
    const { body } = await create(memberAgent, organization.id, { ...assessment, customLandingPageText: 'Bonjour', externalIdLabel: 'INE' });
    await participate(organization.id, body.id, 'SHARED', '123456789AB');
    const response = await memberAgent.delete(`/api/campaigns/${body.id}`);
    expect(response.status).toBe(204);

    const [stored] = await t.database.db.select().from(campaigns).where(eq(campaigns.id, body.id));
    expect(stored).toMatchObject({ code: body.code, name: '', customLandingPageText: null, title: null });
    expect(stored!.deletedAt).not.toBeNull();
    const rows = await t.database.db.select().from(participations).where(eq(participations.campaignId, body.id));
    expect(rows.map((p) => [p.participantExternalId, p.deletedAt !== null])).toEqual([[null, true]]);

    for (const after of [
      await adminAgent.get(`/api/campaigns/${body.id}`),
      await adminAgent.patch(`/api/campaigns/${body.id}`, { name: 'Retour' }),
      await adminAgent.post(`/api/campaigns/${body.id}/duplicate`),
      await adminAgent.delete(`/api/campaigns/${body.id}`),
    ]) {
      expect(after.status).toBe(404);
      expect(errorCodes(after)).toEqual(['CAMPAIGN_NOT_FOUND']);
    }
    expect((await adminAgent.get<CampaignsPage>(`/api/organizations/${organization.id}/campaigns`)).body.total).toBe(0);
  });

  it('duplicate: « Copie de {name} », a new code, the same settings, owned by whoever duplicated it', async () => {
    const { organization, admin, memberAgent, adminAgent } = await team();
    const { body } = await create(memberAgent, organization.id, { ...assessment, title: 'Portfolio', customLandingPageText: 'Bonjour' });
    const response = await adminAgent.post<Campaign>(`/api/campaigns/${body.id}/duplicate`);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'Copie de Arts 4e B',
      title: 'Portfolio',
      customLandingPageText: 'Bonjour',
      targetProfile: { id: ARTS },
      owner: { id: admin.id },
    });
    expect(response.body.code).not.toBe(body.code);
    expect(response.body.code).toMatch(CODE);
    const skills = await t.database.db.select().from(campaignSkills).where(eq(campaignSkills.campaignId, response.body.id));
    expect(skills.length).toBeGreaterThan(0);
  });

  it('bulk delete is all or none: one campaign the MEMBER does not own, or one of another organization, refuses the whole selection', async () => {
    const { organization, admin, member, memberAgent } = await team();
    const own = await createCampaignRow(t.database.db, { organizationId: organization.id, ownerId: member.id });
    const hers = await createCampaignRow(t.database.db, { organizationId: organization.id, ownerId: admin.id });
    const elsewhere = await createCampaignRow(t.database.db, { organizationId: (await createOrganization(t.database.db)).id, ownerId: member.id });
    const url = `/api/organizations/${organization.id}/campaigns/delete`;
    expect(errorCodes(await memberAgent.post(url, { campaignIds: [own.id, hers.id] }))).toEqual(['CAMPAIGN_EDIT_FORBIDDEN']);
    const foreign = await memberAgent.post(url, { campaignIds: [own.id, elsewhere.id] });
    expect(foreign.status).toBe(404);
    expect(errorCodes(foreign)).toEqual(['CAMPAIGN_NOT_FOUND']);
    expect((await memberAgent.get<CampaignsPage>(`/api/organizations/${organization.id}/campaigns`)).body.total).toBe(2);
    expect((await memberAgent.post(url, { campaignIds: [own.id] })).status).toBe(204);
    expect((await memberAgent.get<CampaignsPage>(`/api/organizations/${organization.id}/campaigns`)).body.items.map((c) => c.id)).toEqual([hers.id]);
  });
});
