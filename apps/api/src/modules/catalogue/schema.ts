import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/schema';

/**
 * Target profiles (« parcours »), `content-model.md` §6. Jalon's own are written from the
 * content files at every start (the file wins); organizations' custom ones live only here.
 * Tubes, stages and badges are kept as the release wrote them.
 */
export const targetProfiles = pgTable(
  'target_profiles',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    description: text().notNull().default(''),
    category: text().notNull(),
    imageUrl: text(),
    isPublic: boolean().notNull().default(false),
    ownerOrganizationId: uuid().references(() => organizations.id),
    outdated: boolean().notNull().default(false),
    areKnowledgeElementsResettable: boolean().notNull().default(false),
    locales: jsonb().$type<string[]>().notNull(),
    tubes: jsonb().$type<{ tubeId: string; level: number }[]>().notNull(),
    stages: jsonb().$type<unknown[]>().notNull(),
    badges: jsonb().$type<unknown[]>().notNull(),
    /** `jalon` when the content files own it, `custom` when an organization or an admin made it. */
    origin: text().notNull(),
    /** The content release that last wrote it (`jalon` origin). */
    releaseId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('target_profile_origin_is_known', sql`${t.origin} in ('jalon', 'custom')`),
    index('target_profiles_by_owner').on(t.ownerOrganizationId),
  ],
);

/** Profiles an instance admin shared with one organization (`content-model.md` §6, « Available »). */
export const targetProfileShares = pgTable(
  'target_profile_shares',
  {
    targetProfileId: text()
      .notNull()
      .references(() => targetProfiles.id),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'one_share_per_profile_and_organization', columns: [t.targetProfileId, t.organizationId] })],
);
