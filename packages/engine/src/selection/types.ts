import type { AnswerResult, ChallengeType } from '../answer-checking';
import type { ChallengeId, CompetenceId, SkillId, TubeId } from '../brand';

/** A skill measured by the assessment (a campaign skill or an active skill of a competence). */
export interface TargetSkill {
  readonly id: SkillId;
  readonly tubeId: TubeId;
  readonly competenceId: CompetenceId;
  /** Skill level, 1–8. */
  readonly level: number;
  /** Pix earned when validated (content-model §3), used to weight level errors. */
  readonly pixValue: number;
}

/**
 * A challenge that may be served for a target skill: the caller has already kept only the
 * operative ones (or only `validated` ones for self-evaluation and certification).
 */
export interface ChallengeCandidate {
  readonly id: ChallengeId;
  readonly skillId: SkillId;
  readonly status: 'validated' | 'archived';
  readonly locales: readonly string[];
  readonly timed: boolean;
  readonly type: ChallengeType;
}

/**
 * A kept knowledge element on a target skill: the learner's current state after the 4-day
 * filter, merged with what this assessment already wrote.
 */
export interface KnowledgeFact {
  readonly skillId: SkillId;
  readonly status: 'validated' | 'invalidated';
  readonly source: 'direct' | 'inferred';
  /** True when this assessment wrote it (the skill is *assessed here*, spec §1.1). */
  readonly fromThisAssessment: boolean;
}

/** One answer recorded in this assessment, in answer order. */
export interface AnsweredChallenge {
  readonly challengeId: ChallengeId;
  readonly result: AnswerResult;
}

/** Everything a selector may look at; it holds no hidden state between calls. */
export interface SelectionState {
  readonly skills: readonly TargetSkill[];
  readonly challenges: readonly ChallengeCandidate[];
  readonly knowledge: readonly KnowledgeFact[];
  readonly answers: readonly AnsweredChallenge[];
  /** 32-bit seed of the assessment (see `assessmentSeedFromId`). */
  readonly assessmentSeed: number;
  /** The learner's locale, e.g. `fr-FR`. */
  readonly locale: string;
}

/** A knowledge element an engine asks to write with `inference: model` (spec §8). */
export interface ModelInference {
  readonly skillId: SkillId;
  readonly status: 'validated' | 'invalidated';
}

/** What a selector answers: the next challenge to serve, or the end of the test. */
export type NextStep =
  | {
      readonly kind: 'challenge';
      readonly challengeId: ChallengeId;
      readonly skillId: SkillId;
      readonly inferred: readonly ModelInference[];
    }
  | { readonly kind: 'end'; readonly inferred: readonly ModelInference[] };

/** An adaptive algorithm: `next(state) → challenge | END` (spec §8). */
export interface Selector {
  readonly name: string;
  next(state: SelectionState): NextStep;
}
