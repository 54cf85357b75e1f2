/** Every table, for drizzle-kit and the typed database handle. Each module owns its own tables. */
export * from '../../modules/identity/schema';
export * from '../../modules/organizations/schema';
export * from '../../modules/catalogue/schema';
export * from '../../modules/campaigns/schema';
export * from '../../modules/assessment/schema';
export * from '../mail/schema';
export * from '../rate-limit.schema';
export * from '../../modules/reminders/schema';
export * from '../../modules/imports/schema';
export * from '../../modules/learners/schema';
export * from '../../modules/sso/schema';
export * from '../../modules/certification-centre/schema';
export * from '../../modules/certification-course/schema';
export * from '../../modules/certification-results/schema';
