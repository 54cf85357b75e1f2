import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { targetProfiles } from '../catalogue/schema';
import { users } from '../identity/schema';
import { organizationLearners, organizations } from '../organizations/schema';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/** Campaigns (`campaigns-and-participation.md` §4). A deleted campaign keeps its row so its code stays reserved. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    type: text().notNull(),
    name: text().notNull(),
    code: text().notNull(),
    targetProfileId: text().references(() => targetProfiles.id),
    title: text(),
    customLandingPageText: text(),
    customResultPageText: text(),
    customResultPageButtonText: text(),
    customResultPageButtonUrl: text(),
    externalIdLabel: text(),
    externalIdType: text(),
    multipleSendings: boolean().notNull().default(false),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    creatorId: uuid()
      .notNull()
      .references(() => users.id),
    assessmentMethod: text().notNull().default('SMART_RANDOM'),
    /** The content release whose skills were frozen into `campaign_skills`. */
    releaseId: text(),
    archivedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('one_campaign_per_code').on(t.code),
    index('campaigns_by_organization').on(t.organizationId, t.createdAt),
    check('campaign_type_is_known', sql`${t.type} in ('ASSESSMENT', 'PROFILES_COLLECTION', 'EXAM')`),
    check('campaign_code_format', sql`${t.code} ~ '^[A-HJKMNP-Z]{6}[2-9]{3}$'`),
    check('external_id_type_is_known', sql`${t.externalIdType} is null or ${t.externalIdType} in ('STRING', 'EMAIL')`),
    check(
      'profile_only_where_the_type_needs_one',
      sql`(${t.type} = 'PROFILES_COLLECTION') = (${t.targetProfileId} is null)`,
    ),
  ],
);

/** The skills a campaign measures, copied at creation and never changed (`content-model.md` §6). */
export const campaignSkills = pgTable(
  'campaign_skills',
  {
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id),
    skillId: text().notNull(),
    tubeId: text().notNull(),
    competenceId: text().notNull(),
    level: integer().notNull(),
  },
  (t) => [primaryKey({ name: 'one_row_per_campaign_skill', columns: [t.campaignId, t.skillId] })],
);

/** One learner's attempt at a campaign, one per sending (`campaigns-and-participation.md` §5). */
export const participations = pgTable(
  'participations',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    organizationLearnerId: uuid()
      .notNull()
      .references(() => organizationLearners.id),
    status: text().notNull(),
    participantExternalId: text(),
    sharedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid(),
    isImproved: boolean().notNull().default(false),
    // Computed from the share snapshot by the results job (null until it has run).
    validatedSkillsCount: integer(),
    pixScore: integer(),
    masteryRate: numeric({ precision: 6, scale: 5 }),
    isCertifiable: boolean(),
    reachedStageId: text(),
    resultsComputedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('one_active_participation_per_learner')
      .on(t.campaignId, t.organizationLearnerId)
      .where(sql`${t.deletedAt} is null and not ${t.isImproved}`),
    index('participations_by_user').on(t.userId),
    index('participations_by_learner').on(t.organizationLearnerId),
    check('participation_status_is_known', sql`${t.status} in ('STARTED', 'TO_SHARE', 'SHARED')`),
    check('shared_iff_shared_at', sql`(${t.status} = 'SHARED') = (${t.sharedAt} is not null)`),
  ],
);

/**
 * The learner's knowledge elements frozen at share (EXAM: the participation's own): what
 * Orga reads, whatever the learner does afterwards.
 */
export const snapshotKnowledgeElements = pgTable(
  'snapshot_knowledge_elements',
  {
    participationId: uuid()
      .notNull()
      .references(() => participations.id),
    skillId: text().notNull(),
    tubeId: text().notNull(),
    competenceId: text().notNull(),
    status: text().notNull(),
    source: text().notNull(),
    // A float like the release's pixValue (8/3 has no exact decimal); sums go through the engine's tolerant floor.
    earnedPix: doublePrecision().notNull(),
    /** The id of the knowledge element it copies. */
    knowledgeElementId: bigint({ mode: 'number' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'one_snapshot_row_per_participation_skill', columns: [t.participationId, t.skillId] }),
    // « Analyse » and « Résultats collectifs » read only the validated rows of the counted
    // participations: an index-only scan of this index, a fifth of the table's size.
    index('validated_snapshot_skills').on(t.participationId, t.skillId).where(sql`${t.status} = 'validated'`),
    check('snapshot_status_is_known', sql`${t.status} in ('validated', 'invalidated')`),
  ],
);

/** Badge results stored at share (`content-model.md` §8); Orga and exports read only these. */
export const participationBadges = pgTable(
  'participation_badges',
  {
    participationId: uuid()
      .notNull()
      .references(() => participations.id),
    badgeKey: text().notNull(),
    obtained: boolean().notNull(),
    progress: integer().notNull(),
  },
  (t) => [primaryKey({ name: 'one_result_per_participation_badge', columns: [t.participationId, t.badgeKey] })],
);
