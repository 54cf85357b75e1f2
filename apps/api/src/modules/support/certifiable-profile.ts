import type { Release } from '@jalon/content';
import { competenceId, epochMs, pix, skillId, type KnowledgeElementDraft } from '@jalon/engine';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { appendKnowledgeElements } from '../assessment';
import { findUserById } from '../identity';

/** The certification asks for 5 core competences at level ≥ 1 (`certification.md` §2). */
const CERTIFIABLE_COMPETENCE_COUNT = 5;

/**
 * Writes, for a browser journey, the live profile a pupil would earn by passing the first
 * levels of 5 core competences: every active, pix-bearing skill of levels 1–2 validated
 * directly, as an answer in a competence test would validate it. A journey of the
 * certification cannot spend an hour of « Je me teste » first. Returns the competences
 * given. Elements are appended like any others: the profile, eligibility and certifiability
 * warnings read them through the real queries.
 */
export async function writeCertifiableProfile(
  deps: { db: Db; release: Release; now: Date },
  userId: string,
): Promise<{ competenceIds: string[] }> {
  if (!(await findUserById(deps.db, userId))) throw new AppError('LEARNER_NOT_FOUND');
  const core = deps.release.competences.filter((c) => c.origin === 'jalon').slice(0, CERTIFIABLE_COMPETENCE_COUNT);
  const coreIds = new Set(core.map((c) => c.id));
  const skills = deps.release.skills.filter((s) => coreIds.has(s.competenceId) && s.status === 'active' && s.level <= 2 && s.pixValue > 0);
  const tubeOf = new Map(skills.map((s) => [s.id, s.tubeId]));
  const drafts: KnowledgeElementDraft[] = skills.map((s) => ({
    createdAt: epochMs(deps.now.getTime()),
    skillId: skillId(s.id),
    competenceId: competenceId(s.competenceId),
    source: 'direct',
    status: 'validated',
    earnedPix: pix(s.pixValue),
  }));
  await deps.db.transaction(async (tx) => {
    await appendKnowledgeElements(tx, drafts, { userId, assessmentId: null, answerId: null, participationId: null }, (id) => tubeOf.get(id) ?? '');
  });
  return { competenceIds: core.map((c) => c.id) };
}
