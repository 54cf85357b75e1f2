import type { LearnerDetail } from '@jalon/contracts';
import { percentHalfUp } from '@jalon/engine';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { iso, learnerFacts, loginMethodsOf, showsNightlyCertifiability, type LearnerFactsRow } from './learner-facts';

type Participation = LearnerDetail['participations'][number];

/**
 * The learner page: identity, class, login methods, certifiability, and every live
 * participation in the organization's campaigns (improved ones included), newest first,
 * with the values stored at sending. Left-the-school learners are shown, marked; deleted ones
 * are not found.
 */
export async function learnerDetail(executor: Executor, organizationId: string, learnerId: string, now: Date): Promise<LearnerDetail> {
  const nightly = await showsNightlyCertifiability(executor, organizationId);
  const [row] = await queryRows<LearnerFactsRow>(
    executor,
    sql`${learnerFacts({ organizationId, now, includeDisabled: true, learnerId }, nightly)} select * from facts`,
  );
  if (!row) throw new AppError('LEARNER_NOT_FOUND');
  const participations = await queryRows<{
    id: string;
    campaign_id: string;
    campaign_name: string;
    campaign_type: Participation['campaign']['type'];
    archived: boolean;
    status: Participation['status'];
    is_improved: boolean;
    created_at: Date | string;
    shared_at: Date | string | null;
    validated_skills_count: number | null;
    pix_score: number | null;
    skills: number;
  }>(
    executor,
    sql`select p.id, c.id as campaign_id, c.name as campaign_name, c.type as campaign_type, c.archived_at is not null as archived,
               p.status, p.is_improved, p.created_at, p.shared_at, p.validated_skills_count, p.pix_score,
               (select count(*)::int from campaign_skills cs where cs.campaign_id = c.id) as skills
        from participations p join campaigns c on c.id = p.campaign_id
        where p.organization_learner_id = ${learnerId} and c.organization_id = ${organizationId}
          and p.deleted_at is null and c.deleted_at is null
        order by p.created_at desc, p.id desc`,
  );
  return {
    id: row.id,
    firstName: row.first_name,
    middleName: row.middle_name,
    thirdName: row.third_name,
    lastName: row.last_name,
    preferredLastName: row.preferred_last_name,
    birthdate: row.birthdate,
    division: row.division,
    group: row.group,
    studentNumber: row.student_number,
    hasAccount: row.user_id !== null,
    loginMethods: loginMethodsOf(row),
    certifiability: row.certifiability,
    certifiabilityAt: row.certifiability_at === null ? null : iso(row.certifiability_at),
    isBlocked: row.is_blocked,
    isDisabled: row.is_disabled,
    disabledAt: row.disabled_at === null ? null : iso(row.disabled_at),
    participations: participations.map((p) => {
      const shared = p.status === 'SHARED';
      const isCollection = p.campaign_type === 'PROFILES_COLLECTION';
      return {
        id: p.id,
        campaign: { id: p.campaign_id, name: p.campaign_name, type: p.campaign_type, archived: p.archived },
        status: p.status,
        isImproved: p.is_improved,
        createdAt: iso(p.created_at),
        sharedAt: p.shared_at === null ? null : iso(p.shared_at),
        masteryPercent:
          shared && !isCollection && p.validated_skills_count !== null && Number(p.skills) > 0
            ? percentHalfUp(Number(p.validated_skills_count), Number(p.skills))
            : null,
        pixScore: shared && isCollection ? p.pix_score : null,
      };
    }),
  };
}
