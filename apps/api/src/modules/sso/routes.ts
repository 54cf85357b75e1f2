import {
  campaignCodeParamsSchema,
  campaignSsoEntrySchema,
  pendingIdentityLinkBodySchema,
  pendingIdentitySchema,
  samlAcsBodySchema,
  ssoLoginQuerySchema,
  ssoRedirectSchema,
  ssoSlugParamsSchema,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors';
import { campaignSsoEntry } from './campaign-entry';
import { campaignCodeOrUndefined, completeExternalSignIn } from './external-identity';
import { sendSsoError } from './error-page';
import { linkPendingIdentity, readPendingIdentity, type PendingIdentityDeps } from './pending-identity';
import { findSamlProvider } from './providers';
import { acceptResponse, authorizeUrl, metadataXml, SamlRefusal } from './saml';
import { throttleSsoStep } from './throttle';

/** As the campaign landing's look-ups by code: a whole school may share one address. */
const CODE_LOOKUPS_PER_IP = 600;

export interface SsoRoutesDeps extends PendingIdentityDeps {
  publicUrl: string;
}

/** SAML 2.0 service provider per identity provider row, and the first sign-in's pending identity. */
export function ssoRoutes(deps: SsoRoutesDeps) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['sso'];
    // The HTTP-POST binding is an HTML form post; only this plugin's routes read such bodies.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    r.get(
      '/api/sso/saml/:slug/metadata',
      { schema: { tags, params: ssoSlugParamsSchema, response: { 200: z.string() } }, config: { access: 'public' } },
      async (request, reply) => {
        const provider = await findSamlProvider(deps.db, request.params.slug);
        return reply.type('application/samlmetadata+xml; charset=utf-8').send(metadataXml(deps, provider));
      },
    );

    r.get(
      '/api/sso/saml/:slug/login',
      { schema: { tags, params: ssoSlugParamsSchema, querystring: ssoLoginQuerySchema }, config: { access: 'public' } },
      async (request, reply) => {
        try {
          await throttleSsoStep(deps.limiter, request);
          const provider = await findSamlProvider(deps.db, request.params.slug);
          return reply.redirect(await authorizeUrl(deps, provider, campaignCodeOrUndefined(request.query.code)), 302);
        } catch (error) {
          request.log.warn({ providerSlug: request.params.slug, err: error }, 'SAML sign-in could not start');
          return sendSsoError(reply, error);
        }
      },
    );

    r.post(
      '/api/sso/saml/:slug/acs',
      { schema: { tags, params: ssoSlugParamsSchema, body: samlAcsBodySchema }, config: { access: 'public', signedForeignPost: true } },
      async (request, reply) => {
        try {
          await throttleSsoStep(deps.limiter, request);
          const provider = await findSamlProvider(deps.db, request.params.slug);
          const { identity, campaignCode } = await acceptResponse(deps, provider, request.body);
          const { redirectTo } = await completeExternalSignIn(deps, request, reply, identity, { campaignCode });
          request.log.info({ providerSlug: provider.row.slug, firstSignIn: redirectTo.startsWith('/premiere-connexion') }, 'SAML sign-in accepted');
          // A 303 turns the IdP's POST into a GET of our page, and its cookies are first-party there.
          return reply.redirect(redirectTo, 303);
        } catch (error) {
          const reason = error instanceof SamlRefusal ? error.reason : undefined;
          request.log.warn({ providerSlug: request.params.slug, code: (error as { code?: string }).code, reason, err: reason ? undefined : error }, 'SAML response refused');
          return sendSsoError(reply, error);
        }
      },
    );

    r.get(
      '/api/sso/campaigns/:code/entry',
      { schema: { tags, params: campaignCodeParamsSchema, response: { 200: campaignSsoEntrySchema } }, config: { access: 'public' } },
      async (request) => {
        // Shares the landing's per-address budget of code look-ups: it tells whether a code exists too.
        if ((await deps.limiter.hit(`code-lookups-ip:${request.ip}`, 60)) > CODE_LOOKUPS_PER_IP) {
          throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(deps.limiter.retryAfter(60)) } });
        }
        return campaignSsoEntry(deps.db, request.params.code, request.session?.userId);
      },
    );

    r.get(
      '/api/sso/pending-identity',
      { schema: { tags, response: { 200: pendingIdentitySchema } }, config: { access: 'public' } },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return readPendingIdentity(deps, request);
      },
    );

    r.post(
      '/api/sso/pending-identity/link',
      { schema: { tags, body: pendingIdentityLinkBodySchema, response: { 200: ssoRedirectSchema } }, config: { access: 'public' } },
      async (request, reply) => linkPendingIdentity(deps, request, reply, request.body),
    );
  };
}
