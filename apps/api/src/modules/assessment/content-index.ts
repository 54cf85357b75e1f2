import { toCheckableChallenge, type Release, type ReleaseChallenge, type ReleaseSkill } from '@jalon/content';
import {
  challengeId,
  competenceId,
  level,
  pix,
  skillId,
  tubeId,
  type ChallengeCandidate,
  type CheckableChallenge,
  type CompetenceId,
  type MeasuredSkill,
  type TargetSkill,
} from '@jalon/engine';

/**
 * The release indexed for the hot path of a test: lookups by id instead of scans, and the
 * engine-facing shapes built once per process, since the release never changes while it runs.
 */
export interface ContentIndex {
  readonly release: Release;
  skill(id: string): ReleaseSkill | undefined;
  challenge(id: string): ReleaseChallenge | undefined;
  checkable(id: string): CheckableChallenge;
  measured(id: string): MeasuredSkill | undefined;
  target(id: string): TargetSkill | undefined;
  /** Operative challenges (validated or archived) of a skill, as selection candidates. */
  candidates(skillId: string, validatedOnly: boolean): readonly ChallengeCandidate[];
  competence(id: string): Release['competences'][number] | undefined;
  area(id: string): Release['areas'][number] | undefined;
  tutorial(id: string): Release['tutorials'][number] | undefined;
  tube(id: string): Release['tubes'][number] | undefined;
  /** Active skills of a competence that have a validated challenge (self-evaluation targets). */
  competenceSkills(competenceId: string): readonly ReleaseSkill[];
  /** The 16 core competences (`origin: jalon`), in framework order. */
  readonly coreCompetenceIds: readonly CompetenceId[];
  /**
   * Keeps a value per key for the life of the process: for what never changes once built,
   * like a campaign's frozen selection arrays (the engine caches its work on their identity).
   */
  memo<T>(key: string, build: () => T): T;
}

export function indexContent(release: Release): ContentIndex {
  const skills = new Map(release.skills.map((s) => [s.id, s]));
  const challenges = new Map(release.challenges.map((c) => [c.id, c]));
  const competences = new Map(release.competences.map((c) => [c.id, c]));
  const areas = new Map(release.areas.map((a) => [a.id, a]));
  const tutorials = new Map(release.tutorials.map((t) => [t.id, t]));
  const tubes = new Map(release.tubes.map((t) => [t.id, t]));
  const checkables = new Map<string, CheckableChallenge>();
  const measured = new Map<string, MeasuredSkill>();
  const targets = new Map<string, TargetSkill>();
  const operative = new Map<string, ChallengeCandidate[]>();
  const validated = new Map<string, ChallengeCandidate[]>();
  for (const skill of release.skills) {
    measured.set(skill.id, {
      id: skillId(skill.id),
      tubeId: tubeId(skill.tubeId),
      competenceId: competenceId(skill.competenceId),
      level: level(skill.level),
      pixValue: pix(skill.pixValue),
    });
    targets.set(skill.id, {
      id: skillId(skill.id),
      tubeId: tubeId(skill.tubeId),
      competenceId: competenceId(skill.competenceId),
      level: skill.level,
      pixValue: skill.pixValue,
    });
  }
  for (const challenge of release.challenges) {
    if (challenge.status !== 'validated' && challenge.status !== 'archived') continue;
    const candidate: ChallengeCandidate = {
      id: challengeId(challenge.id),
      skillId: skillId(challenge.skillId),
      status: challenge.status,
      locales: challenge.locales,
      timed: challenge.timer !== undefined,
      type: challenge.type,
    };
    operative.set(challenge.skillId, [...(operative.get(challenge.skillId) ?? []), candidate]);
    if (challenge.status === 'validated') validated.set(challenge.skillId, [...(validated.get(challenge.skillId) ?? []), candidate]);
  }
  const byCompetence = new Map<string, ReleaseSkill[]>();
  for (const skill of release.skills) {
    if (skill.status !== 'active' || !(validated.get(skill.id)?.length)) continue;
    byCompetence.set(skill.competenceId, [...(byCompetence.get(skill.competenceId) ?? []), skill]);
  }
  const memos = new Map<string, unknown>();
  return {
    release,
    memo<T>(key: string, build: () => T): T {
      if (!memos.has(key)) memos.set(key, build());
      return memos.get(key) as T;
    },
    skill: (id) => skills.get(id),
    challenge: (id) => challenges.get(id),
    checkable(id) {
      let checkable = checkables.get(id);
      if (!checkable) {
        const challenge = challenges.get(id);
        if (!challenge) throw new Error(`unknown challenge ${id}`);
        checkable = toCheckableChallenge(challenge);
        checkables.set(id, checkable);
      }
      return checkable;
    },
    measured: (id) => measured.get(id),
    target: (id) => targets.get(id),
    candidates: (id, validatedOnly) => (validatedOnly ? validated : operative).get(id) ?? [],
    competence: (id) => competences.get(id),
    area: (id) => areas.get(id),
    tutorial: (id) => tutorials.get(id),
    tube: (id) => tubes.get(id),
    competenceSkills: (id) => byCompetence.get(id) ?? [],
    coreCompetenceIds: release.competences.filter((c) => c.origin === 'jalon').map((c) => competenceId(c.id)),
  };
}
