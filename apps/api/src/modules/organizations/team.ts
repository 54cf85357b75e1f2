import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { memberships } from './schema';

type Role = 'ADMIN' | 'MEMBER';

/**
 * Locks the organization's active ADMIN memberships before they are counted, so two
 * concurrent demotions cannot both pass the last-ADMIN rule (`campaigns-and-participation.md` §8).
 */
export async function lockActiveAdmins(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'ADMIN'), isNull(memberships.disabledAt)))
    .for('update');
  return rows.map((r) => r.id);
}

/** Throws `LAST_ADMIN` when `membershipId` is the only active ADMIN left. */
export async function assertNotLastAdmin(tx: Tx, organizationId: string, membershipId: string): Promise<void> {
  const admins = await lockActiveAdmins(tx, organizationId);
  if (admins.length <= 1 && admins.includes(membershipId)) throw new AppError('LAST_ADMIN');
}

async function findMembershipIn(tx: Tx, organizationId: string, membershipId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, organizationId), isNull(memberships.disabledAt)));
  if (!row) throw new AppError('MEMBERSHIP_NOT_FOUND');
  return row;
}

export async function changeRole(deps: { db: Db; clock: Clock }, input: { organizationId: string; membershipId: string; role: Role }) {
  await deps.db.transaction(async (tx) => {
    const membership = await findMembershipIn(tx, input.organizationId, input.membershipId);
    if (membership.role === input.role) return;
    if (input.role === 'MEMBER') await assertNotLastAdmin(tx, input.organizationId, membership.id);
    await tx.update(memberships).set({ role: input.role, updatedAt: deps.clock.now() }).where(eq(memberships.id, membership.id));
  });
}

/** Removal and leaving both disable the membership; the member's campaigns stay with the organization. */
export async function disableMembership(deps: { db: Db; clock: Clock }, input: { organizationId: string; membershipId: string }) {
  await deps.db.transaction(async (tx) => {
    const membership = await findMembershipIn(tx, input.organizationId, input.membershipId);
    await assertNotLastAdmin(tx, input.organizationId, membership.id);
    const now = deps.clock.now();
    await tx.update(memberships).set({ disabledAt: now, updatedAt: now }).where(eq(memberships.id, membership.id));
  });
}
