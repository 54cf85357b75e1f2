import { Writable } from 'node:stream';
import { CERTIFICATION_ISSUE_CATEGORIES, REPORT_CATEGORIES } from '@jalon/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments } from '../src/modules/assessment';
import { participations } from '../src/modules/campaigns';
import { certificationCandidates, certificationSittings } from '../src/modules/certification-centre';
import { certificationCourses } from '../src/modules/certification-course';
import { learnerSortKey } from '../src/modules/organizations';
import { queryRows } from '../src/platform/db/database';
import { createCampaignRow, createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

// The warn lines the app logs: each refused cross-organization attempt must leave one.
const warnings: Array<Record<string, unknown>> = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) warnings.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false, logger: { level: 'warn', stream: capture } });
});
afterAll(async () => t.close());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const SAMPLE_BODY = { role: 'MEMBER', emails: 'intrus@example.org', features: [], name: 'x', type: 'PRO', code: 'AAAAAAAAAA' };

/**
 * A body the route's schema accepts, so a refusal proves the ownership check and not mere
 * validation; the certification entry even carries the target sitting's real access code.
 */
function bodyFor(method: string, url: string, accessCode: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  const answer = { challengeId: 'rec-challenge', skipped: true };
  if (url.startsWith('/api/assessments/:assessmentId/reports')) return { challengeId: 'rec-challenge', category: REPORT_CATEGORIES[0] };
  if (url.startsWith('/api/certification-courses/:courseId/issue-reports')) return { category: CERTIFICATION_ISSUE_CATEGORIES[0] };
  if (url.startsWith('/api/certification-entries/')) return { accessCode };
  if (url.endsWith('/answers')) return answer;
  return SAMPLE_BODY;
}

interface Caller {
  label: string;
  userId: string;
  organization: number;
  agent: Agent;
}

/** One school: its staff, one pupil with a participation, and the ids an attacker would aim at. */
async function createSchool(index: number) {
  const db = t.database.db;
  const team = await createTeam(db, { name: `École ${index}` });
  const accessCode = `ACCES${index}`;
  const campaign = await createCampaignRow(db, { organizationId: team.organization.id, ownerId: team.admin.id });
  const pupil = await createUser(db, { firstName: 'Élève', lastName: `Numéro${index}` });
  const learner = await createLearner(db, team.organization.id, { firstName: 'Élève', lastName: `Numéro${index}`, birthdate: '2013-05-04', userId: pupil.id });
  const [participation] = await db
    .insert(participations)
    .values({ campaignId: campaign.id, userId: pupil.id, organizationLearnerId: learner.id, status: 'TO_SHARE' })
    .returning({ id: participations.id });
  const [assessment] = await db
    .insert(assessments)
    .values({ userId: pupil.id, type: 'CAMPAIGN', participationId: participation!.id })
    .returning({ id: assessments.id });
  const [sitting] = await db
    .insert(certificationSittings)
    .values({ centerId: team.organization.id, address: '1 rue de l’École', room: 'CDI', date: '2026-12-01', time: '09:00', invigilatorName: 'M. Surveillant', accessCode, createdBy: team.admin.id })
    .returning({ id: certificationSittings.id });
  const [candidate] = await db
    .insert(certificationCandidates)
    .values({ sittingId: sitting!.id, firstName: 'Élève', lastName: `Numéro${index}`, sortKey: learnerSortKey(`Numéro${index}`, 'Élève'), birthdate: '2013-05-04', organizationLearnerId: learner.id, userId: pupil.id, authorizedAt: new Date() })
    .returning({ id: certificationCandidates.id });
  const [course] = await db
    .insert(certificationCourses)
    .values({ candidateId: candidate!.id, sittingId: sitting!.id, userId: pupil.id, startedAt: new Date() })
    .returning({ id: certificationCourses.id });
  const ids: Record<string, string> = {
    organizationId: team.organization.id,
    campaignId: campaign.id,
    membershipId: team.memberMembership.id,
    participationId: participation!.id,
    organizationLearnerId: learner.id,
    learnerId: learner.id,
    assessmentId: assessment!.id,
    sittingId: sitting!.id,
    candidateId: candidate!.id,
    courseId: course!.id,
  };
  return { team, pupil, ids, accessCode };
}

/** Row counts of every application table in one query, so a snapshot per route stays cheap. */
async function snapshot(tables: string[]): Promise<Record<string, number>> {
  const union = tables.map((name) => `select '${name}' as name, count(*)::int as n from "${name}"`).join(' union all ');
  const rows = await queryRows<{ name: string; n: number }>(t.database.db, sql.raw(union));
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
}

function fill(url: string, ids: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? UNKNOWN);
}

describe('tenant matrix: three organizations, every role, every route', () => {
  it('no caller reads or writes another organization through any route, and every refusal is logged', async () => {
    const schools = [await createSchool(1), await createSchool(2), await createSchool(3)];
    const callers: Caller[] = [];
    for (const [organization, school] of schools.entries()) {
      for (const [label, user] of [
        ['ADMIN', school.team.admin],
        ['MEMBER', school.team.member],
        ['pupil', school.pupil],
      ] as const) {
        const agent = new Agent(t.app);
        expect((await agent.signIn(user.email, PASSWORD)).status).toBe(200);
        callers.push({ label: `${label} of school ${organization + 1}`, userId: user.id, organization, agent });
      }
    }

    const tables = (
      await queryRows<{ table_name: string }>(
        t.database.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limit_counters' order by 1`,
      )
    ).map((row) => row.table_name);

    const tenantParams = t.accessControl.tenantParams();
    const scoped = t.routes.filter(
      (route) => route.access !== 'user' && route.access !== 'public' && route.access !== 'platformAdmin' && tenantParams.some((p) => route.url.includes(`:${p}`)),
    );
    // Nobody here is a platform administrator: those routes refuse them all, other ids or not.
    const platformScoped = t.routes.filter((route) => route.access === 'platformAdmin' && route.url.includes(':'));
    // Pupil routes are open to any account (a pupil joins another school's campaign by its
    // code); those that name someone's participation must still refuse everyone else.
    const pupilScoped = t.routes.filter(
      (route) =>
        route.access === 'user' &&
        (/:(participationId|assessmentId|candidateId|courseId)\b/.test(route.url) || /^\/api\/campaigns\/:campaignId\/my-/.test(route.url)),
    );
    expect(scoped.length).toBeGreaterThanOrEqual(40);
    expect(pupilScoped.length).toBeGreaterThanOrEqual(15);
    expect(platformScoped.length).toBeGreaterThanOrEqual(8);

    // The ids aimed at are live: their owners reach them through the very same routes.
    for (const [organization, school] of schools.entries()) {
      const [admin, , pupil] = callers.filter((caller) => caller.organization === organization);
      for (const [caller, url] of [
        [admin!, '/api/organizations/:organizationId/members'],
        [admin!, '/api/campaigns/:campaignId'],
        [pupil!, '/api/assessments/:assessmentId'],
        [pupil!, '/api/certification-courses/:courseId'],
      ] as const) {
        expect((await caller.agent.get(fill(url, school.ids))).status, `${caller.label} → GET ${url}`).toBe(200);
      }
    }

    let attempts = 0;
    // A pupil's own rows, named by these parameters: another account's id is refused and logged.
    const OWNED = /:(participationId|assessmentId|candidateId|courseId)\b/;
    let ownedRefusals = 0;
    for (const route of [...scoped, ...pupilScoped, ...platformScoped]) {
      const before = await snapshot(tables);
      for (const caller of callers) {
        for (const [target, school] of schools.entries()) {
          if (target === caller.organization) continue;
          const url = fill(route.url, school.ids);
          const logged = warnings.length;
          const response = await caller.agent.request(route.method, url, bodyFor(route.method, route.url, school.accessCode));
          const what = `${caller.label} → ${route.method} ${url} (school ${target + 1})`;
          expect([403, 404], `${what} answered ${response.status}`).toContain(response.status);
          attempts++;
          const ownerParam = OWNED.exec(route.url)?.[1];
          if (pupilScoped.includes(route) && ownerParam) {
            // Refused by the route's own ownership check, then traced with ids only.
            const refusals = warnings.slice(logged).filter((line) => line.msg === 'cross-account access refused');
            expect(refusals, `${what} was not logged`).toHaveLength(1);
            expect(refusals[0]).toMatchObject({ route: `${route.method} ${route.url}`, userId: caller.userId, [ownerParam]: school.ids[ownerParam] });
            ownedRefusals++;
          }
          if (!scoped.includes(route)) continue;
          // The guard refuses before the handler runs, and leaves an id-only trail.
          expect(response.status, what).toBe(403);
          const refusals = warnings.slice(logged).filter((line) => line.msg === 'cross-organization access refused');
          expect(refusals, `${what} was not logged`).toHaveLength(1);
          expect(refusals[0]).toMatchObject({ route: `${route.method} ${route.url}`, userId: caller.userId, targetOrganizationId: school.ids.organizationId });
        }
      }
      expect(await snapshot(tables), `${route.method} ${route.url} wrote something`).toEqual(before);
    }
    expect(attempts).toBe((scoped.length + pupilScoped.length + platformScoped.length) * callers.length * 2);
    expect(ownedRefusals).toBe(pupilScoped.filter((route) => OWNED.test(route.url)).length * callers.length * 2);

    // The trail names no one: ids only, never an e-mail or a pupil's name.
    const trail = JSON.stringify(warnings.filter((line) => line.msg === 'cross-organization access refused' || line.msg === 'cross-account access refused'));
    for (const school of schools) {
      expect(trail).not.toContain(school.team.admin.email);
      expect(trail).not.toContain(school.pupil.email);
    }
    expect(trail).not.toContain('Numéro');
  });
});
