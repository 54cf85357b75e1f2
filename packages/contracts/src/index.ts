/**
 * Request and response schemas shared by the API and the web app. The API validates
 * with them and publishes them as OpenAPI; the web app imports their types.
 */
export * from './constants';
export * from './errors';
export * from './common';
export * from './identity';
export * from './organizations';
export * from './admin';
export * from './catalogue';
export * from './learner';
export * from './campaigns';
export * from './follow-up';
export * from './reminders';
export * from './exports';
export * from './analysis';
export * from './statistics';
export * from './pupil-accounts';
export * from './learner-lists';
export * from './imports';
export * from './sso';
export * from './oidc';
export * from './certification-centre';
export * from './certification-course';
export * from './certification-results';
