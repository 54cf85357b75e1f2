import type { FastifyRequest } from 'fastify';

/** Query parameters that carry a secret: a reset link's token, an OIDC authorization code and state, a SAML message. */
const SECRET_PARAMS = /([?&](?:token|code|state|SAMLResponse|SAMLRequest|RelayState)=)[^&#]*/gi;
/** Paths whose last segment is a secret (the password-reset link check). */
const SECRET_PATH = /^(\/api\/auth\/password-resets\/)[^/?#]+/;

/** The URL as it may be logged: secrets a URL carries are masked, so access logs never hold one. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH, '$1[redacted]').replace(SECRET_PARAMS, '$1[redacted]');
}

/** Pino's request serializer: Fastify's usual fields, with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
