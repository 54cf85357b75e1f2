import type { AnswerResult } from '../answer-checking';
import { DEFAULT_MAX_REACHABLE_LEVEL, maxReachableLevel } from '../scoring';
import { estimateCapacity, type ScoredAnswer } from './capacity-estimation';
import { CERTIFICATION_FLASH } from './flash-selector';
import type { IrtParameters } from './two-pl';

/**
 * Default mesh bounds lo_0, lo_1 … lo_7, hi_7 (certification.md §4): 8 capacity intervals, the
 * first and last wide enough to hold every capacity the −9…+9 grid can produce. A versioned
 * setting, to be replaced after calibration.
 */
export const DEFAULT_CERTIFICATION_MESHES: readonly number[] = [-9, -3, -2, -1, 0, 1, 2, 3, 9];
/** Pix per mesh: a whole mesh is worth one level of 128 pix. */
export const PIX_PER_MESH = 128;
/** Fewer answers than this and the certification is rejected (or cancelled after an accepted incident). */
export const MINIMUM_CERTIFICATION_ANSWERS = 20;
/** A test that reached this many answers was completed; between the minimum and this, an abandon is downgraded. */
export const CERTIFICATION_LENGTH = CERTIFICATION_FLASH.maxLength;
/** Automatic comment of a rejection for too few answers (French, as shown on the result). */
export const INSUFFICIENT_ANSWERS_COMMENT = 'Nombre de réponses insuffisant';

/**
 * A mesh boundary computed in floats can land a hair below the whole pix it stands for
 * (θ = lo_k + (hi_k − lo_k) × 0.3 …); 1e-9 pix is far below one pix and far above float error.
 */
const PIX_TOLERANCE = 1e-9;

/** One scored answer of a certification, in answer order, neutralised answers already removed. */
export interface CertificationAnswer {
  readonly challengeId: string;
  /** Only `ok` is a success: `ko`, `aband`, `timedout` and `focusedOut` are failures. */
  readonly result: AnswerResult;
  readonly competenceId: string;
  readonly irt: IrtParameters;
}

/** Inputs of {@link scoreCertification}. */
export interface CertificationScoringInput {
  readonly answers: readonly CertificationAnswer[];
  /** The test ran to its end: 32 answers, or no challenge was left to serve. */
  readonly completed: boolean;
  /** The jury attributed an interruption to a technical incident. */
  readonly incidentAccepted?: boolean;
  /** Mesh bounds, 9 strictly increasing numbers; {@link DEFAULT_CERTIFICATION_MESHES} when absent. */
  readonly meshes?: readonly number[];
  /** Instance setting 1–8; 7 when absent. */
  readonly maxReachableLevel?: number;
  /** Every competence the certificate lists (the 16 core competences); each gets a level or null. */
  readonly competenceIds: readonly string[];
}

/** Outcome of the scoring. */
export interface CertificationScore {
  readonly status: 'validated' | 'rejected' | 'cancelled';
  /**
   * Capacity the score is read from: the raw EAP capacity, moved down one mesh after an
   * abandon. The raw estimate is in `rawCapacity`.
   */
  readonly capacity: number;
  /** EAP capacity of all answers (scoring-and-algorithm.md §7), before any downgrade. */
  readonly rawCapacity: number;
  /** Whole pix, 0 … 128 × max level − 1; 0 when rejected or cancelled (certification.md §5 shows 0 and « - »). */
  readonly pixScore: number;
  /**
   * Level 0 … max level per competence, null for a competence with no question. Rejected: 0
   * everywhere (§5 shows 0); cancelled: null everywhere (§5 shows « - »).
   */
  readonly competenceLevels: Record<string, number | null>;
  /** « Nombre de réponses insuffisant » on a rejection for too few answers, else null. */
  readonly automaticComment: string | null;
}

/** Where a capacity falls among the meshes: mesh k and the share of it below θ, in [0, 1]. */
export interface MeshPosition {
  readonly mesh: number;
  readonly progression: number;
}

/**
 * Checks mesh bounds: 9 finite, strictly increasing numbers (8 meshes).
 * @throws RangeError otherwise.
 */
export function certificationMeshes(bounds: readonly number[]): readonly number[] {
  if (bounds.length !== 9) throw new RangeError(`certification meshes need 9 bounds, got ${bounds.length}`);
  bounds.forEach((bound, i) => {
    if (!Number.isFinite(bound)) throw new RangeError(`mesh bound ${i} is not a finite number`);
    if (i > 0 && bound <= (bounds[i - 1] ?? -Infinity)) throw new RangeError('mesh bounds must be strictly increasing');
  });
  return bounds;
}

/**
 * The mesh k with lo_k ≤ θ < hi_k (the last one closed) and `progression = (θ − lo_k) / (hi_k − lo_k)`.
 * A capacity below lo_0 sits at the start of mesh 0 and one above hi_7 at the end of mesh 7,
 * which only custom bounds narrower than the estimation grid can produce.
 */
export function meshPosition(capacity: number, meshes: readonly number[] = DEFAULT_CERTIFICATION_MESHES): MeshPosition {
  const last = meshes.length - 2;
  let mesh = 0;
  while (mesh < last && capacity >= bound(meshes, mesh + 1)) mesh++;
  const lo = bound(meshes, mesh);
  const hi = bound(meshes, mesh + 1);
  return { mesh, progression: Math.min(1, Math.max(0, (capacity - lo) / (hi - lo))) };
}

/**
 * The abandon downgrade of §4 on a mesh position: the same progression one mesh lower, or the
 * start of mesh 0 (lo_0) from mesh 0. Working on positions rather than capacities makes the
 * uncapped score drop by exactly 128 pix, with no float error from going through θ.
 */
export function downgradePosition(position: MeshPosition): MeshPosition {
  return position.mesh === 0 ? { mesh: 0, progression: 0 } : { mesh: position.mesh - 1, progression: position.progression };
}

/** The capacity at a mesh position: lo_k + progression × (hi_k − lo_k). */
export function capacityAt(position: MeshPosition, meshes: readonly number[] = DEFAULT_CERTIFICATION_MESHES): number {
  const lo = bound(meshes, position.mesh);
  return lo + position.progression * (bound(meshes, position.mesh + 1) - lo);
}

/** The abandon downgrade of §4 on a capacity (see {@link downgradePosition}). */
export function downgradeCapacity(capacity: number, meshes: readonly number[] = DEFAULT_CERTIFICATION_MESHES): number {
  return capacityAt(downgradePosition(meshPosition(capacity, meshes)), meshes);
}

/** `floor(128 × (k + progression))` capped at `128 × maxLevel − 1` (895 with level 7). */
export function pixFromPosition(position: MeshPosition, maxLevel: number = DEFAULT_MAX_REACHABLE_LEVEL): number {
  // 128 k + floor(128 p) is floor(128 (k + p)) for a whole k; flooring only the progression's
  // share keeps the float error, and its tolerance, the same in every mesh.
  const score = PIX_PER_MESH * position.mesh + Math.floor(PIX_PER_MESH * position.progression + PIX_TOLERANCE);
  return Math.min(score, PIX_PER_MESH * maxLevel - 1);
}

/** The score of a capacity: {@link pixFromPosition} of its {@link meshPosition}. */
export function pixFromCapacity(
  capacity: number,
  meshes: readonly number[] = DEFAULT_CERTIFICATION_MESHES,
  maxLevel: number = DEFAULT_MAX_REACHABLE_LEVEL,
): number {
  return pixFromPosition(meshPosition(capacity, meshes), maxLevel);
}

/** A competence level: the mesh of θ_c, capped at the maximum reachable level. */
export function levelFromCapacity(
  capacity: number,
  meshes: readonly number[] = DEFAULT_CERTIFICATION_MESHES,
  maxLevel: number = DEFAULT_MAX_REACHABLE_LEVEL,
): number {
  return Math.min(meshPosition(capacity, meshes).mesh, maxLevel);
}

/**
 * Scores a certification (certification.md §4): the raw EAP capacity of every answer (initial
 * capacity −3, as the test ran), then the abandon downgrade, then the score, then the cap; each
 * competence's level from its own EAP capacity on its answers only, downgraded the same way.
 * Fewer than 20 answers: rejected, or cancelled when the jury accepted an incident. An abandon is
 * fewer than 32 answers with `completed` false and no accepted incident.
 * @throws RangeError on invalid meshes or maximum level.
 */
export function scoreCertification(input: CertificationScoringInput): CertificationScore {
  const meshes = certificationMeshes(input.meshes ?? DEFAULT_CERTIFICATION_MESHES);
  const maxLevel = maxReachableLevel(input.maxReachableLevel ?? DEFAULT_MAX_REACHABLE_LEVEL);
  const rawCapacity = eapCapacity(input.answers);
  const count = input.answers.length;
  const incident = input.incidentAccepted === true;

  if (count < MINIMUM_CERTIFICATION_ANSWERS) {
    const status = incident ? 'cancelled' : 'rejected';
    return {
      status,
      capacity: rawCapacity,
      rawCapacity,
      pixScore: 0,
      competenceLevels: Object.fromEntries(input.competenceIds.map((id) => [id, status === 'rejected' ? 0 : null])),
      automaticComment: status === 'rejected' ? INSUFFICIENT_ANSWERS_COMMENT : null,
    };
  }

  const abandoned = !input.completed && !incident && count < CERTIFICATION_LENGTH;
  const settle = (capacity: number): MeshPosition => {
    const position = meshPosition(capacity, meshes);
    return abandoned ? downgradePosition(position) : position;
  };
  const position = settle(rawCapacity);
  const competenceLevels: Record<string, number | null> = {};
  for (const id of input.competenceIds) {
    const own = input.answers.filter((answer) => answer.competenceId === id);
    competenceLevels[id] = own.length === 0 ? null : Math.min(settle(eapCapacity(own)).mesh, maxLevel);
  }
  return {
    status: 'validated',
    capacity: abandoned ? capacityAt(position, meshes) : rawCapacity,
    rawCapacity,
    pixScore: pixFromPosition(position, maxLevel),
    competenceLevels,
    automaticComment: null,
  };
}

/** EAP capacity of spec §7 with the certification's start (−3) and no damping, as the test ran. */
function eapCapacity(answers: readonly CertificationAnswer[]): number {
  const scored: ScoredAnswer[] = answers.map((answer) => ({ challenge: answer.irt, ok: answer.result === 'ok' }));
  return estimateCapacity(scored, {
    initialCapacity: CERTIFICATION_FLASH.initialCapacity,
    ...(CERTIFICATION_FLASH.damping ? { damping: CERTIFICATION_FLASH.damping } : {}),
  }).capacity;
}

function bound(meshes: readonly number[], index: number): number {
  const value = meshes[index];
  if (value === undefined) throw new RangeError(`no mesh bound ${index}`);
  return value;
}
