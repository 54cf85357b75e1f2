import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answers, assessments } from '../src/modules/assessment/schema';
import { campaigns, participations } from '../src/modules/campaigns/schema';
import { organizationFeatures } from '../src/modules/organizations';
import { outboxMails } from '../src/platform/mail/schema';
import { participationReminders } from '../src/modules/reminders/schema';
import { createCampaign, createLearner } from './support/campaign-factory';
import { addMember, createOrganization, createTeam, createUser, makePlatformAdmin, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
beforeAll(async () => {
  // Jobs deliver the mails; the timer stays off so that only the test sweeps.
  t = await createTestApp({ configOverrides: { reminders: { enabled: false, sweepSeconds: 300 } } });
});
afterAll(async () => t.close());
beforeEach(() => {
  t.clock.offsetMs = 0;
});

/** Moves the server clock to `instant`. */
function at(instant: Date | number) {
  t.clock.offsetMs = new Date(instant).getTime() - Date.now();
}

const sweep = () => t.sendDueReminders();

/** A school (Paris time) with reminders on, a teacher and an assessment campaign. */
async function school(features = ['REMINDERS']) {
  const team = await createTeam(t.database.db, { type: 'SCO', isManagingStudents: true, timeZone: 'Europe/Paris' });
  const db = t.database.db;
  const { organization } = team;
  if (features.length) await db.insert(organizationFeatures).values(features.map((feature) => ({ organizationId: organization.id, feature })));
  const campaign = await createCampaign(db, t.content.release, { organizationId: organization.id, ownerId: team.member.id, title: 'Rentrée 3e' });
  return { ...team, campaign };
}

/** A pupil's participation: STARTED with a last answer at `lastAnswerAt`, or TO_SHARE completed at `completedAt`. */
async function participation(
  campaign: { id: string; organizationId: string },
  state: { completedAt: Date } | { lastAnswerAt: Date },
  fields: { email?: string | null; division?: string; firstName?: string } = {},
) {
  const db = t.database.db;
  const user = await createUser(db, { firstName: fields.firstName ?? 'Garance', ...(fields.email === null ? { email: null, username: `eleve.${Math.random().toString(36).slice(2, 8)}` } : {}) });
  const learner = await createLearner(db, campaign.organizationId, { firstName: fields.firstName ?? 'Garance', lastName: 'Leroy', birthdate: '2010-11-21', division: fields.division ?? '3A', userId: user.id });
  const started = 'completedAt' in state ? new Date(state.completedAt.getTime() - HOUR) : new Date(state.lastAnswerAt.getTime() - HOUR);
  const [row] = await db
    .insert(participations)
    .values({ campaignId: campaign.id, userId: user.id, organizationLearnerId: learner.id, status: 'completedAt' in state ? 'TO_SHARE' : 'STARTED', createdAt: started })
    .returning();
  const [assessment] = await db
    .insert(assessments)
    .values({
      userId: user.id,
      type: 'CAMPAIGN',
      participationId: row!.id,
      state: 'completedAt' in state ? 'completed' : 'started',
      completedAt: 'completedAt' in state ? state.completedAt : null,
      createdAt: started,
    })
    .returning();
  if ('lastAnswerAt' in state) {
    await db.insert(answers).values({ assessmentId: assessment!.id, challengeId: 'c1', skillId: 's1', value: 'x', result: 'ok', createdAt: state.lastAnswerAt });
  }
  return { participation: row!, user };
}

async function remindersOf(participationId: string) {
  return t.database.db.select().from(participationReminders).where(eq(participationReminders.participationId, participationId)).orderBy(participationReminders.sentAt);
}

async function mailsTo(email: string) {
  return t.database.db.select().from(outboxMails).where(eq(outboxMails.to, email));
}

// Tuesday 10 November 2026, 10:00 in Paris (UTC+1).
const COMPLETED = new Date('2026-11-10T09:00:00Z');

describe('automatic reminders', () => {
  it('a participation completed and not sent gets one reminder 24 h later, three by day 8 and never a fourth', async () => {
    const { campaign } = await school();
    const { participation: p, user } = await participation(campaign, { completedAt: COMPLETED });

    at(COMPLETED.getTime() + 23 * HOUR);
    await sweep();
    expect(await remindersOf(p.id)).toHaveLength(0);

    at(COMPLETED.getTime() + DAY + 60_000);
    await sweep();
    await sweep();
    expect(await remindersOf(p.id)).toMatchObject([{ kind: 'TO_SHARE', ordinal: 1 }]);
    const [mail] = await mailsTo(user.email);
    expect(mail?.subject).toBe("Vous n'avez pas envoyé vos résultats");
    expect(mail?.text).toContain('« Rentrée 3e »');
    expect(mail?.text).toContain(`http://jalon.test/campagnes/${campaign.code}`);

    for (const day of [3, 7, 8, 12, 30]) {
      at(COMPLETED.getTime() + day * DAY + 60_000);
      await sweep();
    }
    expect((await remindersOf(p.id)).map((r) => r.ordinal)).toEqual([1, 2, 3]);
    expect(await mailsTo(user.email)).toHaveLength(3);
  });

  it('the learner sees a banner for the participation while it waits, not once it is sent', async () => {
    const { campaign } = await school();
    const { participation: p, user } = await participation(campaign, { completedAt: COMPLETED });
    at(COMPLETED.getTime() + DAY + 60_000);
    await sweep();
    const pupil = new Agent(t.app);
    await pupil.signIn(user.email, PASSWORD);
    const banner = await pupil.get<{ reminders: unknown[] }>('/api/me/reminders');
    expect(banner.status).toBe(200);
    expect(banner.body.reminders).toEqual([
      { participationId: p.id, campaignCode: campaign.code, campaignTitle: 'Rentrée 3e', status: 'TO_SHARE', lastSentAt: expect.any(String) },
    ]);
    await t.database.db.update(participations).set({ status: 'SHARED', sharedAt: t.clock.now() }).where(eq(participations.id, p.id));
    expect((await pupil.get<{ reminders: unknown[] }>('/api/me/reminders')).body.reminders).toEqual([]);
  });

  it('sending the results on day 2 stops the series', async () => {
    const { campaign } = await school();
    const { participation: p } = await participation(campaign, { completedAt: COMPLETED });
    at(COMPLETED.getTime() + DAY + 60_000);
    await sweep();
    await t.database.db.update(participations).set({ status: 'SHARED', sharedAt: new Date(COMPLETED.getTime() + 2 * DAY) }).where(eq(participations.id, p.id));
    at(COMPLETED.getTime() + 8 * DAY);
    await sweep();
    expect(await remindersOf(p.id)).toHaveLength(1);
  });

  it('a reminder due at 22:00 (organization time) leaves at 07:00 the next morning', async () => {
    const { campaign } = await school();
    // 22:00 in Paris.
    const late = new Date('2026-11-10T21:00:00Z');
    const { participation: p } = await participation(campaign, { completedAt: late });
    at(late.getTime() + DAY + 60_000);
    await sweep();
    expect(await remindersOf(p.id)).toHaveLength(0);
    at(new Date('2026-11-12T05:59:00Z'));
    await sweep();
    expect(await remindersOf(p.id)).toHaveLength(0);
    at(new Date('2026-11-12T06:00:30Z'));
    await sweep();
    expect(await remindersOf(p.id)).toHaveLength(1);
  });

  it('a test left midway gets « Terminez votre parcours » 3 and 6 days after the last answer; both series share the limit of 3', async () => {
    const { campaign } = await school();
    const lastAnswer = new Date('2026-11-02T09:00:00Z');
    const { participation: p, user } = await participation(campaign, { lastAnswerAt: lastAnswer });
    at(lastAnswer.getTime() + 3 * DAY - HOUR);
    await sweep();
    expect(await remindersOf(p.id)).toHaveLength(0);
    for (const day of [3, 6]) {
      at(lastAnswer.getTime() + day * DAY + 60_000);
      await sweep();
    }
    expect((await remindersOf(p.id)).map((r) => [r.kind, r.ordinal])).toEqual([
      ['STARTED', 1],
      ['STARTED', 2],
    ]);
    expect((await mailsTo(user.email)).map((m) => m.subject)).toEqual(['Terminez votre parcours', 'Terminez votre parcours']);

    // The pupil finishes on day 7: one reminder is left for the other series.
    const completed = new Date(lastAnswer.getTime() + 7 * DAY);
    await t.database.db.update(participations).set({ status: 'TO_SHARE' }).where(eq(participations.id, p.id));
    await t.database.db.update(assessments).set({ state: 'completed', completedAt: completed }).where(eq(assessments.participationId, p.id));
    for (const day of [1, 3, 7]) {
      at(completed.getTime() + day * DAY + 60_000);
      await sweep();
    }
    expect((await remindersOf(p.id)).map((r) => [r.kind, r.ordinal])).toEqual([
      ['STARTED', 1],
      ['STARTED', 2],
      ['TO_SHARE', 1],
    ]);
  });

  it('sends nothing for an archived campaign, a deleted participation or an organization without the toggle', async () => {
    const archived = await school();
    await t.database.db.update(campaigns).set({ archivedAt: COMPLETED }).where(eq(campaigns.id, archived.campaign.id));
    const inArchived = await participation(archived.campaign, { completedAt: COMPLETED });
    const live = await school();
    const deleted = await participation(live.campaign, { completedAt: COMPLETED });
    await t.database.db.update(participations).set({ deletedAt: COMPLETED }).where(eq(participations.id, deleted.participation.id));
    const off = await school([]);
    const inOff = await participation(off.campaign, { completedAt: COMPLETED });
    at(COMPLETED.getTime() + 8 * DAY);
    await sweep();
    for (const { participation: p } of [inArchived, deleted, inOff]) expect(await remindersOf(p.id)).toHaveLength(0);
  });

  it('a pupil without an e-mail address gets the banner only', async () => {
    const { campaign } = await school();
    const { participation: p } = await participation(campaign, { completedAt: COMPLETED }, { email: null });
    at(COMPLETED.getTime() + DAY + 60_000);
    await sweep();
    expect(await remindersOf(p.id)).toMatchObject([{ kind: 'TO_SHARE', mailId: null }]);
  });

  it('the test-support route runs the sweep for a platform admin', async () => {
    const admin = await createUser(t.database.db);
    await makePlatformAdmin(t.database.db, admin.id);
    const agent = new Agent(t.app);
    await agent.signIn(admin.email, PASSWORD);
    const response = await agent.post<{ sent: number }>('/api/admin/reminders/run');
    expect(response.status).toBe(200);
    expect(response.body.sent).toBeGreaterThanOrEqual(0);
  });
});

describe('« Relancer »', () => {
  it('a teacher nudges one pupil at most once a day, which does not count towards the three automatic reminders', async () => {
    const { campaign, member } = await school();
    const { participation: p, user } = await participation(campaign, { completedAt: COMPLETED });
    const teacher = new Agent(t.app);
    await teacher.signIn(member.email, PASSWORD);
    at(COMPLETED.getTime() + HOUR);
    const url = `/api/campaigns/${campaign.id}/participations/${p.id}/reminders`;
    const first = await teacher.post<{ mailed: boolean }>(url);
    expect(first.status).toBe(201);
    expect(first.body.mailed).toBe(true);
    const again = await teacher.post(url);
    expect(again.status).toBe(409);
    expect(errorCodes(again)).toEqual(['REMINDER_TOO_SOON']);
    at(COMPLETED.getTime() + DAY + 2 * HOUR);
    expect((await teacher.post(url)).status).toBe(201);
    for (const day of [1, 3, 7, 9]) {
      at(COMPLETED.getTime() + day * DAY + 3 * HOUR);
      await sweep();
    }
    const sent = await remindersOf(p.id);
    expect(sent.filter((r) => r.kind === 'MANUAL')).toHaveLength(2);
    expect(sent.filter((r) => r.kind !== 'MANUAL')).toHaveLength(3);
    expect(await mailsTo(user.email)).toHaveLength(5);
  });

  it('refuses a sent participation and one of another campaign', async () => {
    const { campaign, member, organization } = await school();
    const other = await createCampaign(t.database.db, t.content.release, { organizationId: organization.id, ownerId: member.id });
    const { participation: p } = await participation(campaign, { completedAt: COMPLETED });
    await t.database.db.update(participations).set({ status: 'SHARED', sharedAt: COMPLETED }).where(eq(participations.id, p.id));
    const teacher = new Agent(t.app);
    await teacher.signIn(member.email, PASSWORD);
    const shared = await teacher.post(`/api/campaigns/${campaign.id}/participations/${p.id}/reminders`);
    expect(errorCodes(shared)).toEqual(['ALREADY_SHARED']);
    const elsewhere = await teacher.post(`/api/campaigns/${other.id}/participations/${p.id}/reminders`);
    expect(elsewhere.status).toBe(404);
    expect(errorCodes(elsewhere)).toEqual(['PARTICIPATION_NOT_FOUND']);
  });

  it('a member of another organization cannot nudge', async () => {
    const { campaign } = await school();
    const { participation: p } = await participation(campaign, { completedAt: COMPLETED });
    const stranger = await createUser(t.database.db);
    const elsewhere = await createOrganization(t.database.db);
    await addMember(t.database.db, elsewhere.id, stranger.id);
    const agent = new Agent(t.app);
    await agent.signIn(stranger.email, PASSWORD);
    expect([403, 404]).toContain((await agent.post(`/api/campaigns/${campaign.id}/participations/${p.id}/reminders`)).status);
    expect(await remindersOf(p.id)).toHaveLength(0);
  });

  it('nudges a whole class, skipping pupils who sent or were nudged today', async () => {
    const { campaign, member } = await school();
    const waiting = await participation(campaign, { completedAt: COMPLETED }, { firstName: 'Louis' });
    const midway = await participation(campaign, { lastAnswerAt: COMPLETED }, { firstName: 'Garance' });
    const sent = await participation(campaign, { completedAt: COMPLETED }, { firstName: 'Charles' });
    await t.database.db.update(participations).set({ status: 'SHARED', sharedAt: COMPLETED }).where(eq(participations.id, sent.participation.id));
    const otherClass = await participation(campaign, { completedAt: COMPLETED }, { firstName: 'Inès', division: '3B' });
    const teacher = new Agent(t.app);
    await teacher.signIn(member.email, PASSWORD);
    at(COMPLETED.getTime() + HOUR);
    expect((await teacher.post(`/api/campaigns/${campaign.id}/participations/${midway.participation.id}/reminders`)).status).toBe(201);
    const response = await teacher.post<{ sent: number; skipped: number }>(`/api/campaigns/${campaign.id}/reminders`, { divisions: ['3A'] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sent: 1, skipped: 1 });
    expect(await remindersOf(waiting.participation.id)).toHaveLength(1);
    expect(await remindersOf(otherClass.participation.id)).toHaveLength(0);
    const manual = await t.database.db
      .select()
      .from(participationReminders)
      .where(and(eq(participationReminders.participationId, midway.participation.id), eq(participationReminders.kind, 'MANUAL')));
    expect(manual).toHaveLength(1);
  });
});
