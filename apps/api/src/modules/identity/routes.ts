import {
  acceptTermsBodySchema,
  changePasswordBodySchema,
  currentOrganizationBodySchema,
  meSchema,
  passwordResetBodySchema,
  passwordResetRequestBodySchema,
  passwordResetTokenParamsSchema,
  signInBodySchema,
  signUpBodySchema,
} from '@jalon/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import { changePassword, checkPasswordResetToken, requestPasswordReset, resetPassword, signUp, type AccountDeps } from './accounts';
import { getMe, type ListMemberships } from './me.query';
import { users } from './schema';
import { revokeSession, SESSION_LIFETIME_MS } from './sessions';
import { signIn } from './sign-in';

export interface IdentityRoutesDeps extends AccountDeps {
  listMemberships: ListMemberships;
  isMemberOf(userId: string, organizationId: string): Promise<boolean>;
  secureCookies: boolean;
}

export function identityRoutes(deps: IdentityRoutesDeps) {
  const { db, clock } = deps;

  function setSessionCookies(reply: FastifyReply, session: { token: string; csrfToken: string }) {
    const common = { path: '/', sameSite: 'lax' as const, secure: deps.secureCookies, maxAge: SESSION_LIFETIME_MS / 1000 };
    void reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
    void reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
  }

  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const me = (userId: string) => getMe(db, deps.listMemberships, userId);

    r.post(
      '/api/auth/sign-up',
      { schema: { tags: ['identity'], body: signUpBodySchema, response: { 201: meSchema } }, config: { access: 'public' } },
      async (request, reply) => {
        const session = await signUp(deps, { ...request.body, userAgent: request.headers['user-agent'] });
        setSessionCookies(reply, session);
        return reply.status(201).send(await me(session.userId));
      },
    );

    r.post(
      '/api/auth/sign-in',
      { schema: { tags: ['identity'], body: signInBodySchema, response: { 200: meSchema } }, config: { access: 'public' } },
      async (request, reply) => {
        const session = await signIn(deps, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
        setSessionCookies(reply, session);
        return me(session.userId);
      },
    );

    r.post(
      '/api/auth/sign-out',
      { schema: { tags: ['identity'], response: { 204: z.null() } }, config: { access: 'public' } },
      async (request, reply) => {
        if (request.session) await revokeSession(db, request.session.tokenHash, clock.now());
        void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/api/me',
      { schema: { tags: ['identity'], response: { 200: meSchema } }, config: { allowWhilePasswordChangeRequired: true } },
      async (request) => me(request.session!.userId),
    );

    r.post(
      '/api/me/password',
      { schema: { tags: ['identity'], body: changePasswordBodySchema, response: { 204: z.null() } }, config: { allowWhilePasswordChangeRequired: true } },
      async (request, reply) => {
        const session = await changePassword(deps, { userId: request.session!.userId, ...request.body, userAgent: request.headers['user-agent'] });
        setSessionCookies(reply, session);
        return reply.status(204).send(null);
      },
    );

    r.post(
      '/api/me/terms',
      { schema: { tags: ['identity'], body: acceptTermsBodySchema, response: { 200: meSchema } } },
      async (request) => {
        const now = clock.now();
        const userId = request.session!.userId;
        await db
          .update(users)
          .set(request.body.scope === 'orga' ? { orgaTermsAcceptedAt: now } : { termsAcceptedAt: now })
          .where(eq(users.id, userId));
        return me(userId);
      },
    );

    r.put(
      '/api/me/current-organization',
      { schema: { tags: ['identity'], body: currentOrganizationBodySchema, response: { 200: meSchema } } },
      async (request) => {
        const userId = request.session!.userId;
        if (!(await deps.isMemberOf(userId, request.body.organizationId))) throw new AppError('NOT_A_MEMBER', { pointer: '/organizationId' });
        await db.update(users).set({ currentOrganizationId: request.body.organizationId }).where(eq(users.id, userId));
        return me(userId);
      },
    );

    r.post(
      '/api/auth/password-reset-requests',
      { schema: { tags: ['identity'], body: passwordResetRequestBodySchema, response: { 202: z.null() } }, config: { access: 'public' } },
      async (request, reply) => {
        await requestPasswordReset(deps, request.body.email);
        return reply.status(202).send(null);
      },
    );

    r.get(
      '/api/auth/password-resets/:token',
      {
        schema: { tags: ['identity'], params: passwordResetTokenParamsSchema, response: { 200: z.object({ valid: z.literal(true) }) } },
        config: { access: 'public' },
      },
      async (request) => {
        await checkPasswordResetToken(deps, request.params.token);
        return { valid: true as const };
      },
    );

    r.post(
      '/api/auth/password-resets',
      { schema: { tags: ['identity'], body: passwordResetBodySchema, response: { 204: z.null() } }, config: { access: 'public' } },
      async (request, reply) => {
        await resetPassword(deps, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
