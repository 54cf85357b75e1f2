import type { Duplex } from 'node:stream';
import { ERROR_STATUS, isErrorCode, type ErrorBody } from '@jalon/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, toApiError, type AppErrorItem } from './errors';

/** Seconds a client should wait before retrying when the database is out of reach. */
const RETRY_AFTER_UNAVAILABLE_S = 5;

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && CONNECTION_ERROR_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(e.message)) {
      return true;
    }
    current = e.cause;
  }
  return false;
}

/**
 * PostgreSQL refuses to store some text a client may send — a NUL character (`22021`) or a
 * `\u0000` escape in JSON (`22P05`) — so such a request is the client's error, not ours.
 */
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

function hasErrorCode(error: unknown, codes: Set<string>): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function send(reply: FastifyReply, status: number, items: AppErrorItem[], headers: Record<string, string> = {}) {
  const body: ErrorBody = { errors: items.map(toApiError) };
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

function validationItems(error: Omit<FastifyError, 'validation'> & { validation: { instancePath: string; message?: string }[] }, context: string | undefined): AppErrorItem[] {
  return error.validation.map((issue) => {
    const message = issue.message ?? '';
    const code = isErrorCode(message) ? message : 'INVALID_REQUEST';
    const pointer = context === 'body' ? issue.instancePath || '/' : `/${context ?? 'request'}${issue.instancePath === '/' ? '' : issue.instancePath}`;
    return { code, pointer, detail: code === 'INVALID_REQUEST' ? `${context ?? 'request'}: ${message}` : code };
  });
}

/** Serves the web app for a browser route; returns false when the request is not one. */
export type SpaFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Fastify refuses some URLs itself, before any route or error handler runs (a path parameter
 * over 100 characters, malformed percent-encoding): passed as Fastify's `frameworkErrors`,
 * this gives those refusals our error body too.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.statusCode && error.statusCode >= 500) {
    request.log.error({ err: error }, 'framework error');
    return send(reply, 500, [{ code: 'INTERNAL_ERROR', detail: 'Unexpected error', meta: { requestId: request.id } }]);
  }
  return send(reply, 400, [{ code: 'INVALID_REQUEST', detail: error.message.slice(0, 200) }]);
}

/**
 * Node refuses some requests before Fastify sees them — bytes after a body shorter than its
 * `content-length`, a malformed request line, headers over 16 KB, a body still arriving after
 * the request timeout — and Fastify's own answer has no error code: these get ours, then the
 * connection is closed (its framing can no longer be trusted).
 */
export function clientErrors(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const detail =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'Request timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? 'Request headers too large' : 'Malformed request';
  const body = JSON.stringify({ errors: [toApiError({ code: 'INVALID_REQUEST', detail })] } satisfies ErrorBody);
  if (socket.writable) {
    socket.write(`HTTP/1.1 400 Bad Request\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

export function registerErrorHandling(app: FastifyInstance, spaFallback: SpaFallback | null): void {
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (spaFallback?.(request, reply)) return reply;
    return send(reply, 404, [{ code: 'ROUTE_NOT_FOUND', detail: `No route ${request.method} ${request.url.split('?')[0]}` }]);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, error.status, error.items, error.headers);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const items = validationItems(error, (error as { validationContext?: string }).validationContext);
      // A malformed request (400) outranks field-level validation (422): report the worst.
      const status = Math.min(...items.map((item) => ERROR_STATUS[item.code]));
      return send(reply, status, items);
    }

    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, 413, [{ code: 'PAYLOAD_TOO_LARGE' }]);
    if (error.statusCode === 429) {
      return send(reply, 429, [{ code: 'RATE_LIMITED' }], { 'Retry-After': String(RETRY_AFTER_UNAVAILABLE_S) });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, 400, [{ code: 'INVALID_REQUEST', detail: error.message }]);
    }
    if (hasErrorCode(error, UNSTORABLE_TEXT_CODES)) {
      return send(reply, 400, [{ code: 'INVALID_REQUEST', detail: 'The request contains characters that cannot be stored' }]);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return send(reply, 503, [{ code: 'SERVICE_UNAVAILABLE', meta: { retryAfterSeconds: RETRY_AFTER_UNAVAILABLE_S } }], {
        'Retry-After': String(RETRY_AFTER_UNAVAILABLE_S),
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, [{ code: 'INTERNAL_ERROR', detail: 'Unexpected error', meta: { requestId: request.id } }]);
  });
}
