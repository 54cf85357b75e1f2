import type { SkillId, TubeId } from '../brand';
import type { KnowledgeFact, ModelInference, TargetSkill } from '../selection/types';

type Status = 'validated' | 'invalidated';

/** A knowledge element from an earlier test, as the simulation needs it. */
export interface PriorElement {
  readonly skillId: SkillId;
  readonly status: Status;
  readonly source: 'direct' | 'inferred';
  /** Age at the start of the assessment, in days. */
  readonly ageDays: number;
}

/** Failures at least this old are forgotten by the assessment (spec §5, 4-day rule). */
const FORGETTING_DAYS = 4;

interface Element {
  readonly status: Status;
  readonly source: 'direct' | 'inferred';
}

/**
 * The knowledge elements of one simulated assessment, written with the semantics of spec §1.1
 * (direct KE, rule inferences in the same tube, nothing for a skill already assessed here).
 * The simulation keeps its own small log so that it measures selectors, not storage.
 */
export class KnowledgeLog {
  private readonly here = new Map<SkillId, Element>();
  private readonly prior = new Map<SkillId, PriorElement>();
  private readonly skillsByTube = new Map<TubeId, TargetSkill[]>();
  private readonly skillById = new Map<SkillId, TargetSkill>();

  constructor(
    private readonly skills: readonly TargetSkill[],
    priorElements: readonly PriorElement[],
  ) {
    for (const skill of skills) {
      this.skillById.set(skill.id, skill);
      const list = this.skillsByTube.get(skill.tubeId);
      if (list) list.push(skill);
      else this.skillsByTube.set(skill.tubeId, [skill]);
    }
    for (const element of priorElements) if (this.skillById.has(element.skillId)) this.prior.set(element.skillId, element);
  }

  /** Records an answer on a skill: `ok` validates it and every lower skill of its tube, else invalidates it and every higher one. */
  recordAnswer(skillId: SkillId, ok: boolean): void {
    const skill = this.skillById.get(skillId);
    if (!skill || this.here.has(skillId)) return;
    this.here.set(skillId, { status: ok ? 'validated' : 'invalidated', source: 'direct' });
    for (const other of this.skillsByTube.get(skill.tubeId) ?? []) {
      if (this.here.has(other.id)) continue;
      if (ok && other.level < skill.level) this.here.set(other.id, { status: 'validated', source: 'inferred' });
      if (!ok && other.level > skill.level) this.here.set(other.id, { status: 'invalidated', source: 'inferred' });
    }
  }

  /** Records the model inferences of an engine, for skills not assessed here. */
  recordInferences(inferences: readonly ModelInference[]): void {
    for (const { skillId, status } of inferences) {
      if (this.skillById.has(skillId) && !this.here.has(skillId)) this.here.set(skillId, { status, source: 'inferred' });
    }
  }

  /** The kept KEs an engine sees: this assessment's, else earlier ones passing the 4-day rule. */
  kept(): KnowledgeFact[] {
    const facts: KnowledgeFact[] = [];
    for (const skill of this.skills) {
      const mine = this.here.get(skill.id);
      if (mine) {
        facts.push({ skillId: skill.id, status: mine.status, source: mine.source, fromThisAssessment: true });
        continue;
      }
      const earlier = this.prior.get(skill.id);
      if (earlier && (earlier.status === 'validated' || earlier.ageDays < FORGETTING_DAYS)) {
        facts.push({ skillId: skill.id, status: earlier.status, source: earlier.source, fromThisAssessment: false });
      }
    }
    return facts;
  }

  /** Whether the learner's profile holds the skill as validated once the test is over. */
  isValidated(skillId: SkillId): boolean {
    return (this.here.get(skillId) ?? this.prior.get(skillId))?.status === 'validated';
  }
}
