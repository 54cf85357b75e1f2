import { inflateRawSync } from 'node:zlib';
import { demoMediacentresSchema, ssoSlugParamsSchema } from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { sendSsoError } from './error-page';
import { findSamlProvider, samlConfigSchema, type SamlConfig } from './providers';
import { serviceProviderUrls } from './saml';
import { signedResponse, type IdpKeyPair } from './saml-idp';
import { identityProviders } from './schema';

/**
 * « Médiacentre de démonstration » (non-production instances only): a page standing for the
 * ENT's resource list. Each pupil's « Jalon » tile posts a Response signed by the demo
 * provider row's own key to our ACS, so the sign-in runs exactly the real SAML path.
 */
export const DEMO_IDP_ISSUER = 'urn:jalon:demo-mediacentre';

export interface DemoMediacentreDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  production: boolean;
}

/** The `config` of a demonstration provider row (the demo seed and the tests write it). */
export function demoMediacentreConfig(key: IdpKeyPair, pupils: NonNullable<SamlConfig['demo']>['pupils']): SamlConfig {
  return {
    idpCert: key.certificate,
    idpIssuer: DEMO_IDP_ISSUER,
    attributes: { externalIdentifier: 'IDO', firstName: 'PRE', lastName: 'NOM' },
    wantResponseSigned: false,
    demo: { privateKey: key.privateKey, pupils },
  };
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The id of an SP-initiated AuthnRequest (HTTP-Redirect binding: deflated, base64). */
function authnRequestId(samlRequest: string | undefined): string | undefined {
  if (!samlRequest) return undefined;
  try {
    const xml = inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
    return /\sID="([^"]{1,128})"/.exec(xml)?.[1];
  } catch {
    return undefined;
  }
}

const demoPageQuerySchema = z.object({ SAMLRequest: z.string().max(100_000).optional(), RelayState: z.string().max(1024).optional() });

function page(label: string, tiles: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(label)} · Médiacentre de démonstration</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #eef1f7; color: #1d2433; }
  header { background: #2b3a67; color: #fff; padding: 1rem 1.5rem; }
  header p { margin: .25rem 0 0; opacity: .9; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  .notice { background: #fff4d6; border-left: 4px solid #c98a00; padding: .75rem 1rem; }
  ul { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
  li { background: #fff; border-radius: 8px; padding: 1rem; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h2 { font-size: 1.125rem; margin: 0 0 .25rem; }
  .ido { font-family: monospace; font-size: .8rem; color: #555; word-break: break-all; }
  button { margin-top: .75rem; width: 100%; padding: .75rem; font-size: 1rem; font-weight: 600; color: #fff; background: #1f4fd1; border: 0; border-radius: 6px; cursor: pointer; }
  button:focus-visible { outline: 3px solid #c98a00; outline-offset: 2px; }
</style>
</head>
<body>
<header><h1>Médiacentre de démonstration</h1><p>${escapeHtml(label)}</p></header>
<main>
<p class="notice">Cette page remplace l'ENT sur une instance de démonstration : choisissez un élève, puis la ressource « Jalon ». Elle n'existe pas en production.</p>
<ul>${tiles}</ul>
</main>
</body>
</html>`;
}

export function demoMediacentreRoutes(deps: DemoMediacentreDeps) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['sso'];

    r.get(
      '/api/sso/demo-mediacentres',
      { schema: { tags, response: { 200: demoMediacentresSchema } }, config: { access: 'public' } },
      async () => {
        if (deps.production) return { mediacentres: [] };
        const rows = await deps.db
          .select({ slug: identityProviders.slug, label: identityProviders.label, config: identityProviders.config, disabledAt: identityProviders.disabledAt })
          .from(identityProviders);
        const mediacentres = rows
          .filter((row) => row.disabledAt === null && samlConfigSchema.safeParse(row.config).data?.demo)
          .map((row) => ({ slug: row.slug, label: row.label, url: `/api/sso/demo-mediacentre/${row.slug}` }));
        return { mediacentres };
      },
    );

    if (deps.production) return;

    r.get(
      '/api/sso/demo-mediacentre/:slug',
      { schema: { tags, params: ssoSlugParamsSchema, querystring: demoPageQuerySchema }, config: { access: 'public' } },
      async (request, reply) => {
        try {
          const provider = await findSamlProvider(deps.db, request.params.slug);
          const demo = provider.config.demo;
          if (!demo) throw new AppError('SSO_PROVIDER_NOT_FOUND');
          const key = { privateKey: demo.privateKey, certificate: [provider.config.idpCert].flat()[0]! };
          const urls = serviceProviderUrls(deps.publicUrl, provider.row.slug);
          const inResponseTo = authnRequestId(request.query.SAMLRequest);
          const relayState = request.query.RelayState ?? '';
          const now = deps.clock.now();
          const tiles = demo.pupils
            .map((pupil) => {
              const name = `${pupil.firstName} ${pupil.lastName}`;
              const response = signedResponse({
                key,
                issuer: provider.config.idpIssuer,
                audience: urls.entityId,
                destination: urls.acs,
                now,
                // A tile stays usable while the page is open for a lesson's start.
                validForMs: 30 * 60_000,
                ...(inResponseTo ? { inResponseTo } : {}),
                attributes: {
                  [provider.config.attributes.externalIdentifier]: pupil.externalIdentifier,
                  [provider.config.attributes.firstName]: pupil.firstName,
                  [provider.config.attributes.lastName]: pupil.lastName,
                },
              });
              return `<li><h2>${escapeHtml(name)}</h2><p class="ido">Identifiant opaque : ${escapeHtml(pupil.externalIdentifier)}</p>
<form method="post" action="${escapeHtml(urls.acs)}"><input type="hidden" name="SAMLResponse" value="${response}"><input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">
<button type="submit">Ouvrir Jalon en tant que ${escapeHtml(name)}</button></form></li>`;
            })
            .join('\n');
          return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page(provider.row.label, tiles));
        } catch (error) {
          return sendSsoError(reply, error);
        }
      },
    );
  };
}

