import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { findOrganization } from '../organizations';

export interface Centre {
  id: string;
  /** SCO centres enrol pupils from their roster, class by class. */
  hasRoster: boolean;
}

/** The organization as a certification centre, or `NOT_A_CERTIFICATION_CENTER`. */
export async function findCentre(executor: Executor, organizationId: string): Promise<Centre> {
  const organization = await findOrganization(executor, organizationId);
  if (!organization?.features.includes('CERTIFICATION_CENTER')) throw new AppError('NOT_A_CERTIFICATION_CENTER');
  return { id: organization.id, hasRoster: organization.type === 'SCO' };
}

/**
 * Route hook run after access control (the caller is a member) and before the body is
 * read: an organization without the feature learns nothing more of these routes.
 */
export function centreOnly(executor: Executor) {
  return async (request: FastifyRequest) => {
    await findCentre(executor, (request.params as { organizationId: string }).organizationId);
  };
}
