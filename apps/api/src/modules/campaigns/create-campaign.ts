import type { CreateCampaignValues, OrganizationFeature } from '@jalon/contracts';
import { campaignSkills, type Release } from '@jalon/content';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { AppError, type AppErrorItem } from '../../platform/http/errors';
import { findAvailableProfile } from '../catalogue';
import { findOrganization } from '../organizations';
import { externalId, multipleSendingsErrors, ownerErrors, resultButtonErrors, textOrNull } from './campaign-rules';
import { drawCampaignCode } from './code';
import { campaigns, campaignSkills as campaignSkillRows } from './schema';

export interface CampaignDeps {
  db: Db;
  clock: Clock;
  release: Release;
  publicUrl: string;
  /** Replaced in tests to force a collision. */
  drawCode?: () => string;
}

export type CampaignInput = CreateCampaignValues;

/** 7.6 × 10¹⁰ codes: a collision is rare, several in a row mean something else is wrong. */
const CODE_ATTEMPTS = 10;

/**
 * Creates a campaign and freezes its skills (`campaigns-and-participation.md` §4.2–4.4).
 * Every business rule is checked before anything is written, and all its errors are
 * reported together so the form can show each beside its field.
 */
export async function createCampaign(
  deps: CampaignDeps,
  input: { organizationId: string; creatorId: string; body: CampaignInput },
): Promise<string> {
  return deps.db.transaction(async (tx) => insertCampaign(tx, deps, input));
}

export async function insertCampaign(
  tx: Tx,
  deps: Pick<CampaignDeps, 'clock' | 'release' | 'drawCode'>,
  { organizationId, creatorId, body }: { organizationId: string; creatorId: string; body: CampaignInput },
): Promise<string> {
  const organization = await findOrganization(tx, organizationId);
  const features: readonly OrganizationFeature[] = organization?.features ?? [];
  const isCollection = body.type === 'PROFILES_COLLECTION';
  const title = textOrNull(body.title);
  const buttonText = textOrNull(body.customResultPageButtonText);
  const buttonUrl = textOrNull(body.customResultPageButtonUrl);
  const ownerId = body.ownerId ?? creatorId;
  const targetProfileId = textOrNull(body.targetProfileId);

  const errors: AppErrorItem[] = [];
  if (body.type === 'EXAM' && !features.includes('CAMPAIGN_WITHOUT_USER_PROFILE')) errors.push({ code: 'CAMPAIGN_TYPE_NOT_ALLOWED', pointer: '/type' });
  const profile = targetProfileId && !isCollection ? await findAvailableProfile(tx, organizationId, targetProfileId) : undefined;
  if (isCollection && targetProfileId) errors.push({ code: 'TARGET_PROFILE_NOT_ALLOWED', pointer: '/targetProfileId' });
  else if (!isCollection && !targetProfileId) errors.push({ code: 'TARGET_PROFILE_REQUIRED', pointer: '/targetProfileId' });
  else if (!isCollection && !profile) errors.push({ code: 'TARGET_PROFILE_NOT_ALLOWED', pointer: '/targetProfileId' });
  if (isCollection && title) errors.push({ code: 'CAMPAIGN_TITLE_NOT_ALLOWED', pointer: '/title' });
  errors.push(...resultButtonErrors(buttonText, buttonUrl));
  errors.push(...multipleSendingsErrors(body.type, body.multipleSendings, features));
  if (ownerId !== creatorId) errors.push(...(await ownerErrors(tx, organizationId, ownerId)));
  if (errors.length > 0) throw AppError.many(errors);

  const now = deps.clock.now();
  const values = {
    organizationId,
    type: body.type,
    name: body.name,
    targetProfileId: profile?.id ?? null,
    title,
    customLandingPageText: textOrNull(body.customLandingPageText),
    customResultPageText: textOrNull(body.customResultPageText),
    customResultPageButtonText: buttonText,
    customResultPageButtonUrl: buttonUrl,
    ...externalId(textOrNull(body.externalIdLabel), body.externalIdType),
    multipleSendings: body.multipleSendings,
    ownerId,
    creatorId,
    releaseId: profile ? deps.release.id : null,
    createdAt: now,
    updatedAt: now,
  };
  const campaignId = await insertWithFreshCode(tx, values, deps.drawCode ?? drawCampaignCode);
  if (profile) {
    const skills = campaignSkills(deps.release, profile);
    if (skills.length > 0) {
      await tx.insert(campaignSkillRows).values(
        skills.map((skill) => ({ campaignId, skillId: skill.id, tubeId: skill.tubeId, competenceId: skill.competenceId, level: skill.level })),
      );
    }
  }
  return campaignId;
}

/**
 * Draws codes until one is free. `on conflict do nothing` keeps the transaction usable
 * after a collision (a unique violation would abort it), and the unique index also
 * covers deleted campaigns, whose codes stay reserved.
 */
async function insertWithFreshCode(tx: Tx, values: Omit<typeof campaigns.$inferInsert, 'code'>, drawCode: () => string): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const [row] = await tx
      .insert(campaigns)
      .values({ ...values, code: drawCode() })
      .onConflictDoNothing({ target: campaigns.code })
      .returning({ id: campaigns.id });
    if (row) return row.id;
  }
  throw new Error(`No free campaign code after ${CODE_ATTEMPTS} draws`);
}
