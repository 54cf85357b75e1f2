import path from 'node:path';
import { repoRoot } from './paths';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  JALON_DATA_DIR: z.string().optional(),
  JALON_PUBLIC_URL: z.string().optional(),
  JALON_DEMO: z.enum(['on', 'off']).default('on'),
  JALON_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Jalon <no-reply@jalon.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JALON_WEB_DIST: z.string().optional(),
  // Instance switch of the automatic reminders; each organization also needs its REMINDERS toggle.
  JALON_REMINDERS: z.enum(['on', 'off']).default('on'),
  JALON_REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  // The spec's 60 (`learners-and-accounts.md` §6); a load test raises it to answer back to back.
  ANSWER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  // API processes sharing the port (Node's cluster module); more than one needs PostgreSQL.
  JALON_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
});

/** A setting the server cannot start with; its message is for the admin, in French. */
export class ConfigError extends Error {}

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** PostgreSQL server when set; otherwise the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
  publicUrl: string;
  seedDemo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  webDist: string;
  /** Whether this instance sends automatic reminders, and how often it looks for due ones. */
  reminders: { enabled: boolean; sweepSeconds: number };
  /** Answers a user may send per minute before `RATE_LIMITED`. */
  answersPerMinute: number;
  /** API processes listening on the port; above 1, a primary supervises that many workers. */
  processes: number;
  /** Non-production builds expose the outbox and the settable clock (spec README, « Test support »). */
  testSupport: boolean;
}


export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const production = e.NODE_ENV === 'production';
  const port = e.PORT;
  const databaseUrl = e.DATABASE_URL || undefined;
  if (e.JALON_PROCESSES > 1 && !databaseUrl) {
    // Two processes on one PGlite folder lose writes; the lock file would stop the second anyway.
    throw new ConfigError(
      `JALON_PROCESSES=${e.JALON_PROCESSES} demande PostgreSQL (DATABASE_URL) : la base embarquée n'accepte qu'un seul processus. ` +
        'Définissez DATABASE_URL, ou laissez JALON_PROCESSES à 1.',
    );
  }
  return {
    production,
    port,
    host: e.HOST,
    databaseUrl,
    dataDir: path.resolve(e.JALON_DATA_DIR ?? path.join(process.cwd(), 'data')),
    poolSize: e.JALON_DB_POOL_SIZE,
    publicUrl: (e.JALON_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    seedDemo: e.JALON_DEMO === 'on',
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.JALON_WEB_DIST ?? path.join(repoRoot, 'apps/web/dist')),
    reminders: { enabled: e.JALON_REMINDERS === 'on', sweepSeconds: e.JALON_REMINDER_SWEEP_SECONDS },
    answersPerMinute: e.ANSWER_RATE_LIMIT_PER_MINUTE,
    processes: e.JALON_PROCESSES,
    testSupport: !production,
  };
}
