import type { FastifyBaseLogger } from 'fastify';

const noop = () => {};

/** A logger that drops everything, for code that needs one outside a Fastify app. */
export const silentLogger: FastifyBaseLogger = {
  level: 'silent',
  fatal: noop,
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  silent: noop,
  child: () => silentLogger,
};
