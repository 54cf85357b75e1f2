import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApi } from '../../bench/support/api-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts one Jalon server on a fresh embedded database seeded with the demo fixture. */
export default async function setup(project: TestProject) {
  const webIndex = path.resolve(import.meta.dirname, '../../apps/web/dist/index.html');
  if (!fs.existsSync(webIndex)) throw new Error('The web app is not built: run `npm run build:web` first (npm run test:e2e does).');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-e2e-'));
  const log = fs.createWriteStream(path.join(dataDir, 'server.log'));
  const server = await startApi({ env: { JALON_DATA_DIR: dataDir, JALON_DEMO: 'on', LOG_LEVEL: 'warn', NODE_ENV: 'test' }, output: log });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
    log.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
