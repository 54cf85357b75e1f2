/** Identity of a skill as far as its pix value is concerned. */
export interface PixCandidate {
  readonly id: string;
  readonly competenceId: string;
  readonly level: number;
  /** Active, with ≥ 1 validated challenge, in an `origin: jalon` competence. */
  readonly counts: boolean;
}

/** Pix a whole (competence, level) is worth: one level = 8 pix. */
const pixPerLevel = 8;
/** Ceiling per skill, so that a single skill never yields a whole level. */
const maxPixPerSkill = 4;

/**
 * pixValue = min(4, 8 / N) for counting skills, N = counting skills of the same competence
 * and level; 0 otherwise (content-model §3). Values stay unrounded.
 */
export function computePixValues(skills: readonly PixCandidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  const keyOf = (skill: PixCandidate): string => `${skill.competenceId}|${skill.level}`;
  for (const skill of skills) if (skill.counts) counts.set(keyOf(skill), (counts.get(keyOf(skill)) ?? 0) + 1);
  return new Map(
    skills.map((skill) => [skill.id, skill.counts ? Math.min(maxPixPerSkill, pixPerLevel / (counts.get(keyOf(skill)) ?? 1)) : 0]),
  );
}
