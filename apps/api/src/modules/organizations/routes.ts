import {
  acceptInvitationBodySchema,
  acceptInvitationResponseSchema,
  adminInvitationBodySchema,
  adminInvitationResponseSchema,
  adminOrganizationsPageSchema,
  adminOrganizationsQuerySchema,
  createInvitationsBodySchema,
  createInvitationsResponseSchema,
  invitationParamsSchema,
  invitationsResponseSchema,
  membersResponseSchema,
  membershipParamsSchema,
  organizationFeaturesBodySchema,
  organizationInputSchema,
  organizationParamsSchema,
  organizationSchema,
  publicInvitationParamsSchema,
  publicInvitationQuerySchema,
  publicInvitationSchema,
  updateMembershipBodySchema,
} from '@jalon/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors';
import { createOrganization, listOrganizations, setFeatures, updateOrganization } from './administration';
import {
  acceptInvitation,
  cancelInvitation,
  createInvitations,
  getPublicInvitation,
  listPendingInvitations,
  resendInvitation,
  type InvitationDeps,
} from './invitations';
import { findOrganization, listMembers } from './organizations.repository';
import { changeRole, disableMembership } from './team';

export function organizationRoutes(deps: InvitationDeps) {
  const { db } = deps;
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['organizations'];

    r.get(
      '/api/organizations/:organizationId',
      { schema: { tags, params: organizationParamsSchema, response: { 200: organizationSchema } }, config: { access: 'orgMember' } },
      async (request) => (await findOrganization(db, request.params.organizationId))!,
    );

    r.get(
      '/api/organizations/:organizationId/members',
      { schema: { tags, params: organizationParamsSchema, response: { 200: membersResponseSchema } }, config: { access: 'orgMember' } },
      async (request) => ({ members: await listMembers(db, request.params.organizationId) }),
    );

    r.patch(
      '/api/organizations/:organizationId/members/:membershipId',
      {
        schema: { tags, params: membershipParamsSchema, body: updateMembershipBodySchema, response: { 204: z.null() } },
        config: { access: 'orgAdmin' },
      },
      async (request, reply) => {
        await changeRole(deps, { ...request.params, role: request.body.role });
        return reply.status(204).send(null);
      },
    );

    r.delete(
      '/api/organizations/:organizationId/members/:membershipId',
      { schema: { tags, params: membershipParamsSchema, response: { 204: z.null() } }, config: { access: 'orgAdmin' } },
      async (request, reply) => {
        await disableMembership(deps, request.params);
        return reply.status(204).send(null);
      },
    );

    r.post(
      '/api/organizations/:organizationId/leave',
      { schema: { tags, params: organizationParamsSchema, response: { 204: z.null() } }, config: { access: 'orgMember' } },
      async (request, reply) => {
        await disableMembership(deps, { organizationId: request.params.organizationId, membershipId: request.membership!.id });
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/api/organizations/:organizationId/invitations',
      { schema: { tags, params: organizationParamsSchema, response: { 200: invitationsResponseSchema } }, config: { access: 'orgAdmin' } },
      async (request) => ({ invitations: await listPendingInvitations(db, request.params.organizationId) }),
    );

    r.post(
      '/api/organizations/:organizationId/invitations',
      {
        schema: { tags, params: organizationParamsSchema, body: createInvitationsBodySchema, response: { 201: createInvitationsResponseSchema } },
        config: { access: 'orgAdmin' },
      },
      async (request, reply) =>
        reply.status(201).send(await createInvitations(deps, { organizationId: request.params.organizationId, ...request.body })),
    );

    r.post(
      '/api/organizations/:organizationId/invitations/:invitationId/resend',
      { schema: { tags, params: invitationParamsSchema, response: { 204: z.null() } }, config: { access: 'orgAdmin' } },
      async (request, reply) => {
        await resendInvitation(deps, request.params);
        return reply.status(204).send(null);
      },
    );

    r.delete(
      '/api/organizations/:organizationId/invitations/:invitationId',
      { schema: { tags, params: invitationParamsSchema, response: { 204: z.null() } }, config: { access: 'orgAdmin' } },
      async (request, reply) => {
        await cancelInvitation(deps, request.params);
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/api/invitations/:invitationId',
      {
        schema: { tags, params: publicInvitationParamsSchema, querystring: publicInvitationQuerySchema, response: { 200: publicInvitationSchema } },
        config: { access: 'public' },
      },
      async (request) => getPublicInvitation(deps, request.params.invitationId, request.query.code),
    );

    r.post(
      '/api/invitations/:invitationId/accept',
      {
        schema: { tags, params: publicInvitationParamsSchema, body: acceptInvitationBodySchema, response: { 200: acceptInvitationResponseSchema } },
        config: { access: 'user' },
      },
      async (request) => acceptInvitation(deps, { invitationId: request.params.invitationId, code: request.body.code, userId: request.session!.userId }),
    );

    // Instance administration (« Jalon Admin »).
    const adminTags = ['admin'];
    r.get(
      '/api/admin/organizations',
      { schema: { tags: adminTags, querystring: adminOrganizationsQuerySchema, response: { 200: adminOrganizationsPageSchema } }, config: { access: 'platformAdmin' } },
      async (request) => listOrganizations(db, request.query),
    );

    r.post(
      '/api/admin/organizations',
      { schema: { tags: adminTags, body: organizationInputSchema, response: { 201: organizationSchema } }, config: { access: 'platformAdmin' } },
      async (request, reply) => reply.status(201).send(await createOrganization(deps, request.body)),
    );

    r.get(
      '/api/admin/organizations/:organizationId',
      { schema: { tags: adminTags, params: organizationParamsSchema, response: { 200: organizationSchema } }, config: { access: 'platformAdmin' } },
      async (request) => {
        const organization = await findOrganization(db, request.params.organizationId);
        if (!organization) throw new AppError('ORGANIZATION_NOT_FOUND');
        return organization;
      },
    );

    r.patch(
      '/api/admin/organizations/:organizationId',
      {
        schema: { tags: adminTags, params: organizationParamsSchema, body: organizationInputSchema, response: { 200: organizationSchema } },
        config: { access: 'platformAdmin' },
      },
      async (request) => updateOrganization(deps, request.params.organizationId, request.body),
    );

    r.put(
      '/api/admin/organizations/:organizationId/features',
      {
        schema: { tags: adminTags, params: organizationParamsSchema, body: organizationFeaturesBodySchema, response: { 200: organizationSchema } },
        config: { access: 'platformAdmin' },
      },
      async (request) => setFeatures(deps, request.params.organizationId, request.body.features),
    );

    r.post(
      '/api/admin/organizations/:organizationId/invitations',
      {
        schema: { tags: adminTags, params: organizationParamsSchema, body: adminInvitationBodySchema, response: { 201: adminInvitationResponseSchema } },
        config: { access: 'platformAdmin' },
      },
      async (request, reply) => {
        if (!(await findOrganization(db, request.params.organizationId))) throw new AppError('ORGANIZATION_NOT_FOUND');
        const result = await createInvitations(deps, { organizationId: request.params.organizationId, emails: request.body.email, role: 'ADMIN' });
        const invited = result.invited[0];
        if (!invited) throw new AppError('ALREADY_A_MEMBER', { pointer: '/email' });
        return reply.status(201).send(invited);
      },
    );
  };
}
