import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/platform/db/database';
import { createCampaignRow } from './support/campaign-factory';
import { createTeam, PASSWORD } from './support/factory';
import { Agent } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Row counts of every application table: a refused request must leave them all unchanged. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = await queryRows<{ table_name: string }>(
    t.database.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limit_counters' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from "${table_name}"`));
    counts[table_name] = Number(row!.n);
  }
  return counts;
}

const SAMPLE_BODY = { role: 'MEMBER', emails: 'intrus@example.org', features: [], name: 'x', type: 'PRO', code: 'AAAAAAAAAA' };

describe('tenant isolation', () => {
  it('every route scoped by a tenant parameter refuses a member of another organization and writes nothing', async () => {
    const victim = await createTeam(t.database.db);
    const attacker = await createTeam(t.database.db);
    const agent = new Agent(t.app);
    await agent.signIn(attacker.admin.email, PASSWORD);

    const tenantParams = t.accessControl.tenantParams();
    // Learner routes (`user` access) are open to any account by design — a pupil joins
    // another organization's campaign — and their ownership checks are tested with them.
    const scoped = t.routes.filter(
      (route) => route.access !== 'user' && route.access !== 'public' && tenantParams.some((param) => route.url.includes(`:${param}`)),
    );
    // The foundation already has organization routes; the list grows with each module.
    expect(scoped.length).toBeGreaterThanOrEqual(10);

    const victimCampaign = await createCampaignRow(t.database.db, { organizationId: victim.organization.id, ownerId: victim.admin.id });
    const ids: Record<string, string> = {
      organizationId: victim.organization.id,
      membershipId: victim.memberMembership.id,
      campaignId: victimCampaign.id,
    };
    const refused: string[] = [];
    for (const route of scoped) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? '00000000-0000-4000-8000-000000000000');
      const before = await snapshot();
      const response = await agent.request(route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : SAMPLE_BODY);
      expect([403, 404], `${route.method} ${route.url} answered ${response.status}`).toContain(response.status);
      expect(await snapshot(), `${route.method} ${route.url} wrote something`).toEqual(before);
      refused.push(`${route.method} ${route.url}`);
    }
    expect(refused).toContain('GET /api/organizations/:organizationId/members');
    expect(refused).toContain('PATCH /api/campaigns/:campaignId');
    for (const route of [
      'GET /api/campaigns/:campaignId/analysis',
      'GET /api/campaigns/:campaignId/collective-results',
      'GET /api/campaigns/:campaignId/participations/:participationId',
      'GET /api/campaigns/:campaignId/participations/:participationId/analysis',
      'GET /api/organizations/:organizationId/learners/:organizationLearnerId/activity',
    ]) {
      expect(refused).toContain(route);
    }
    expect(refused).toContain('GET /api/campaigns/:campaignId/export.csv');
    for (const route of [
      'GET /api/campaigns/:campaignId/activity',
      'GET /api/campaigns/:campaignId/activity/participants',
      'DELETE /api/campaigns/:campaignId/participations/:participationId',
      'GET /api/campaigns/:campaignId/results/summary',
      'GET /api/campaigns/:campaignId/results',
    ]) {
      expect(refused).toContain(route);
    }
  });
});
