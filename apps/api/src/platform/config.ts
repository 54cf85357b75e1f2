import path from 'node:path';
import { repoRoot } from './paths';
import { z } from 'zod';

/** What a variable expects, in the administrator's two languages, registered beside its schema so the two agree. */
const expectations = z.registry<{ fr: string; en: string }>();

function wholeNumber(min: number, max: number, fallback: number) {
  return z.coerce
    .number()
    .int()
    .min(min)
    .max(max)
    .default(fallback)
    .register(expectations, { fr: `un nombre entier de ${min} à ${max}`, en: `a whole number from ${min} to ${max}` });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  const list = values.join(', ');
  return z.enum(values).default(fallback).register(expectations, { fr: `l'une de : ${list}`, en: `one of: ${list}` });
}

/** An address with one of these schemes, or nothing (the empty string included). */
function optionalUrl(schemes: readonly string[], example: string) {
  const hasScheme = (value: string) => {
    try {
      return schemes.includes(new URL(value).protocol.slice(0, -1));
    } catch {
      return false;
    }
  };
  return z
    .string()
    .optional()
    .refine((value) => !value || hasScheme(value))
    .register(expectations, {
      fr: `une adresse ${schemes.map((scheme) => `${scheme}://`).join(' ou ')} (ex. ${example}), ou rien`,
      en: `an address ${schemes.map((scheme) => `${scheme}://`).join(' or ')} (e.g. ${example}), or nothing`,
    });
}

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: wholeNumber(0, 65535, 3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalUrl(['postgres', 'postgresql'], 'postgres://user:pass@host:5432/jalon'),
  JALON_DATA_DIR: z.string().optional(),
  JALON_PUBLIC_URL: optionalUrl(['http', 'https'], 'https://jalon.example.org'),
  JALON_DEMO: oneOf(['on', 'off'], 'on'),
  JALON_DB_POOL_SIZE: wholeNumber(1, 200, 10),
  SMTP_URL: optionalUrl(['smtp', 'smtps'], 'smtps://user:pass@smtp.example.org:465'),
  MAIL_FROM: z.string().default('Jalon <no-reply@jalon.local>'),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  JALON_WEB_DIST: z.string().optional(),
  // Instance switch of the automatic reminders; each organization also needs its REMINDERS toggle.
  JALON_REMINDERS: oneOf(['on', 'off'], 'on'),
  JALON_REMINDER_SWEEP_SECONDS: wholeNumber(5, 86_400, 300),
  // The spec's 60 (`learners-and-accounts.md` §6); a load test raises it to answer back to back.
  ANSWER_RATE_LIMIT_PER_MINUTE: wholeNumber(1, 1_000_000, 60),
  // API processes sharing the port (Node's cluster module); more than one needs PostgreSQL.
  JALON_PROCESSES: wholeNumber(1, 64, 1),
});

/** A setting the server cannot start with; its message is for the admin, in French then English, one line per variable. */
export class ConfigError extends Error {}

/** Variable names that hold a secret whatever their value looks like. */
const SECRET_NAME = /PASS|SECRET|TOKEN|KEY/i;
/** Long enough to recognise a value, short enough to keep one line per variable. */
const SHOWN_LENGTH = 120;

/**
 * A refused value as the log may show it. The log is read by more people than the server's
 * environment: a URL's credentials (`user:****@`), secret-looking query parameters and
 * secret-named variables are masked, even in a value too broken to parse as a URL.
 */
function shownValue(name: string, value: string): string {
  if (SECRET_NAME.test(name)) return '****';
  let shown = value;
  const at = shown.lastIndexOf('@');
  if (at >= 0) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(shown)?.[0] ?? '';
    const credentials = shown.slice(scheme.length, at);
    const colon = credentials.indexOf(':');
    shown = `${scheme}${colon >= 0 ? `${credentials.slice(0, colon)}:****` : '****'}${shown.slice(at)}`;
  } else {
    // `scheme://user:secret/…` with its `@` forgotten: what follows the colon is no port.
    shown = shown.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#]*:)(?!\d*(?:[/?#]|$))[^/?#]*/i, '$1****');
  }
  shown = shown.replace(/([?&;][^=&;]*(?:pass|secret|token|key)[^=&;]*=)[^&;]*/gi, '$1****');
  return JSON.stringify(shown.length > SHOWN_LENGTH ? `${shown.slice(0, SHOWN_LENGTH)}…` : shown);
}

/** One line per refused variable: its name, what it holds (masked) and what it should hold. */
function describeRefusal(error: z.ZodError, env: NodeJS.ProcessEnv): string {
  const names = [...new Set(error.issues.map((issue) => String(issue.path[0])))];
  const lines = names.map((name) => {
    // The unregistered variables take any text; only a caller passing something else reaches them.
    const expected = expectations.get(envSchema.shape[name as keyof typeof envSchema.shape]) ?? { fr: 'du texte', en: 'text' };
    return `- ${name}=${shownValue(name, String(env[name]))} : valeur attendue : ${expected.fr} (expected: ${expected.en}).`;
  });
  return [`Configuration invalide : corrigez ces variables d'environnement, puis relancez Jalon (invalid configuration: fix these environment variables, then start Jalon again).`, ...lines].join('\n');
}

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
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeRefusal(parsed.error, env));
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const port = e.PORT;
  const databaseUrl = e.DATABASE_URL || undefined;
  if (e.JALON_PROCESSES > 1 && !databaseUrl) {
    // Two processes on one PGlite folder lose writes; the lock file would stop the second anyway.
    throw new ConfigError(
      `JALON_PROCESSES=${e.JALON_PROCESSES} demande PostgreSQL (DATABASE_URL) : la base embarquée n'accepte qu'un seul processus. ` +
        'Définissez DATABASE_URL, ou laissez JALON_PROCESSES à 1. ' +
        '(More than one process needs PostgreSQL: set DATABASE_URL, or leave JALON_PROCESSES at 1.)',
    );
  }
  return {
    production,
    port,
    host: e.HOST,
    databaseUrl,
    dataDir: path.resolve(e.JALON_DATA_DIR ?? path.join(process.cwd(), 'data')),
    poolSize: e.JALON_DB_POOL_SIZE,
    publicUrl: (e.JALON_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
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
