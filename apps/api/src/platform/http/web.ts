import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built web app from the API's own origin. Any GET outside `/api` that matches
 * no file gets `index.html`, so the browser app handles its own routes.
 * Returns the fallback for the not-found handler, or null when the app is not built.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string) {
  const indexPath = path.join(webDist, 'index.html');
  if (!fs.existsSync(indexPath)) return null;
  await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false, maxAge: '1h' });
  const indexHtml = fs.readFileSync(indexPath);
  return (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (request.method !== 'GET' || request.url.startsWith('/api/') || request.url === '/api') return false;
    void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    return true;
  };
}
