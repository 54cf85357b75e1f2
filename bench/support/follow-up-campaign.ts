/**
 * A big campaign for Orga's follow-up pages, written straight into a database that holds the
 * demo seed (`bench:results`, and screenshots of the tabs with realistic data).
 */
import { campaignSkills as skillsOfProfile, type Release } from '@jalon/content';
import { eq, sql } from 'drizzle-orm';
// Schema and leaf files only: a module's index also brings its routes, whose Fastify plugin
// types the root TypeScript project does not load.
import { drawCampaignCode } from '../../apps/api/src/modules/campaigns/code';
import { campaigns, campaignSkills, participationBadges, participations, snapshotKnowledgeElements } from '../../apps/api/src/modules/campaigns/schema';
import { assessments } from '../../apps/api/src/modules/assessment/schema';
import { users } from '../../apps/api/src/modules/identity/schema';
import { learnerSortKey } from '../../apps/api/src/modules/organizations/learners';
import { organizationLearners, organizations } from '../../apps/api/src/modules/organizations/schema';
import type { Db } from '../../apps/api/src/platform/db/database';
import { seededRandom } from './random';

/** The demo teacher who owns the campaign, and signs in to read it. */
export const FOLLOW_UP_TEACHER = { login: 'bruno.petit@example.org', password: 'Jalon-demo-2026' };
const SCHOOL = 'Collège Victor-Hugo';
const TARGET_PROFILE_ID = 'tp-bilan-lycee';
const CLASSES = 30;
/** Rows written per insert statement while building the campaign. */
const BATCH = 1_000;

export interface BuiltCampaign {
  campaignId: string;
  participationIds: string[];
  firstClass: string;
}

/**
 * N pupils of 30 classes who each sent one participation: snapshots of the 120 skills with a
 * level per tube drawn around the pupil's ability, the results computed at share (mastery,
 * stage, badges), dates spread over the last 30 days.
 */
export async function buildFollowUpCampaign(db: Db, release: Release, count: number): Promise<BuiltCampaign> {
  const random = seededRandom(count);
  const [school] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, SCHOOL));
  const [teacher] = await db.select({ id: users.id }).from(users).where(eq(users.email, FOLLOW_UP_TEACHER.login));
  if (!school || !teacher) throw new Error('the demo seed did not create the school and its teacher');
  const profile = release.targetProfiles.find((p) => p.id === TARGET_PROFILE_ID);
  if (!profile) throw new Error(`${TARGET_PROFILE_ID} is not in the content release`);
  const skills = skillsOfProfile(release, profile);

  const now = Date.now();
  const [campaign] = await db
    .insert(campaigns)
    .values({
      organizationId: school.id,
      type: 'ASSESSMENT',
      name: 'Bilan de seconde (banc de mesure)',
      code: drawCampaignCode(),
      creatorId: teacher.id,
      ownerId: teacher.id,
      targetProfileId: profile.id,
      releaseId: release.id,
      createdAt: new Date(now - 31 * 86_400_000),
    })
    .returning({ id: campaigns.id });
  const campaignId = campaign!.id;
  await db.insert(campaignSkills).values(skills.map((s) => ({ campaignId, skillId: s.id, tubeId: s.tubeId, competenceId: s.competenceId, level: s.level })));

  const participationIds: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    const people = Array.from({ length: size }, (_, i) => {
      const n = start + i + 1;
      return { firstName: `Élève${String(n).padStart(5, '0')}`, lastName: `Nom${String((n * 7919) % 100_003).padStart(6, '0')}`, n };
    });
    const accounts = await db
      .insert(users)
      .values(people.map((p) => ({ firstName: p.firstName, lastName: p.lastName, username: `bench.results.${p.n}.${campaignId.slice(0, 8)}` })))
      .returning({ id: users.id });
    const learners = await db
      .insert(organizationLearners)
      .values(
        people.map((p, i) => ({
          organizationId: school.id,
          userId: accounts[i]!.id,
          firstName: p.firstName,
          lastName: p.lastName,
          birthdate: '2010-01-01',
          division: `2nde ${(p.n % CLASSES) + 1}`,
          sortKey: learnerSortKey(p.lastName, p.firstName),
        })),
      )
      .returning({ id: organizationLearners.id });
    const rows = await db
      .insert(participations)
      .values(
        people.map((_, i) => {
          const started = new Date(now - Math.floor(random() * 30 * 86_400_000));
          return {
            campaignId,
            userId: accounts[i]!.id,
            organizationLearnerId: learners[i]!.id,
            status: 'SHARED',
            sharedAt: new Date(started.getTime() + 3_600_000),
            createdAt: started,
          };
        }),
      )
      .returning({ id: participations.id, userId: participations.userId, sharedAt: participations.sharedAt });
    await db.insert(assessments).values(
      rows.map((row) => ({ userId: row.userId, type: 'CAMPAIGN', participationId: row.id, state: 'completed', completedAt: row.sharedAt })),
    );
    participationIds.push(...rows.map((row) => row.id));
  }

  // Snapshots: per pupil an ability, per tube a level around it; a skill is validated up to that level.
  const pix = sql.join(
    skills.map((s) => sql`(${s.id}, ${s.pixValue}::float8)`),
    sql`, `,
  );
  await db.execute(sql`
    insert into ${snapshotKnowledgeElements} (participation_id, skill_id, tube_id, competence_id, status, source, earned_pix, knowledge_element_id, created_at)
    select p.id, cs.skill_id, cs.tube_id, cs.competence_id,
      case when cs.level <= ((abs(hashtext(p.id::text)) % 6) + (abs(hashtext(p.id::text || cs.tube_id)) % 3) - 1) then 'validated' else 'invalidated' end,
      'direct',
      case when cs.level <= ((abs(hashtext(p.id::text)) % 6) + (abs(hashtext(p.id::text || cs.tube_id)) % 3) - 1) then v.pix else 0 end,
      row_number() over (),
      p.shared_at
    from ${participations} p
    join ${campaignSkills} cs on cs.campaign_id = p.campaign_id
    join (values ${pix}) as v(skill_id, pix) on v.skill_id = cs.skill_id
    where p.campaign_id = ${campaignId}`);

  // Results computed at share: mastery, the highest stage reached, the badges.
  const stages = profile.stages.flatMap((stage) => (stage.threshold === undefined ? [] : [{ id: stage.id, threshold: stage.threshold }])).sort((a, b) => b.threshold - a.threshold);
  const stageCase = sql.join(
    stages.map((stage) => sql`when round(100.0 * s.validated / ${skills.length}) >= ${stage.threshold} then ${stage.id}`),
    sql` `,
  );
  await db.execute(sql`
    update ${participations} p set
      validated_skills_count = s.validated,
      mastery_rate = round(s.validated::numeric / ${skills.length}, 5),
      reached_stage_id = case ${stageCase} end,
      results_computed_at = p.shared_at
    from (select participation_id, count(*) filter (where status = 'validated')::int as validated
          from ${snapshotKnowledgeElements} group by participation_id) s
    where s.participation_id = p.id and p.campaign_id = ${campaignId}`);
  for (const [index, badge] of profile.badges.entries()) {
    // Thresholds staggered so that each badge is held by a different share of the class.
    const threshold = 0.4 + index * 0.1;
    await db.execute(sql`
      insert into ${participationBadges} (participation_id, badge_key, obtained, progress)
      select id, ${badge.key}, mastery_rate >= ${threshold}, least(100, round(100 * mastery_rate / ${threshold}))::int
      from ${participations} where campaign_id = ${campaignId}`);
  }
  return { campaignId, participationIds, firstClass: '2nde 1' };
}
