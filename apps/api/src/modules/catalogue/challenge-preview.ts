import { parseProposals, toCheckableChallenge, toCorrectionSkill, toLearnerChallenge, type Release, type ReleaseChallenge } from '@jalon/content';
import type { AdminChallengePreview, AdminChallengesPage, AnswerArea, ChallengeCheckResponse } from '@jalon/contracts';
import { checkAnswer, correctionFor, epochMs } from '@jalon/engine';
import { AppError } from '../../platform/http/errors';
import { searchKey } from './search-key';

/** Enough words to tell challenges apart in a list without wrapping on three lines. */
const EXCERPT_WORDS = 14;

/** The instruction as plain words: code fences, links and emphasis marks removed. */
function excerpt(markdown: string): string {
  const words = markdown
    .replace(/```[\s\S]*?```/g, ' … ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`#>]/g, '')
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.length > EXCERPT_WORDS ? `${words.slice(0, EXCERPT_WORDS).join(' ')} …` : words.join(' ');
}

/** Every challenge of the release whatever its status, in bank order; `search` matches ids and instruction. */
export function listChallenges(release: Release, query: { search: string; page: number; pageSize: number }): AdminChallengesPage {
  const wanted = searchKey(query.search);
  const matching = release.challenges.filter((challenge) =>
    [challenge.id, challenge.skillId, challenge.instruction].some((text) => searchKey(text).includes(wanted)),
  );
  const start = (query.page - 1) * query.pageSize;
  return {
    items: matching.slice(start, start + query.pageSize).map((challenge) => ({
      id: challenge.id,
      skillId: challenge.skillId,
      tubeId: challenge.tubeId,
      type: challenge.type,
      status: challenge.status,
      locales: [...challenge.locales],
      excerpt: excerpt(challenge.instruction),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total: matching.length,
  };
}

function findChallenge(release: Release, challengeId: string): ReleaseChallenge {
  const challenge = release.challenges.find((candidate) => candidate.id === challengeId);
  if (!challenge) throw new AppError('CHALLENGE_NOT_FOUND');
  return challenge;
}

function answerArea(challenge: ReleaseChallenge): AnswerArea {
  const parsed = parseProposals(challenge.type, challenge.proposals);
  // The release passed the linter, which parses every challenge's proposals.
  if (!parsed.ok) throw new Error(`${challenge.id}: ${parsed.error}`);
  if (parsed.value.kind === 'options') return { kind: 'options', options: [...parsed.value.options] };
  return {
    kind: 'blocks',
    parts: parsed.value.parts.map((part) => {
      if (part.kind === 'text') return { ...part };
      const { options, ...block } = part;
      return { ...block, ...(options ? { options: [...options] } : {}) };
    }),
  };
}

/** A challenge exactly as a learner receives it, with where it sits in the framework. */
export function previewChallenge(release: Release, challengeId: string): AdminChallengePreview {
  const challenge = findChallenge(release, challengeId);
  const skill = release.skills.find((candidate) => candidate.id === challenge.skillId);
  const tube = release.tubes.find((candidate) => candidate.id === challenge.tubeId);
  const competence = release.competences.find((candidate) => candidate.id === challenge.competenceId);
  if (!skill || !tube || !competence) throw new Error(`${challenge.id} is outside the framework`);
  const learner = toLearnerChallenge(challenge);
  return {
    challenge: {
      id: learner.id,
      type: learner.type,
      locales: [...learner.locales],
      instruction: learner.instruction,
      ...(learner.alternativeInstruction !== undefined ? { alternativeInstruction: learner.alternativeInstruction } : {}),
      proposals: learner.proposals,
      answerArea: answerArea(challenge),
      format: learner.format,
      ...(learner.timer !== undefined ? { timer: learner.timer } : {}),
      focused: learner.focused,
      shuffled: learner.shuffled,
      ...(learner.illustration ? { illustration: { ...learner.illustration } } : {}),
      attachments: learner.attachments.map((attachment) => ({ title: attachment.title, files: [...attachment.files] })),
      ...(learner.embed ? { embed: { ...learner.embed } } : {}),
      devices: { ...learner.devices },
    },
    status: challenge.status,
    skill: { id: skill.id, level: skill.level, status: skill.status },
    tube: { id: tube.id, practicalTitle: { ...tube.practicalTitle } },
    competence: { id: competence.id, index: competence.index, name: { ...competence.name } },
  };
}

/**
 * Grades an answer as a campaign would (same guards, same checker) and returns the correction
 * the checkpoint will show. No timer runs in a preview, and nothing is recorded.
 */
export function checkPreviewAnswer(
  release: Release,
  challengeId: string,
  answer: string | Readonly<Record<string, string>>,
  now: Date,
): ChallengeCheckResponse {
  const challenge = findChallenge(release, challengeId);
  const skill = release.skills.find((candidate) => candidate.id === challenge.skillId);
  if (!skill) throw new Error(`${challenge.id} has no skill`);
  const checkable = toCheckableChallenge(challenge);
  const at = epochMs(now.getTime());
  const checked = checkAnswer(checkable, { value: answer }, { askedAt: at, receivedAt: at });
  if (!checked.accepted) throw new AppError(checked.rejection);
  const correction = correctionFor(checkable, checked, toCorrectionSkill(skill, challenge.locales[0] ?? 'fr'));
  const tutorials = new Map(release.tutorials.map((tutorial) => [tutorial.id, tutorial]));
  return {
    result: correction.result,
    ...(correction.rightOptions ? { rightOptions: [...correction.rightOptions] } : {}),
    ...(correction.solutionToDisplay !== undefined ? { solutionToDisplay: correction.solutionToDisplay } : {}),
    ...(correction.hint !== undefined ? { hint: correction.hint } : {}),
    tutorials: correction.tutorialIds.flatMap((id) => {
      const tutorial = tutorials.get(id);
      return tutorial ? [{ ...tutorial }] : [];
    }),
    ...(correction.fields
      ? {
          fields: {
            fields: { ...correction.fields.fields },
            ...(correction.fields.unmatchedGroups ? { unmatchedGroups: [...correction.fields.unmatchedGroups] } : {}),
          },
        }
      : {}),
  };
}
