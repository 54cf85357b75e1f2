import { randomInt } from 'node:crypto';
import type { CreateInvitationsResponse, PublicInvitation } from '@jalon/contracts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Db, Executor, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { escapeHtml, type Mailer } from '../../platform/mail';
import { users } from '../identity';
import { invitations, memberships, organizations } from './schema';
import { assertNotLastAdmin, lockActiveAdmins } from './team';

/** An invitation expires 30 days after it was last sent (`campaigns-and-participation.md` §3). */
export const INVITATION_TTL_MS = 30 * 24 * 3600_000;
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const CODE_LENGTH = 10;

type Role = 'ADMIN' | 'MEMBER';

function asRole(value: string | null): Role | null {
  return value === 'ADMIN' || value === 'MEMBER' ? value : null;
}

export interface InvitationDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
}

function invitationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Splits what the ADMIN typed; one invalid address refuses the whole batch. */
export function parseEmailList(raw: string): string[] {
  const emails = [...new Set(raw.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (emails.length === 0) throw new AppError('INVITATION_EMAILS_REQUIRED', { pointer: '/emails' });
  const invalid = emails.find((e) => e.length > 255 || !z.email().safeParse(e).success);
  if (invalid !== undefined) throw new AppError('INVITATION_EMAIL_INVALID', { pointer: '/emails', meta: { email: invalid } });
  return emails;
}

async function sendInvitationMail(deps: InvitationDeps, executor: Executor, invitation: { id: string; email: string; code: string }, organizationName: string) {
  const link = `${deps.publicUrl}/orga/rejoindre?invitationId=${invitation.id}&code=${invitation.code}`;
  return deps.mailer.add(executor, {
    to: invitation.email,
    subject: `Invitation à rejoindre ${organizationName} sur Jalon Orga`,
    text:
      `Bonjour,\n\nVous êtes invité(e) à rejoindre l'équipe de ${organizationName} sur Jalon Orga, ` +
      `l'espace où les enseignants créent des campagnes et suivent les résultats de leurs élèves.\n\n` +
      `Pour accepter l'invitation, ouvrez ce lien (valable 30 jours, une seule fois) :\n${link}\n\nL'équipe Jalon`,
    html:
      `<p>Bonjour,</p><p>Vous êtes invité(e) à rejoindre l'équipe de <strong>${escapeHtml(organizationName)}</strong> sur Jalon Orga, ` +
      `l'espace où les enseignants créent des campagnes et suivent les résultats de leurs élèves.</p>` +
      `<p><a href="${escapeHtml(link)}">Accepter l'invitation</a></p><p>Ce lien est valable 30 jours et ne sert qu'une fois : ${escapeHtml(link)}</p><p>L'équipe Jalon</p>`,
  });
}

async function organizationName(executor: Executor, organizationId: string): Promise<string> {
  const [row] = await executor.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  if (!row) throw new AppError('ORGANIZATION_NOT_FOUND');
  return row.name;
}

/**
 * Invites each address: active members are reported and skipped, a pending invitation to
 * the same address is sent again (its date renewed) rather than duplicated.
 */
export async function createInvitations(
  deps: InvitationDeps,
  input: { organizationId: string; emails: string; role: Role | null },
): Promise<CreateInvitationsResponse> {
  const emails = parseEmailList(input.emails);
  const now = deps.clock.now();
  const { result, mailIds } = await deps.db.transaction(async (tx) => {
    const name = await organizationName(tx, input.organizationId);
    const members = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, input.organizationId), isNull(memberships.disabledAt), inArray(users.email, emails)));
    const memberEmails = new Set(members.map((m) => m.email));
    const result: CreateInvitationsResponse = { invited: [], alreadyMembers: [] };
    const mailIds: string[] = [];
    for (const email of emails) {
      if (memberEmails.has(email)) {
        result.alreadyMembers.push(email);
        continue;
      }
      const [invitation] = await tx
        .insert(invitations)
        .values({ organizationId: input.organizationId, email, code: invitationCode(), role: input.role, status: 'pending', createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [invitations.organizationId, invitations.email],
          targetWhere: sql`${invitations.status} = 'pending'`,
          set: { updatedAt: now, role: input.role },
        })
        .returning({ id: invitations.id, email: invitations.email, code: invitations.code });
      result.invited.push({ email, invitationId: invitation!.id });
      mailIds.push(await sendInvitationMail(deps, tx, invitation!, name));
    }
    return { result, mailIds };
  });
  await deps.mailer.dispatch(mailIds);
  return result;
}

export async function listPendingInvitations(executor: Executor, organizationId: string) {
  const rows = await executor
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.status, 'pending')))
    .orderBy(asc(invitations.updatedAt), asc(invitations.id));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: asRole(r.role),
    status: 'pending' as const,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

async function findPendingInvitationOf(tx: Tx, organizationId: string, invitationId: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, organizationId), eq(invitations.status, 'pending')))
    .for('update');
  if (!row) throw new AppError('INVITATION_NOT_FOUND');
  return row;
}

/** « Renvoyer »: the same link again, its 30 days renewed. */
export async function resendInvitation(deps: InvitationDeps, input: { organizationId: string; invitationId: string }) {
  const mailId = await deps.db.transaction(async (tx) => {
    const invitation = await findPendingInvitationOf(tx, input.organizationId, input.invitationId);
    await tx.update(invitations).set({ updatedAt: deps.clock.now() }).where(eq(invitations.id, invitation.id));
    return sendInvitationMail(deps, tx, invitation, await organizationName(tx, input.organizationId));
  });
  await deps.mailer.dispatch([mailId]);
}

export async function cancelInvitation(deps: Pick<InvitationDeps, 'db' | 'clock'>, input: { organizationId: string; invitationId: string }) {
  await deps.db.transaction(async (tx) => {
    const invitation = await findPendingInvitationOf(tx, input.organizationId, input.invitationId);
    await tx.update(invitations).set({ status: 'cancelled', updatedAt: deps.clock.now() }).where(eq(invitations.id, invitation.id));
  });
}

async function findUsableInvitation(executor: Executor, invitationId: string, code: string, now: Date) {
  const [row] = await executor
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.id, invitationId));
  if (!row || row.invitation.code !== code.trim().toUpperCase()) throw new AppError('INVITATION_NOT_FOUND');
  if (row.invitation.status !== 'pending') throw new AppError('INVITATION_ALREADY_ACCEPTED_OR_CANCELLED');
  if (now.getTime() - row.invitation.updatedAt.getTime() > INVITATION_TTL_MS) throw new AppError('INVITATION_EXPIRED');
  return row;
}

/** What the `/rejoindre` page shows before the person signs in. */
export async function getPublicInvitation(deps: Pick<InvitationDeps, 'db' | 'clock'>, invitationId: string, code: string): Promise<PublicInvitation> {
  const { invitation, organizationName } = await findUsableInvitation(deps.db, invitationId, code, deps.clock.now());
  return { organizationName, email: invitation.email, status: 'pending' };
}

/**
 * Accepts for the signed-in account. An existing member is refused unless the invitation
 * names a role, which then replaces theirs (never demoting the last ADMIN); a role left
 * automatic makes the first member ADMIN and the others MEMBER.
 */
export async function acceptInvitation(deps: Pick<InvitationDeps, 'db' | 'clock'>, input: { invitationId: string; code: string; userId: string }) {
  const now = deps.clock.now();
  const { invitation } = await findUsableInvitation(deps.db, input.invitationId, input.code, now);
  const organizationId = invitation.organizationId;
  return deps.db.transaction(async (tx) => {
    const accepted = await tx
      .update(invitations)
      .set({ status: 'accepted', updatedAt: now })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, 'pending')))
      .returning({ id: invitations.id });
    if (accepted.length === 0) throw new AppError('INVITATION_ALREADY_ACCEPTED_OR_CANCELLED');

    const admins = await lockActiveAdmins(tx, organizationId);
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, input.userId), isNull(memberships.disabledAt)));
    const explicitRole = asRole(invitation.role);
    let role: Role;
    if (existing) {
      if (!explicitRole) throw new AppError('ALREADY_A_MEMBER');
      if (existing.role === 'ADMIN' && explicitRole === 'MEMBER') await assertNotLastAdmin(tx, organizationId, existing.id);
      role = explicitRole;
      await tx.update(memberships).set({ role, updatedAt: now }).where(eq(memberships.id, existing.id));
    } else {
      if (explicitRole) {
        role = explicitRole;
      } else {
        const [active] = await tx
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.organizationId, organizationId), isNull(memberships.disabledAt)))
          .limit(1);
        role = active || admins.length > 0 ? 'MEMBER' : 'ADMIN';
      }
      await tx.insert(memberships).values({ organizationId, userId: input.userId, role, createdAt: now, updatedAt: now });
    }
    await tx.update(users).set({ currentOrganizationId: organizationId }).where(eq(users.id, input.userId));
    return { organizationId, role };
  });
}
