import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignSkills, participations, snapshotKnowledgeElements } from '../src/modules/campaigns/schema';
import { schoolYearOf } from '../src/modules/statistics';
import { createCampaign, createLearner } from './support/campaign-factory';
import { addMember, createOrganization, createTeam, createUser, PASSWORD } from './support/factory';
import { Agent } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

interface Statistics {
  schoolYear: number;
  schoolYears: number[];
  divisions: string[];
  learnerCount: number;
  areas: { competences: { id: string; tubes: { id: string; learnerCount: number; gauge: { meanLevel: number; meanMaxLevel: number; band: string } }[] }[] }[];
}

const tubesOf = (s: Statistics) => s.areas.flatMap((a) => a.competences.flatMap((c) => c.tubes));

/** A sent participation whose snapshot validates, per tube, the skills up to `levels[tube]` (0: none). */
async function sent(
  campaign: { id: string; organizationId: string },
  learner: { id: string; userId: string | null },
  sharedAt: Date,
  levels: Record<string, number>,
  fields: Partial<typeof participations.$inferInsert> = {},
) {
  const db = t.database.db;
  const [p] = await db
    .insert(participations)
    .values({ campaignId: campaign.id, userId: learner.userId!, organizationLearnerId: learner.id, status: 'SHARED', sharedAt, createdAt: sharedAt, ...fields })
    .returning();
  const skills = await db.select().from(campaignSkills).where(eq(campaignSkills.campaignId, campaign.id));
  const chosen = skills.filter((s) => s.tubeId in levels);
  await db.insert(snapshotKnowledgeElements).values(
    chosen.map((s, i) => ({
      participationId: p!.id,
      skillId: s.skillId,
      tubeId: s.tubeId,
      competenceId: s.competenceId,
      status: s.level <= levels[s.tubeId]! ? 'validated' : 'invalidated',
      source: 'direct',
      earnedPix: 0,
      knowledgeElementId: i + 1,
      createdAt: sharedAt,
    })),
  );
  return p!;
}

async function pupil(organizationId: string, division: string, firstName: string) {
  const user = await createUser(t.database.db, { firstName });
  return createLearner(t.database.db, organizationId, { firstName, lastName: 'Élève', birthdate: '2011-05-05', division, userId: user.id });
}

describe('« Statistiques »', () => {
  it('the school year starts on 1 September in the organization time zone', () => {
    expect(schoolYearOf(new Date('2026-08-31T21:59:00Z'), 'Europe/Paris')).toBe(2025);
    expect(schoolYearOf(new Date('2026-08-31T22:00:00Z'), 'Europe/Paris')).toBe(2026);
  });

  it('positions learners per tube from their latest sent result of the year, per class, and only for members', async () => {
    const team = await createTeam(t.database.db, { type: 'SCO', isManagingStudents: true, timeZone: 'Europe/Paris' });
    const org = team.organization.id;
    const first = await createCampaign(t.database.db, t.content.release, { organizationId: org, ownerId: team.member.id });
    const second = await createCampaign(t.database.db, t.content.release, { organizationId: org, ownerId: team.member.id });
    const collection = await createCampaign(t.database.db, t.content.release, { organizationId: org, ownerId: team.member.id, type: 'PROFILES_COLLECTION' });
    const [tube] = await t.database.db.selectDistinct({ tubeId: campaignSkills.tubeId }).from(campaignSkills).where(eq(campaignSkills.campaignId, first.id)).limit(1);
    const tubeId = tube!.tubeId;
    const charles = await pupil(org, '3A', 'Charles');
    const garance = await pupil(org, '3A', 'Garance');
    const ines = await pupil(org, '3B', 'Inès');

    // Charles: level 1 in September, then level 3 in a later campaign: the latest counts.
    await sent(first, charles, new Date('2026-09-15T10:00:00Z'), { [tubeId]: 1 });
    await sent(second, charles, new Date('2026-10-15T10:00:00Z'), { [tubeId]: 3 });
    // Garance: level 2; a deleted participation at level 0 is ignored.
    await sent(first, garance, new Date('2026-09-20T10:00:00Z'), { [tubeId]: 2 });
    await sent(second, garance, new Date('2026-10-20T10:00:00Z'), { [tubeId]: 0 }, { deletedAt: new Date('2026-10-21T10:00:00Z') });
    // Inès (3B): level 0 this year, level 3 the year before.
    await sent(first, ines, new Date('2026-09-21T10:00:00Z'), { [tubeId]: 0 });
    await sent(second, ines, new Date('2026-06-01T10:00:00Z'), { [tubeId]: 3 });
    // A profile collection never counts.
    await t.database.db.insert(participations).values({ campaignId: collection.id, userId: ines.userId!, organizationLearnerId: ines.id, status: 'SHARED', sharedAt: new Date('2026-10-01T10:00:00Z') });

    t.clock.offsetMs = new Date('2026-11-25T10:00:00Z').getTime() - Date.now();
    const teacher = new Agent(t.app);
    await teacher.signIn(team.member.email, PASSWORD);
    const all = await teacher.get<Statistics>(`/api/organizations/${org}/statistics`);
    expect(all.status).toBe(200);
    expect(all.body.schoolYear).toBe(2026);
    expect(all.body.schoolYears).toEqual([2026, 2025]);
    expect(all.body.divisions).toEqual(['3A', '3B']);
    expect(all.body.learnerCount).toBe(3);
    expect(tubesOf(all.body).find((x) => x.id === tubeId)).toMatchObject({ learnerCount: 3, gauge: { meanLevel: (3 + 2 + 0) / 3, band: 'BEGINNER' } });

    const classA = await teacher.get<Statistics>(`/api/organizations/${org}/statistics?divisions=3A`);
    expect(tubesOf(classA.body).find((x) => x.id === tubeId)).toMatchObject({ learnerCount: 2, gauge: { meanLevel: 2.5, band: 'BEGINNER' } });

    const lastYear = await teacher.get<Statistics>(`/api/organizations/${org}/statistics?schoolYear=2025`);
    expect(tubesOf(lastYear.body).find((x) => x.id === tubeId)).toMatchObject({ learnerCount: 1, gauge: { meanLevel: 3, band: 'INDEPENDENT' } });

    const stranger = await createUser(t.database.db);
    const elsewhere = await createOrganization(t.database.db);
    await addMember(t.database.db, elsewhere.id, stranger.id);
    const outsider = new Agent(t.app);
    await outsider.signIn(stranger.email, PASSWORD);
    expect([403, 404]).toContain((await outsider.get(`/api/organizations/${org}/statistics`)).status);
    t.clock.offsetMs = 0;
  });
});
