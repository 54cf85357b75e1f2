import type { AnswerResult } from '../answer-checking';
import type { EpochMs, SkillId } from '../brand';
import { pix } from '../brand';
import type { InferenceKind, KnowledgeElementDraft, KnowledgeElementStatus, MeasuredSkill } from './knowledge-element';

/** What the assessment has already written: the skills *assessed here* come from it. */
export interface AssessmentKnowledge {
  readonly skillId: SkillId;
  readonly status: KnowledgeElementStatus;
}

/** An answer about to be recorded, reduced to what knowledge elements depend on. */
export interface AnsweredSkill {
  readonly skillId: SkillId;
  /** Only `ok` validates; every other result (`ko`, `aband`, `timedout`, `focusedOut`) is a failure. */
  readonly result: AnswerResult;
}

/**
 * Target skills already holding a validated or invalidated element from this assessment
 * (for an EXAM: from this participation). Nothing more is written about them here.
 */
export function skillsAssessedHere(
  targetSkills: readonly MeasuredSkill[],
  assessmentElements: readonly AssessmentKnowledge[],
): Set<SkillId> {
  const targets = new Set(targetSkills.map((skill) => skill.id));
  return new Set(
    assessmentElements
      .filter((element) => element.status !== 'reset' && targets.has(element.skillId))
      .map((element) => element.skillId),
  );
}

function draft(skill: MeasuredSkill, status: 'validated' | 'invalidated', now: EpochMs, inference?: InferenceKind): KnowledgeElementDraft {
  return {
    createdAt: now,
    skillId: skill.id,
    competenceId: skill.competenceId,
    source: inference === undefined ? 'direct' : 'inferred',
    ...(inference === undefined ? {} : { inference }),
    status,
    earnedPix: status === 'validated' ? skill.pixValue : pix(0),
  };
}

/**
 * The knowledge elements an answer creates (spec §1.1): a direct element on the answered
 * skill when it is a target skill not assessed here — validated on `ok`, else invalidated —
 * and rule-inferred elements on the other target skills of its tube not assessed here:
 * every strictly lower level validated on success, every strictly higher level invalidated
 * on failure. No direct element means nothing at all. Inference deliberately overrides
 * elements from other assessments: the newest evidence wins. Only campaign assessments
 * (ASSESSMENT, EXAM) and competence self-evaluations call this; other tests write nothing.
 *
 * @param assessedHere - from {@link skillsAssessedHere}.
 * @returns the direct element first, then the inferred ones by ascending level.
 */
export function knowledgeElementsForAnswer(
  answer: AnsweredSkill,
  targetSkills: readonly MeasuredSkill[],
  assessedHere: ReadonlySet<SkillId>,
  now: EpochMs,
): KnowledgeElementDraft[] {
  const answered = targetSkills.find((skill) => skill.id === answer.skillId);
  if (answered === undefined || assessedHere.has(answered.id)) return [];
  const ok = answer.result === 'ok';
  const status = ok ? 'validated' : 'invalidated';
  const inferred = targetSkills
    .filter(
      (skill) =>
        skill.tubeId === answered.tubeId &&
        !assessedHere.has(skill.id) &&
        (ok ? skill.level < answered.level : skill.level > answered.level),
    )
    .sort((a, b) => a.level - b.level)
    .map((skill) => draft(skill, status, now, 'rule'));
  return [draft(answered, status, now), ...inferred];
}

/** A conclusion of an engine's model about a skill (spec §8: posterior ≥ 0.95 or ≤ 0.05). */
export interface ModelConclusion {
  readonly skillId: SkillId;
  readonly status: 'validated' | 'invalidated';
}

/**
 * The elements an engine writes when it closes a tube early from its model: one inferred
 * element tagged `inference: model` per concluded target skill not assessed here.
 */
export function knowledgeElementsFromModel(
  conclusions: readonly ModelConclusion[],
  targetSkills: readonly MeasuredSkill[],
  assessedHere: ReadonlySet<SkillId>,
  now: EpochMs,
): KnowledgeElementDraft[] {
  const byId = new Map(targetSkills.map((skill) => [skill.id, skill]));
  const written = new Set<SkillId>();
  return conclusions.flatMap((conclusion) => {
    const skill = byId.get(conclusion.skillId);
    if (skill === undefined || assessedHere.has(skill.id) || written.has(skill.id)) return [];
    written.add(skill.id);
    return [draft(skill, conclusion.status, now, 'model')];
  });
}
