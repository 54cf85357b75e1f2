import type { Checkpoint, RunnerChallenge } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../shared/content/Markdown';
import { TutorialCard } from '../tutorials/TutorialCard';

type Review = Checkpoint['answers'][number];

/** The options a list of numbers names (`1,3`), in the author's wording. */
function optionTexts(challenge: RunnerChallenge, numbers: number[]): string[] {
  if (challenge.answerArea.kind !== 'options') return [];
  const options = challenge.answerArea.options;
  return numbers.flatMap((number) => options[number - 1] ?? []);
}

/** The learner's answer as they gave it: option texts, the typed text, or one text per field. */
function givenAnswer(review: Review): string[] {
  if (review.result === 'aband' || review.value === '') return [];
  if (review.challenge.answerArea.kind === 'options') {
    return optionTexts(review.challenge, review.value.split(',').map((part) => Number.parseInt(part, 10)));
  }
  try {
    const parsed: unknown = JSON.parse(review.value);
    if (typeof parsed === 'object' && parsed !== null) return Object.values(parsed).map(String);
  } catch {
    // A QROC answer is plain text.
  }
  return [review.value];
}

/** Labels of the fields, as the runner showed them, for the per-field marks of a QROCM. */
function fieldLabels(challenge: RunnerChallenge, fallback: (index: number) => string): Map<string, string> {
  const labels = new Map<string, string>();
  if (challenge.answerArea.kind !== 'blocks') return labels;
  for (const part of challenge.answerArea.parts) {
    if (part.kind === 'block') labels.set(part.key, part.label ?? fallback(labels.size + 1));
  }
  return labels;
}

/** One answer at a checkpoint: its result, then the correction (`answer-checking.md` §7) and tutorials. */
export function ReviewedAnswer({ review, number }: { review: Review; number: number }) {
  const { t } = useTranslation();
  const headingId = `review-${review.answerId}`;
  const given = givenAnswer(review);
  const rightOptions = review.rightOptions ? optionTexts(review.challenge, review.rightOptions) : [];
  const labels = fieldLabels(review.challenge, (number) => t('admin.preview.answer.field', { number }));
  return (
    <li className={`card review review--${review.result === 'ok' ? 'ok' : 'ko'}`} data-testid="checkpoint-answer">
      <h2 id={headingId}>{t('learner.checkpoint.question', { number })}</h2>
      <p className="review__result" data-testid="checkpoint-result" data-result={review.result}>
        <strong>{t(`learner.checkpoint.results.${review.result}`)}</strong>
      </p>
      <div lang={review.challenge.locales[0]}>
        <Markdown text={review.challenge.instruction} className="review__instruction" />
      </div>
      <dl className="details">
        <dt>{t('learner.checkpoint.yourAnswer')}</dt>
        <dd data-testid="checkpoint-given">{given.length === 0 ? t('learner.checkpoint.noAnswer') : given.join(' ; ')}</dd>
        {rightOptions.length > 0 ? (
          <>
            <dt>{t('learner.checkpoint.rightAnswer', { count: rightOptions.length })}</dt>
            <dd data-testid="checkpoint-right-options">{rightOptions.join(' ; ')}</dd>
          </>
        ) : null}
        {review.solutionToDisplay ? (
          <>
            <dt>{t('learner.checkpoint.solution')}</dt>
            <dd data-testid="checkpoint-solution">
              <Markdown text={review.solutionToDisplay} />
            </dd>
          </>
        ) : null}
      </dl>
      {review.unmatchedGroups && review.unmatchedGroups.length > 0 ? (
        <p data-testid="checkpoint-unmatched">
          {t('learner.checkpoint.unmatched', { count: review.unmatchedGroups.length })} {review.unmatchedGroups.join(' ; ')}
        </p>
      ) : null}
      {review.fields ? (
        <ul className="review__fields" data-testid="checkpoint-fields">
          {Object.entries(review.fields).map(([key, right]) => (
            <li key={key}>
              {labels.get(key) ?? key} : {t(right ? 'learner.checkpoint.fieldRight' : 'learner.checkpoint.fieldWrong')}
            </li>
          ))}
        </ul>
      ) : null}
      {review.hint ? (
        <div className="review__hint" data-testid="checkpoint-hint">
          <p>
            <strong>{t('learner.checkpoint.hint')}</strong>
          </p>
          <Markdown text={review.hint} />
        </div>
      ) : null}
      <TutorialList title={t('learner.checkpoint.toSucceed')} tutorials={review.tutorials.toSucceed} testId="tutorials-to-succeed" />
      <TutorialList title={t('learner.checkpoint.toLearnMore')} tutorials={review.tutorials.toLearnMore} testId="tutorials-to-learn-more" />
    </li>
  );
}

function TutorialList({ title, tutorials, testId }: { title: string; tutorials: Review['tutorials']['toSucceed']; testId: string }) {
  if (tutorials.length === 0) return null;
  return (
    <section className="review__tutorials" data-testid={testId}>
      <h3>{title}</h3>
      <ul className="tutorial-list">
        {tutorials.map((tutorial) => (
          <TutorialCard key={tutorial.id} tutorial={tutorial} />
        ))}
      </ul>
    </section>
  );
}
