import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentPackageDir } from './package-dir';
import type { Release } from './release';

/** One id that has been part of a published release. */
export interface PublishedId {
  readonly kind: 'area' | 'competence' | 'thematic' | 'tube' | 'skill' | 'challenge' | 'tutorial' | 'targetProfile';
  /** Version of the first release that contained it. */
  readonly since: string;
  readonly skillId?: string;
  readonly type?: string;
}

/** Every id ever published, so that the linter can refuse to let one disappear (L13). */
export interface PublishedLedger {
  readonly ids: Readonly<Record<string, PublishedId>>;
}

/** Where the release script keeps the ledger of Jalon's published ids. */
export const defaultLedgerFile = path.join(contentPackageDir, 'releases', 'published.json');

/** Reads the ledger; a missing file means nothing has been published yet. */
export function readLedger(file: string = defaultLedgerFile): PublishedLedger {
  if (!existsSync(file)) return { ids: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as PublishedLedger;
}

/** The ledger once `release` is published: earlier entries keep their `since`. */
export function recordRelease(ledger: PublishedLedger, release: Release): PublishedLedger {
  const ids: Record<string, PublishedId> = { ...ledger.ids };
  const since = release.version;
  const add = (id: string, entry: Omit<PublishedId, 'since'>): void => {
    ids[id] ??= { ...entry, since };
  };
  for (const area of release.areas) add(area.id, { kind: 'area' });
  for (const competence of release.competences) add(competence.id, { kind: 'competence' });
  for (const thematic of release.thematics) add(thematic.id, { kind: 'thematic' });
  for (const tube of release.tubes) add(tube.id, { kind: 'tube' });
  for (const skill of release.skills) add(skill.id, { kind: 'skill' });
  for (const challenge of release.challenges) add(challenge.id, { kind: 'challenge', skillId: challenge.skillId, type: challenge.type });
  for (const tutorial of release.tutorials) add(tutorial.id, { kind: 'tutorial' });
  for (const profile of release.targetProfiles) add(profile.id, { kind: 'targetProfile' });
  return { ids: Object.fromEntries(Object.entries(ids).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}
