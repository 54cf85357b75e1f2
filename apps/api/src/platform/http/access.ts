import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/**
 * Who may call a route. Every route declares it in `config.access`; a route that forgets
 * is treated as `user` (secure by default).
 * - `orgMember` / `orgAdmin`: the route is scoped to one organization, found from its path
 *   parameters through the registered tenant resolvers (`organizationId`, later
 *   `campaignId`…), and the caller must be an active member (or ADMIN) of it.
 */
export type Access = 'public' | 'user' | 'platformAdmin' | 'orgMember' | 'orgAdmin';

export interface SessionContext {
  tokenHash: string;
  csrfToken: string;
  userId: string;
  mustChangePassword: boolean;
  isPlatformAdmin: boolean;
}

export interface MembershipContext {
  id: string;
  organizationId: string;
  role: 'ADMIN' | 'MEMBER';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Routes a user with a temporary password may still call (sign-out, the password change itself). */
    allowWhilePasswordChangeRequired?: boolean;
    /**
     * A write that carries its own proof of origin (a signed SAML response posted by an
     * identity provider's page): the CSRF defence, made for our own pages, does not apply.
     */
    signedForeignPost?: boolean;
  }
  interface FastifyRequest {
    session: SessionContext | null;
    membership: MembershipContext | null;
  }
}

export const SESSION_COOKIE = 'jalon_session';
export const CSRF_COOKIE = 'jalon_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Finds the organization a path parameter belongs to, or null when it does not exist. */
export type TenantResolver = (value: string) => Promise<string | null>;

/** Finds the account a path parameter's row belongs to (a pupil's assessment…), or null. */
export type OwnerResolver = (value: string) => Promise<string | null>;

export interface AccessOptions {
  resolveSession(token: string): Promise<SessionContext | null>;
  findMembership(userId: string, organizationId: string): Promise<MembershipContext | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AccessControl {
  /** Declares how a path parameter leads to its organization (for `orgMember` / `orgAdmin` routes). */
  registerTenantResolver(param: string, resolver: TenantResolver): void;
  /** The path parameters that scope a route to an organization (the tenant-isolation test reads them). */
  tenantParams(): string[];
  /**
   * Declares how a path parameter of a pupil's route (`user` access) leads to the account that
   * owns it, so a refusal on someone else's id is logged like a cross-organization one.
   */
  registerOwnerResolver(param: string, resolver: OwnerResolver): void;
}

export function registerAccessControl(app: FastifyInstance, options: AccessOptions): AccessControl {
  const resolvers = new Map<string, TenantResolver>([['organizationId', async (id) => id]]);
  const owners = new Map<string, OwnerResolver>();
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  app.decorateRequest('session', null);
  app.decorateRequest('membership', null);

  // onRequest, before the body is even parsed: a caller without the right learns nothing,
  // not even whether their input would have been valid.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    // Only the API is guarded: the web app's files and the OpenAPI pages are public.
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/') || url.startsWith('/api/docs')) return;
    const access: Access = request.routeOptions.config.access ?? 'user';
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await options.resolveSession(token) : null;

    if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config.signedForeignPost) assertSameSite(request);

    if (access === 'public') return;
    const session = request.session;
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (session.mustChangePassword && !request.routeOptions.config.allowWhilePasswordChangeRequired) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (access === 'user') return;
    if (access === 'platformAdmin') {
      if (!session.isPlatformAdmin) throw new AppError('PLATFORM_ADMIN_REQUIRED');
      return;
    }

    const params = (request.params ?? {}) as Record<string, string>;
    const param = [...resolvers.keys()].find((name) => typeof params[name] === 'string');
    if (!param) throw new Error(`Route ${request.routeOptions.url} is ${access} but has no tenant parameter`);
    const value = params[param]!;
    const organizationId = UUID.test(value) ? await resolvers.get(param)!(value) : null;
    if (!organizationId) throw new AppError(param === 'organizationId' ? 'ORGANIZATION_NOT_FOUND' : 'ROUTE_NOT_FOUND');
    const membership = await options.findMembership(session.userId, organizationId);
    if (!membership) {
      // The trail an admin needs to spot someone probing other organizations: ids only, no names.
      request.log.warn(
        { route: `${request.method} ${request.routeOptions.url}`, userId: session.userId, targetOrganizationId: organizationId },
        'cross-organization access refused',
      );
      throw new AppError('NOT_A_MEMBER');
    }
    if (access === 'orgAdmin' && membership.role !== 'ADMIN') throw new AppError('ADMIN_ROLE_REQUIRED');
    request.membership = membership;
  });

  // A pupil's routes check ownership in their own queries and answer 403/404 like for an
  // unknown id. Only then, off the hot path, is the id's owner looked up: a refusal on
  // another account's row leaves the same id-only trail as the organization guard's.
  app.addHook('onError', async (request, _reply, error) => {
    const session = request.session;
    if (!session || !(error instanceof AppError) || (error.status !== 403 && error.status !== 404)) return;
    if ((request.routeOptions.config.access ?? 'user') !== 'user') return;
    const params = (request.params ?? {}) as Record<string, unknown>;
    for (const [param, resolve] of owners) {
      const value = params[param];
      if (typeof value !== 'string' || !UUID.test(value)) continue;
      try {
        const owner = await resolve(value);
        if (owner === null || owner === session.userId) continue;
        request.log.warn(
          { route: `${request.method} ${request.routeOptions.url}`, userId: session.userId, [param]: value },
          'cross-account access refused',
        );
      } catch (lookupError) {
        // The trail must never turn a clean refusal into a 500.
        request.log.warn({ err: lookupError }, 'cross-account check failed');
      }
      return;
    }
  });

  return {
    registerTenantResolver(param, resolver) {
      resolvers.set(param, resolver);
    },
    tenantParams: () => [...resolvers.keys()],
    registerOwnerResolver(param, resolver) {
      owners.set(param, resolver);
    },
  };
}

/**
 * CSRF defence for writes. With a session, the `x-csrf-token` header must equal the
 * session's token (double submit: only our own pages can read the `jalon_csrf` cookie).
 * Without one (sign-in, sign-up), a browser-declared cross-site request is refused.
 */
function assertSameSite(request: FastifyRequest): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('CSRF_TOKEN_INVALID');
  const session = request.session;
  if (!session) return;
  if (request.headers[CSRF_HEADER] !== session.csrfToken) throw new AppError('CSRF_TOKEN_INVALID');
}
