import { count } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { hashPassword, users } from '../identity';
import { learnerSortKey, memberships, organizationFeatures, organizationLearners, organizations } from '../organizations';
import { demoMediacentreConfig, generateIdpKeyPair, identityProviders } from '../sso';
import { cliqueSolidaire, DEMO_PASSWORD, demoMediacentre, demoUsers, victorHugo } from './fixture';

/**
 * Seeds the demo fixture on an instance that has no organization yet; returns whether it
 * did. One transaction: a crash mid-seed leaves an empty instance that seeds again.
 */
export async function seedDemoIfEmpty(db: Db, clock: Clock): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  if (Number(row?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  // The demonstration Médiacentre signs with its own key, kept in its provider row.
  const mediacentreKey = generateIdpKeyPair('Médiacentre de démonstration', now);
  await db.transaction(async (tx) => {
    const userIds = new Map<string, string>();
    for (const [key, user] of Object.entries(demoUsers)) {
      const [inserted] = await tx
        .insert(users)
        .values({
          ...user,
          passwordHash,
          termsAcceptedAt: now,
          // Orga's terms are left for the teachers to accept at their first sign-in, as a real one would.
          orgaTermsAcceptedAt: null,
        })
        .returning({ id: users.id });
      userIds.set(key, inserted!.id);
    }
    for (const fixture of [victorHugo, cliqueSolidaire]) {
      const { features, members, learners, ...fields } = fixture;
      const [organization] = await tx.insert(organizations).values(fields).returning({ id: organizations.id });
      const organizationId = organization!.id;
      if (features.length > 0) await tx.insert(organizationFeatures).values(features.map((feature) => ({ organizationId, feature })));
      for (const member of members) {
        await tx.insert(memberships).values({ organizationId, userId: userIds.get(member.user)!, role: member.role });
      }
      for (const learner of learners) {
        await tx.insert(organizationLearners).values({
          organizationId,
          ...learner,
          sortKey: learnerSortKey(learner.lastName, learner.firstName),
          status: 'ST',
          birthCountryCode: '99100',
        });
      }
      if (fixture.name === victorHugo.name) {
        await tx.insert(identityProviders).values({
          slug: demoMediacentre.slug,
          organizationId,
          protocol: 'SAML',
          provider: 'MEDIACENTRE',
          label: demoMediacentre.label,
          config: demoMediacentreConfig(mediacentreKey, [...demoMediacentre.pupils]),
        });
      }
    }
  });
  return true;
}
