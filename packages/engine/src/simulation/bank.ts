import { challengeId, competenceId, skillId, tubeId, type CompetenceId, type TubeId } from '../brand';
import { createRandom } from '../random';
import type { ChallengeType } from '../answer-checking';
import type { ChallengeCandidate, TargetSkill } from '../selection/types';
import type { IrtParameters } from '../irt/two-pl';

/** A challenge of a simulation bank. */
export interface BankChallenge extends ChallengeCandidate {
  readonly irt: IrtParameters;
}

/** A skill of a simulation bank with its challenges. */
export interface BankSkill extends TargetSkill {
  readonly challenges: readonly BankChallenge[];
}

/** A tube of a simulation bank, skills by rising level. */
export interface BankTube {
  readonly id: TubeId;
  readonly competenceId: CompetenceId;
  /** 0-based position of the competence in the framework (1.1 → 0 … 5.2 → 15). */
  readonly competenceIndex: number;
  /** 0-based position of the tube in its competence. */
  readonly tubeIndex: number;
  readonly skills: readonly BankSkill[];
  readonly maxLevel: number;
}

/** Content an engine is benchmarked on: the reference pack (B1) or a generated draw (B2). */
export interface Bank {
  /** `B1` or `B2-{bank seed}`. */
  readonly name: string;
  readonly tubes: readonly BankTube[];
}

/** Shape of a generated bank; the defaults are those of spec §8.1. */
export interface SyntheticBankShape {
  readonly competences: number;
  readonly tubesPerCompetence: number;
  readonly challengesPerSkill: number;
}

const B2_SHAPE: SyntheticBankShape = { competences: 16, tubesPerCompetence: 4, challengesPerSkill: 3 };

/** Share of each type among generated challenges: QCU 30 %, QCM 20 %, free text 50 %. */
const TYPE_THRESHOLDS: readonly (readonly [number, ChallengeType])[] = [
  [0.3, 'QCU'],
  [0.5, 'QCM'],
  [1, 'QROC'],
];
const TIMED_PROBABILITY = 0.1;
const DISCRIMINATION_RANGE = [0.8, 2.0] as const;
const DIFFICULTY_CENTRE = 3.5;
const DIFFICULTY_SD = 0.3;

/**
 * Generates bank B2 of spec §8.1 from a bank seed: tube k of competence c reaches level
 * 3 + ((c + k) mod 4), with every level from 1; each challenge draws its type, timer and IRT
 * parameters in content order, so one seed always gives the same bank.
 */
export function generateSyntheticBank(bankSeed: number, shape: SyntheticBankShape = B2_SHAPE): Bank {
  const random = createRandom(bankSeed, 0xb2);
  const tubes: BankTube[] = [];
  for (let c = 0; c < shape.competences; c++) {
    const competence = competenceId(`c${c + 1}`);
    for (let k = 0; k < shape.tubesPerCompetence; k++) {
      const maxLevel = 3 + ((c + k) % 4);
      const tube = tubeId(`@b${bankSeed}c${c + 1}t${String.fromCharCode(65 + k)}`);
      const skills: BankSkill[] = [];
      for (let level = 1; level <= maxLevel; level++) {
        const skill = skillId(`${tube}${level}`);
        const challenges: BankChallenge[] = [];
        for (let j = 1; j <= shape.challengesPerSkill; j++) {
          const typeDraw = random.next();
          const type = TYPE_THRESHOLDS.find(([threshold]) => typeDraw < threshold)?.[1] ?? 'QROC';
          const timed = random.next() < TIMED_PROBABILITY;
          const discrimination =
            DISCRIMINATION_RANGE[0] + (DISCRIMINATION_RANGE[1] - DISCRIMINATION_RANGE[0]) * random.next();
          const difficulty = level - DIFFICULTY_CENTRE + DIFFICULTY_SD * random.normal();
          challenges.push({
            id: challengeId(`${skill}-${String(j).padStart(2, '0')}`),
            skillId: skill,
            status: 'validated',
            locales: ['fr', 'fr-FR'],
            timed,
            type,
            irt: { discrimination, difficulty },
          });
        }
        skills.push({ id: skill, tubeId: tube, competenceId: competence, level, pixValue: 0, challenges });
      }
      tubes.push({ id: tube, competenceId: competence, competenceIndex: c, tubeIndex: k, skills, maxLevel });
    }
  }
  return { name: `B2-${bankSeed}`, tubes: withPixValues(tubes) };
}

/**
 * Sets each skill's pix value (content-model §3): min(4, 8 / N), N = skills of the same
 * competence and level, so each (competence, level) is worth 8 pix.
 */
export function withPixValues(tubes: readonly BankTube[]): BankTube[] {
  const counts = new Map<string, number>();
  const key = (competence: string, level: number): string => `${competence}/${level}`;
  for (const tube of tubes) {
    for (const skill of tube.skills) {
      const k = key(tube.competenceId, skill.level);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return tubes.map((tube) => ({
    ...tube,
    skills: tube.skills.map((skill) => ({
      ...skill,
      pixValue: Math.min(4, 8 / (counts.get(key(tube.competenceId, skill.level)) ?? 1)),
    })),
  }));
}
