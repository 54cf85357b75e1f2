import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import type { RateLimiter } from '../../platform/rate-limit';

/**
 * ENT sign-ins per address and minute. A whole school behind one address signs in at 8 o'clock
 * (30 pupils × a dozen classes, each at most a start and a return); a flood is refused, since
 * each start stores a single-use token and each return costs a signature check.
 */
const SSO_STEPS_PER_IP_AND_MINUTE = 600;

/** Counts one step (start or return) of an ENT sign-in; refuses with `RATE_LIMITED` past the budget. */
export async function throttleSsoStep(limiter: RateLimiter, request: FastifyRequest): Promise<void> {
  if ((await limiter.hit(`sso-steps-ip:${request.ip}`, 60)) > SSO_STEPS_PER_IP_AND_MINUTE) {
    throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(limiter.retryAfter(60)) } });
  }
}
