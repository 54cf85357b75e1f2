import type { Sitting, SittingStatus, SittingValues, SittingsPage } from '@jalon/contracts';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Executor, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { drawAccessCode } from './access-code';
import { certificationCandidates, certificationSittings } from './schema';

type SittingRow = typeof certificationSittings.$inferSelect;

/** 31⁶ ≈ 8.9 × 10⁸ codes: several collisions in a row mean something else is wrong. */
const CODE_ATTEMPTS = 10;

/** Creates a sitting with a fresh access code; its number comes from the sequence. */
export async function createSitting(
  tx: Tx,
  deps: { clock: Clock; drawCode?: () => string },
  input: { organizationId: string; userId: string; body: SittingValues },
): Promise<string> {
  const now = deps.clock.now();
  const draw = deps.drawCode ?? drawAccessCode;
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    // `on conflict do nothing` keeps the transaction usable after a collision.
    const [row] = await tx
      .insert(certificationSittings)
      .values({ ...input.body, centerId: input.organizationId, accessCode: draw(), createdBy: input.userId, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: certificationSittings.accessCode })
      .returning({ id: certificationSittings.id });
    if (row) return row.id;
  }
  throw new Error(`No free sitting access code after ${CODE_ATTEMPTS} draws`);
}

/** The sitting of this centre, locked for the transaction when asked; `SITTING_NOT_FOUND` otherwise. */
export async function findCentreSitting(executor: Executor, organizationId: string, sittingId: string, lock = false): Promise<SittingRow> {
  const query = executor
    .select()
    .from(certificationSittings)
    .where(and(eq(certificationSittings.id, sittingId), eq(certificationSittings.centerId, organizationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('SITTING_NOT_FOUND');
  return row;
}

/** Enrolment and the sitting's details change only until the centre finalises it. */
export function assertOpen(sitting: SittingRow): void {
  if (sitting.status !== 'created') throw new AppError('SITTING_ALREADY_FINALIZED');
}

export async function updateSitting(tx: Tx, clock: Clock, organizationId: string, sittingId: string, body: SittingValues): Promise<void> {
  assertOpen(await findCentreSitting(tx, organizationId, sittingId, true));
  await tx
    .update(certificationSittings)
    .set({ ...body, updatedAt: clock.now() })
    .where(eq(certificationSittings.id, sittingId));
}

async function candidateCounts(executor: Executor, sittingIds: string[]): Promise<Map<string, number>> {
  if (sittingIds.length === 0) return new Map();
  const rows = await executor
    .select({ sittingId: certificationCandidates.sittingId, n: count() })
    .from(certificationCandidates)
    .where(inArray(certificationCandidates.sittingId, sittingIds))
    .groupBy(certificationCandidates.sittingId);
  return new Map(rows.map((r) => [r.sittingId, Number(r.n)]));
}

function toSitting(row: SittingRow, candidateCount: number): Sitting {
  return {
    id: row.id,
    number: row.number,
    address: row.address,
    room: row.room,
    date: row.date,
    time: row.time,
    invigilatorName: row.invigilatorName,
    accessCode: row.accessCode,
    status: row.status as SittingStatus,
    candidateCount,
    finalizedAt: row.finalizedAt?.toISOString() ?? null,
    finalizationComment: row.finalizationComment,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function getSitting(executor: Executor, organizationId: string, sittingId: string): Promise<Sitting> {
  const row = await findCentreSitting(executor, organizationId, sittingId);
  return toSitting(row, (await candidateCounts(executor, [row.id])).get(row.id) ?? 0);
}

/** The centre's sittings, latest date first. */
export async function listSittings(executor: Executor, organizationId: string, query: { page: number; pageSize: number }): Promise<SittingsPage> {
  const where = eq(certificationSittings.centerId, organizationId);
  const [{ total } = { total: 0 }] = await executor.select({ total: count() }).from(certificationSittings).where(where);
  const rows = await executor
    .select()
    .from(certificationSittings)
    .where(where)
    .orderBy(desc(certificationSittings.date), desc(certificationSittings.time), desc(certificationSittings.number))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const counts = await candidateCounts(
    executor,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toSitting(r, counts.get(r.id) ?? 0)), page: query.page, pageSize: query.pageSize, total: Number(total) };
}
