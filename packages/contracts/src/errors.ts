import { z } from 'zod';

/**
 * Every error code the API may return, with its HTTP status. The codes are part of the
 * public contract: the web app turns each into a translated sentence, so a code is never
 * renamed, only added.
 */
export const ERROR_STATUS = {
  // Generic
  INVALID_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  ROUTE_NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,

  // Identity
  INVALID_CREDENTIALS: 401,
  ACCOUNT_TEMPORARILY_BLOCKED: 403,
  ACCOUNT_BLOCKED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FIRST_NAME_REQUIRED: 422,
  LAST_NAME_REQUIRED: 422,
  NAME_TOO_LONG: 422,
  EMAIL_REQUIRED: 422,
  EMAIL_INVALID: 422,
  EMAIL_ALREADY_USED: 409,
  PASSWORD_REQUIRED: 422,
  PASSWORD_POLICY_NOT_MET: 422,
  PASSWORD_TOO_WEAK: 422,
  CURRENT_PASSWORD_INVALID: 422,
  TERMS_NOT_ACCEPTED: 422,
  PASSWORD_RESET_TOKEN_INVALID: 404,
  PASSWORD_RESET_TOKEN_EXPIRED: 410,

  // Organizations and team
  NOT_A_MEMBER: 403,
  ADMIN_ROLE_REQUIRED: 403,
  ORGANIZATION_NOT_FOUND: 404,
  MEMBERSHIP_NOT_FOUND: 404,
  LAST_ADMIN: 409,
  INVITATION_EMAILS_REQUIRED: 422,
  INVITATION_EMAIL_INVALID: 422,
  INVITATION_ROLE_INVALID: 422,
  ALREADY_A_MEMBER: 409,
  INVITATION_NOT_FOUND: 404,
  INVITATION_ALREADY_ACCEPTED_OR_CANCELLED: 409,
  INVITATION_EXPIRED: 410,

  // Platform administration
  PLATFORM_ADMIN_REQUIRED: 403,
  ORGANIZATION_NAME_REQUIRED: 422,
  ORGANIZATION_TYPE_INVALID: 422,
  UAI_REQUIRED: 422,
  UAI_INVALID: 422,
  UAI_ALREADY_USED: 409,
  DOCUMENTATION_URL_INVALID: 422,
  TIME_ZONE_INVALID: 422,
  FEATURE_UNKNOWN: 422,
  MAIL_NOT_FOUND: 404,

  // Catalogue: parcours documentation and challenge preview
  TARGET_PROFILE_NOT_FOUND: 404,
  CHALLENGE_NOT_FOUND: 404,
  ANSWER_EMPTY: 422,
  ANSWER_MALFORMED: 422,
  ANSWER_TOO_LONG: 422,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

/** One error of the error body of `spec/README.md`. `pointer` is a JSON pointer into the request body. */
export const apiErrorSchema = z.object({
  status: z.string(),
  code: z.string(),
  detail: z.string(),
  source: z.object({ pointer: z.string() }).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const errorBodySchema = z.object({ errors: z.array(apiErrorSchema).min(1) });
export type ErrorBody = z.infer<typeof errorBodySchema>;
