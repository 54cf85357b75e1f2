import type { CompetenceId, EpochMs, TubeId } from '../../src/brand';
import { competenceId, epochMs, level, pix, skillId, tubeId } from '../../src/brand';
import type { KnowledgeElementStatus, MeasuredSkill, StoredKnowledgeElement } from '../../src/knowledge';

export const DAY = 86_400_000;
export const t0 = epochMs(Date.UTC(2026, 8, 1));
export const at = (days: number): EpochMs => epochMs(t0 + days * DAY);

/** Skills `@{tube}{level}` for the given levels, worth `pixValue` each. */
export function tubeSkills(tube: string, levels: number[], competence = 'c1.1', pixValue = 4): MeasuredSkill[] {
  return levels.map((n) => ({
    id: skillId(`@${tube}${n}`),
    tubeId: tubeId(`@${tube}`) as TubeId,
    competenceId: competenceId(competence) as CompetenceId,
    level: level(n),
    pixValue: pix(pixValue),
  }));
}

let nextId = 1;
/** A stored element; ids increase with each call so later elements win ties. */
export function stored(
  skill: MeasuredSkill,
  status: KnowledgeElementStatus,
  createdAt: EpochMs,
  extra: Partial<StoredKnowledgeElement> = {},
): StoredKnowledgeElement {
  return {
    id: nextId++,
    createdAt,
    skillId: skill.id,
    competenceId: skill.competenceId,
    source: 'direct',
    status,
    earnedPix: status === 'validated' ? skill.pixValue : pix(0),
    ...extra,
  };
}
