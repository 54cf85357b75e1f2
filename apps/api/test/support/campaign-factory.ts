import type { Db } from '../../src/platform/db/database';
import { campaigns, drawCampaignCode } from '../../src/modules/campaigns';

/** A campaign row written directly, for tests that need one without going through Orga's form. */
export async function createCampaignRow(
  db: Db,
  fields: { organizationId: string; ownerId: string } & Partial<typeof campaigns.$inferInsert>,
): Promise<{ id: string; code: string }> {
  const [row] = await db
    .insert(campaigns)
    .values({ type: 'PROFILES_COLLECTION', name: 'Campagne de test', code: drawCampaignCode(), creatorId: fields.ownerId, ...fields })
    .returning({ id: campaigns.id, code: campaigns.code });
  return row!;
}
