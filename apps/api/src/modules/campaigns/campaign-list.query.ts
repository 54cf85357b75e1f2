import type { CampaignRow, CampaignsPage } from '@jalon/contracts';
import { and, count, desc, eq, ilike, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { users } from '../identity';
import { participationCounts } from './campaigns.repository';
import { campaigns } from './schema';

export interface CampaignListQuery {
  search: string;
  ownerId?: string | undefined;
  status: 'ACTIVE' | 'ARCHIVED';
  page: number;
  pageSize: number;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** « Mes campagnes » (the caller as owner) and « Toutes les campagnes », newest first (§4.4). */
export async function listCampaigns(executor: Executor, organizationId: string, query: CampaignListQuery): Promise<CampaignsPage> {
  const where: SQL | undefined = and(
    eq(campaigns.organizationId, organizationId),
    isNull(campaigns.deletedAt),
    query.status === 'ARCHIVED' ? isNotNull(campaigns.archivedAt) : isNull(campaigns.archivedAt),
    query.ownerId ? eq(campaigns.ownerId, query.ownerId) : undefined,
    query.search ? ilike(campaigns.name, `%${escapeLike(query.search)}%`) : undefined,
  );
  const [{ total } = { total: 0 }] = await executor.select({ total: count() }).from(campaigns).where(where);
  const rows = await executor
    .select({
      id: campaigns.id,
      type: campaigns.type,
      name: campaigns.name,
      code: campaigns.code,
      createdAt: campaigns.createdAt,
      archivedAt: campaigns.archivedAt,
      ownerId: users.id,
      ownerFirstName: users.firstName,
      ownerLastName: users.lastName,
    })
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.ownerId))
    .where(where)
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const counts = await participationCounts(
    executor,
    rows.map((r) => r.id),
  );
  const items: CampaignRow[] = rows.map((r) => ({
    id: r.id,
    type: r.type as CampaignRow['type'],
    name: r.name,
    code: r.code,
    owner: { id: r.ownerId, firstName: r.ownerFirstName, lastName: r.ownerLastName },
    createdAt: r.createdAt.toISOString(),
    archivedAt: r.archivedAt?.toISOString() ?? null,
    ...(counts.get(r.id) ?? { participantCount: 0, sharedCount: 0 }),
  }));
  return { items, page: query.page, pageSize: query.pageSize, total: Number(total) };
}
