import { describe, expect, it } from 'vitest';
import { challengeId as toChallengeId } from '../../src/brand';
import { pixFromCapacity, scoreCertification, type CertificationAnswer } from '../../src/irt/certification-scoring';
import { CERTIFICATION_FLASH, nextFlashStep, type FlashAnswer } from '../../src/irt/flash-selector';
import { successProbability, type CalibratedChallenge } from '../../src/irt/two-pl';
import { createRandom } from '../../src/random';
import { generateSyntheticBank } from '../../src/simulation/bank';

/** Every challenge of generated bank B2-1 with its IRT parameters. */
const bank: CalibratedChallenge[] = generateSyntheticBank(1).tubes.flatMap((tube) =>
  tube.skills.flatMap((skill) =>
    skill.challenges.map((c) => ({
      id: c.id,
      skillId: skill.id,
      tubeId: tube.id,
      competenceId: tube.competenceId,
      discrimination: c.irt.discrimination,
      difficulty: c.irt.difficulty,
    })),
  ),
);
const byId = new Map(bank.map((c) => [c.id, c]));
const competenceIds = [...new Set(bank.map((c) => c.competenceId))];

/** A candidate of capacity θ sits the test (selection of spec §7), stopping after `stopAfter` answers. */
function sit(theta: number, seed: number, stopAfter = 32): { answers: CertificationAnswer[]; completed: boolean } {
  const random = createRandom(seed, 11);
  const flash: FlashAnswer[] = [];
  const answers: CertificationAnswer[] = [];
  for (;;) {
    const step = nextFlashStep({ challenges: bank, answers: flash, assessmentSeed: seed }, CERTIFICATION_FLASH);
    if (step.kind === 'end') return { answers, completed: true };
    if (answers.length >= stopAfter) return { answers, completed: false };
    const challenge = byId.get(toChallengeId(step.challengeId));
    if (!challenge) throw new Error('unknown challenge');
    const ok = random.next() < successProbability(theta, challenge);
    flash.push({ challengeId: challenge.id, ok });
    answers.push({ challengeId: challenge.id, result: ok ? 'ok' : 'ko', competenceId: challenge.competenceId, irt: challenge });
  }
}

describe('a certification from the first question to the score (B2-1)', () => {
  it('places 120 candidates θ ~ N(0.5, 1.2²) within half a level of the pix of their true capacity', () => {
    const random = createRandom(2026, 5);
    const errors: number[] = [];
    for (let i = 0; i < 120; i++) {
      const theta = 0.5 + 1.2 * random.normal();
      const { answers, completed } = sit(theta, 1000 + i);
      expect(completed).toBe(true);
      const score = scoreCertification({ answers, completed, competenceIds });
      expect(score.status).toBe('validated');
      expect(Object.values(score.competenceLevels).every((level) => level !== null)).toBe(true);
      errors.push(score.pixScore - pixFromCapacity(theta));
    }
    const meanAbsolute = errors.reduce((sum, e) => sum + Math.abs(e), 0) / errors.length;
    const mean = errors.reduce((sum, e) => sum + e, 0) / errors.length;
    // 32 questions give θ within about 0.25 (flash.test.ts), i.e. ~32 pix inside the middle meshes.
    expect(meanAbsolute).toBeLessThan(64);
    expect(Math.abs(mean)).toBeLessThan(20);
  });

  it('costs an abandon at 24 answers one mesh; stopping at 15 answers is rejected', () => {
    const full = sit(1.4, 77);
    const abandoned = sit(1.4, 77, 24);
    const scoredFull = scoreCertification({ ...full, competenceIds });
    const scoredAbandon = scoreCertification({ ...abandoned, competenceIds });
    expect(scoredAbandon.status).toBe('validated');
    expect(scoredAbandon.pixScore).toBe(pixFromCapacity(scoredAbandon.rawCapacity) - 128);
    expect(scoredAbandon.pixScore).toBeLessThan(scoredFull.pixScore);
    const short = scoreCertification({ ...sit(1.4, 77, 15), competenceIds });
    expect(short).toMatchObject({ status: 'rejected', pixScore: 0, automaticComment: 'Nombre de réponses insuffisant' });
  });
});
