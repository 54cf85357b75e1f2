import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey().defaultRandom(),
    type: text().notNull(),
    name: text().notNull(),
    /** UAI for schools (validated with its check letter). */
    externalId: text(),
    email: text(),
    logoUrl: text(),
    documentationUrl: text(),
    timeZone: text().notNull().default('Europe/Paris'),
    isManagingStudents: boolean().notNull().default(false),
    identityProviderForCampaigns: text(),
    autoShareAtEnd: boolean().notNull().default(false),
    remindersEnabled: boolean().notNull().default(true),
    liveActivityEnabled: boolean().notNull().default(true),
    archivedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('one_organization_per_uai').on(t.externalId),
    check('organization_type_is_known', sql`${t.type} in ('SCO', 'SCO-1D', 'SUP', 'PRO')`),
  ],
);

export const organizationFeatures = pgTable(
  'organization_features',
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    feature: text().notNull(),
    params: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'one_toggle_per_feature_and_organization', columns: [t.organizationId, t.feature] })],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: text().notNull(),
    disabledAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('one_active_membership_per_user_and_organization')
      .on(t.organizationId, t.userId)
      .where(sql`${t.disabledAt} is null`),
    index('memberships_by_user').on(t.userId),
    check('membership_role_is_known', sql`${t.role} in ('ADMIN', 'MEMBER')`),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    email: text().notNull(),
    code: text().notNull(),
    role: text(),
    status: text().notNull().default('pending'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('one_pending_invitation_per_email_and_organization')
      .on(t.organizationId, t.email)
      .where(sql`${t.status} = 'pending'`),
    check('invitation_status_is_known', sql`${t.status} in ('pending', 'accepted', 'cancelled')`),
    check('invitation_role_is_known', sql`${t.role} is null or ${t.role} in ('ADMIN', 'MEMBER')`),
  ],
);

/** A learner as one organization knows them (« prescrit »), `learners-and-accounts.md` §1. */
export const organizationLearners = pgTable(
  'organization_learners',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    userId: uuid().references(() => users.id),
    firstName: text().notNull(),
    middleName: text(),
    thirdName: text(),
    lastName: text().notNull(),
    preferredLastName: text(),
    /** t1-standardised last name, first name: the byte-wise name order of exports and lists. */
    sortKey: text().notNull(),
    birthdate: date(),
    birthCity: text(),
    birthCityCode: text(),
    birthProvinceCode: text(),
    birthCountryCode: text(),
    nationalStudentId: text(),
    nationalApprenticeId: text(),
    division: text(),
    mefCode: text(),
    status: text(),
    studentNumber: text(),
    email: text(),
    department: text(),
    educationalTeam: text(),
    group: text(),
    diploma: text(),
    studyScheme: text(),
    attributes: jsonb(),
    isDisabled: boolean().notNull().default(false),
    disabledAt: timestamp({ withTimezone: true }),
    isCertifiable: boolean(),
    certifiableAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('one_learner_per_national_student_id_in_organization')
      .on(t.organizationId, t.nationalStudentId)
      .where(sql`${t.deletedAt} is null`),
    uniqueIndex('one_learner_per_account_in_organization')
      .on(t.organizationId, t.userId)
      .where(sql`${t.deletedAt} is null and ${t.userId} is not null`),
    uniqueIndex('one_learner_per_student_number_in_organization')
      .on(t.organizationId, t.studentNumber)
      .where(sql`${t.deletedAt} is null and ${t.studentNumber} is not null`),
    index('organization_learners_by_name').on(t.organizationId, t.sortKey),
    index('organization_learners_by_user').on(t.userId),
  ],
);
