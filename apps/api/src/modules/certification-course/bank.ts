import type { ReleaseChallenge } from '@jalon/content';
import { challengeId, competenceId, skillId, tubeId, type CalibratedChallenge } from '@jalon/engine';
import type { ContentIndex } from '../assessment';

/** A challenge certification may serve, with what the course filters on. */
export interface BankChallenge extends CalibratedChallenge {
  /** Usable by a candidate who needs accessibility adjustments. */
  readonly accessible: boolean;
}

/**
 * The content model has no « accessible » flag yet, so certification counts a challenge as
 * accessible when nothing in it depends on sight or speed: no embedded application, no
 * timer, no file to open in another program.
 */
export function isAccessible(challenge: ReleaseChallenge): boolean {
  return challenge.embed === undefined && challenge.timer === undefined && challenge.attachments.length === 0;
}

/** Certification serves French: a candidate may not choose their language in a sitting. */
function isFrench(challenge: ReleaseChallenge): boolean {
  return challenge.locales.some((locale) => locale === 'fr' || locale === 'fr-FR');
}

/**
 * The bank of certification (`certification.md` §3): `validated` French challenges of active
 * skills of the core competences, with 2PL parameters (calibrated, or derived by the content
 * release while none are). Built once per process: the release never changes while it runs.
 */
export function certificationBank(content: ContentIndex): readonly BankChallenge[] {
  return content.memo('certification-bank', () => {
    const core = new Set<string>(content.coreCompetenceIds);
    const bank: BankChallenge[] = [];
    for (const challenge of content.release.challenges) {
      if (challenge.status !== 'validated' || !core.has(challenge.competenceId) || !isFrench(challenge)) continue;
      const skill = content.skill(challenge.skillId);
      if (!skill || skill.status !== 'active') continue;
      const { irt } = challenge;
      bank.push({
        id: challengeId(challenge.id),
        skillId: skillId(challenge.skillId),
        tubeId: tubeId(challenge.tubeId),
        competenceId: competenceId(challenge.competenceId),
        difficulty: irt.difficulty,
        discrimination: irt.discrimination,
        accessible: isAccessible(challenge),
      });
    }
    return bank;
  });
}

