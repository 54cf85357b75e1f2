import fs from 'node:fs';
import type { Release } from '@jalon/content';
import type { FastifyInstance } from 'fastify';

/** Assets are named by their content path and never change within a release: cache them a day, revalidate by hash. */
const ASSET_MAX_AGE_S = 86_400;

/**
 * Serves the release's images, attachments and embeds from our own origin at
 * `/api/content/<asset path>` (e.g. `/api/content/assets/img/robot.svg`): the product
 * works with no internet, and only files listed in the release can be read.
 */
export function registerContentAssets(app: FastifyInstance, release: Release, assetFiles: ReadonlyMap<string, string>) {
  const assets = new Map(release.assets.map((asset) => [asset.path, asset]));
  app.get('/api/content/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    const asset = assets.get(path);
    const file = assetFiles.get(path);
    if (!asset || !file) return reply.callNotFound();
    const etag = `"${asset.sha256}"`;
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    void reply
      .header('content-type', asset.mediaType)
      .header('etag', etag)
      .header('cache-control', `public, max-age=${ASSET_MAX_AGE_S}`)
      .header('x-content-type-options', 'nosniff');
    // Embeds run in a sandboxed frame of ours; everything else is a plain download or image.
    if (asset.mediaType.startsWith('text/html')) {
      void reply
        .header('content-security-policy', "sandbox allow-scripts; default-src 'self' 'unsafe-inline' data:; frame-ancestors 'self'")
        .removeHeader('x-frame-options');
    }
    return reply.send(fs.createReadStream(file));
  });
}
