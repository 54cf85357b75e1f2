import type { DurationMs, EpochMs, Level } from '../brand';
import { durationMs } from '../brand';
import type { StoredKnowledgeElement } from './knowledge-element';
import { currentKnowledgeElements } from './current-state';

const MS_PER_DAY = 86_400_000;

/**
 * Failures older than this are forgotten by a new assessment, so those skills may be asked
 * again; also the delay before a campaign retry or reset and before improving a competence.
 * Exact duration: 4 × 86,400 s, never calendar days.
 */
export const FORGETTING_DELAY: DurationMs = durationMs(4 * MS_PER_DAY);

/** Delay after the last change of a competence before it may be reset: 7 × 86,400 s. */
export const COMPETENCE_RESET_DELAY: DurationMs = durationMs(7 * MS_PER_DAY);

/**
 * The 4-day rule: keeps an element iff it is validated, or was created less than `delay`
 * before `reference` (the assessment's creation; for the export progression of an unsent
 * participation, the participation's start). Validated skills are never asked again; recent
 * failures stay; older failures are dropped.
 */
export function keptByForgettingRule<T extends Pick<StoredKnowledgeElement, 'status' | 'createdAt'>>(
  elements: readonly T[],
  reference: EpochMs,
  delay: DurationMs = FORGETTING_DELAY,
): T[] {
  return elements.filter((element) => element.status === 'validated' || reference - element.createdAt < delay);
}

/** Whether a waiting period is over and, if not, how long is left. */
export interface WaitingPeriod {
  readonly over: boolean;
  readonly remaining: DurationMs;
  /** What the learner is shown: the remaining delay rounded up to whole days (0 when over). */
  readonly remainingDays: number;
}

/** The waiting period of `delay` that started at `since`, seen at `now` (server clock). */
export function waitingPeriod(since: EpochMs, now: EpochMs, delay: DurationMs): WaitingPeriod {
  const remaining = Math.max(0, delay - (now - since));
  return { over: remaining === 0, remaining: durationMs(remaining), remainingDays: Math.ceil(remaining / MS_PER_DAY) };
}

/**
 * The delay part of a campaign retry or reset: `now − sharedAt ≥ 4 days`. The other
 * conditions (multiple sendings, statuses, mastery) belong to the campaign module.
 */
export function campaignRetryDelay(sharedAt: EpochMs, now: EpochMs, delay: DurationMs = FORGETTING_DELAY): WaitingPeriod {
  return waitingPeriod(sharedAt, now, delay);
}

/**
 * When a competence last moved: the creation of its newest knowledge element outside EXAM
 * rows, resets included; `undefined` when it has none.
 */
export function lastMovedAt(elements: readonly StoredKnowledgeElement[]): EpochMs | undefined {
  let newest: EpochMs | undefined;
  for (const element of elements) {
    if (element.participationId != null) continue;
    if (newest === undefined || element.createdAt > newest) newest = element.createdAt;
  }
  return newest;
}

/** Inputs of {@link canImproveCompetence}. */
export interface ImproveCheck {
  /** The competence's self-evaluation has been completed. */
  readonly evaluationCompleted: boolean;
  readonly level: Level;
  readonly maxReachableLevel: Level;
  /** All knowledge elements of the competence (see {@link lastMovedAt}). */
  readonly elements: readonly StoredKnowledgeElement[];
  readonly now: EpochMs;
  readonly delay?: DurationMs;
}

/** « Améliorer » a competence: evaluation completed, level below the maximum, 4 days since it last moved. */
export function canImproveCompetence(check: ImproveCheck): boolean {
  const moved = lastMovedAt(check.elements);
  return (
    check.evaluationCompleted &&
    check.level < check.maxReachableLevel &&
    moved !== undefined &&
    waitingPeriod(moved, check.now, check.delay ?? FORGETTING_DELAY).over
  );
}

/**
 * Reset of a competence: allowed when it holds current elements and last moved at least
 * 7 days ago.
 *
 * @param elements - all knowledge elements of the competence.
 */
export function canResetCompetence(
  elements: readonly StoredKnowledgeElement[],
  now: EpochMs,
  delay: DurationMs = COMPETENCE_RESET_DELAY,
): boolean {
  const moved = lastMovedAt(elements);
  return currentKnowledgeElements(elements).length > 0 && moved !== undefined && waitingPeriod(moved, now, delay).over;
}
