import type { CompetenceId, EpochMs, Level, Pix, SkillId, TubeId } from '../brand';

/** What a knowledge element says about its skill. */
export type KnowledgeElementStatus = 'validated' | 'invalidated' | 'reset';

/** `direct` when the skill's own challenge was answered, `inferred` when deduced from another skill. */
export type KnowledgeElementSource = 'direct' | 'inferred';

/** How an inferred knowledge element was deduced: the tube rule of §1.1 or an engine's model (§8). */
export type InferenceKind = 'rule' | 'model';

/**
 * Identifier of a stored knowledge element: a database serial or a fixed-length string id.
 * Only used to break ties between elements created at the same instant.
 */
export type KnowledgeElementId = number | string;

/** The fields of a stored knowledge element that the engine reads; stored rows may carry more. */
export interface StoredKnowledgeElement {
  readonly id: KnowledgeElementId;
  readonly createdAt: EpochMs;
  readonly skillId: SkillId;
  readonly competenceId: CompetenceId;
  readonly source: KnowledgeElementSource;
  readonly inference?: InferenceKind | null;
  readonly status: KnowledgeElementStatus;
  readonly earnedPix: Pix;
  /** Set only on EXAM rows, which never enter the learner's current state. */
  readonly participationId?: string | null;
}

/** A knowledge element the engine asks the caller to append; the caller adds ids and owners. */
export interface KnowledgeElementDraft {
  readonly createdAt: EpochMs;
  readonly skillId: SkillId;
  readonly competenceId: CompetenceId;
  readonly source: KnowledgeElementSource;
  /** Present on inferred elements only. */
  readonly inference?: InferenceKind;
  readonly status: KnowledgeElementStatus;
  readonly earnedPix: Pix;
}

/** A skill measured by an assessment, with what knowledge and scoring need to know about it. */
export interface MeasuredSkill {
  readonly id: SkillId;
  readonly tubeId: TubeId;
  readonly competenceId: CompetenceId;
  readonly level: Level;
  /** Pix earned when validated (content-model §3); 0 for a skill that does not count. */
  readonly pixValue: Pix;
}

function compareIds(a: KnowledgeElementId, b: KnowledgeElementId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  // Longer first, then code units: orders decimal serials numerically and same-length ids lexically.
  if (left.length !== right.length) return left.length - right.length;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Orders knowledge elements newest first: by `createdAt` descending, ties by id descending.
 * Usable as an `Array.prototype.sort` comparator.
 */
export function newestFirst(a: StoredKnowledgeElement, b: StoredKnowledgeElement): number {
  return b.createdAt - a.createdAt || compareIds(b.id, a.id);
}
