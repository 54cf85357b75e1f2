import { oidcCallbackQuerySchema, ssoLoginQuerySchema, ssoSlugParamsSchema } from '@jalon/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors';
import type { RateLimiter } from '../../platform/rate-limit';
import { sendSsoError } from './error-page';
import { createOidcClient } from './oidc-client';
import { beginOidcSignIn, finishOidcSignIn, type OidcSignInDeps } from './oidc-sign-in';
import { throttleSsoStep } from './throttle';

export interface OidcRoutesDeps extends Omit<OidcSignInDeps, 'oidc'> {
  /** Plain-HTTP issuers are refused in production. */
  production: boolean;
  limiter: RateLimiter;
}

/**
 * OpenID Connect sign-in through an ENT. Both routes are browser navigations, so a failure
 * is a French page (the SAML flow's), not JSON; the log line names the provider and the
 * reason, never the pupil.
 */
export function oidcRoutes(deps: OidcRoutesDeps) {
  const signIn: OidcSignInDeps = { ...deps, oidc: createOidcClient({ clock: deps.clock, allowHttpIssuers: !deps.production }) };

  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['sso'];

    r.get(
      '/api/sso/oidc/:slug/login',
      { schema: { tags, params: ssoSlugParamsSchema, querystring: ssoLoginQuerySchema }, config: { access: 'public' } },
      async (request, reply) => {
        try {
          await throttleSsoStep(deps.limiter, request);
          return noStore(reply).redirect(await beginOidcSignIn(signIn, request, reply, request.params.slug, request.query.code));
        } catch (error) {
          return refuse(request, reply, 'login', error);
        }
      },
    );

    r.get(
      '/api/sso/oidc/:slug/callback',
      { schema: { tags, params: ssoSlugParamsSchema, querystring: oidcCallbackQuerySchema }, config: { access: 'public' } },
      async (request, reply) => {
        try {
          await throttleSsoStep(deps.limiter, request);
          return noStore(reply).redirect(await finishOidcSignIn(signIn, request, reply, request.params.slug, request.query));
        } catch (error) {
          return refuse(request, reply, 'callback', error);
        }
      },
    );
  };
}

/** The redirects carry a one-time state or set a session: no cache may keep them. */
function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

function refuse(request: FastifyRequest, reply: FastifyReply, step: 'login' | 'callback', error: unknown) {
  const { slug } = request.params as { slug: string };
  if (error instanceof AppError) {
    request.log.warn({ event: 'sso.oidc.refused', step, provider: slug, code: error.code, reason: error.items[0]?.detail }, 'OIDC sign-in refused');
  } else {
    request.log.error({ event: 'sso.oidc.failed', step, provider: slug, err: error }, 'OIDC sign-in failed');
  }
  return sendSsoError(reply, error);
}
