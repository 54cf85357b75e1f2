import { useTranslation } from 'react-i18next';
import type { AnswerArea, ChallengeCheckResponse } from '../../../api/types';
import { InlineMarkdown, Markdown } from '../../shared/content/Markdown';
import { tutorialMinutes } from './tutorialDuration';

/** A field's name in the correction: its label when the author wrote one, else its position. */
function fieldNames(area: AnswerArea, fallback: (number: number) => string): Map<string, string> {
  const names = new Map<string, string>();
  if (area.kind !== 'blocks') return names;
  for (const part of area.parts) if (part.kind === 'block') names.set(part.key, part.label ?? fallback(names.size + 1));
  return names;
}

/** What the checkpoint shows after this answer: the verdict, the expected answer, the hint and the tutorials. */
export function CorrectionPanel({ area, correction }: { area: AnswerArea; correction: ChallengeCheckResponse }) {
  const { t } = useTranslation();
  const succeeded = correction.result === 'ok';
  const names = fieldNames(area, (number) => t('admin.preview.answer.field', { number }));
  const durationText = (duration: string) => {
    const minutes = tutorialMinutes(duration);
    return minutes === undefined ? duration : t('admin.preview.correction.minutes', { minutes });
  };
  return (
    <section className={`correction correction--${succeeded ? 'ok' : 'ko'}`} aria-labelledby="correction-title" data-testid="correction">
      <h2 id="correction-title">{t('admin.preview.correction.title')}</h2>
      <p className="correction__verdict" data-testid="correction-result" data-result={correction.result}>
        {t(`admin.preview.correction.results.${correction.result}`)}
      </p>
      {correction.rightOptions && area.kind === 'options' ? (
        <>
          <h3>{t('admin.preview.correction.expected')}</h3>
          <ul data-testid="correction-right-options">
            {correction.rightOptions.map((number) => (
              <li key={number}>
                <InlineMarkdown text={area.options[number - 1] ?? String(number)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {correction.solutionToDisplay !== undefined ? (
        <>
          <h3>{t('admin.preview.correction.expected')}</h3>
          <Markdown text={correction.solutionToDisplay} />
        </>
      ) : null}
      {correction.fields ? (
        <>
          <h3>{t('admin.preview.correction.fields')}</h3>
          <ul>
            {Object.entries(correction.fields.fields).map(([key, right]) => (
              <li key={key}>
                {t(right ? 'admin.preview.correction.fieldRight' : 'admin.preview.correction.fieldWrong', { field: names.get(key) ?? key })}
              </li>
            ))}
          </ul>
          {correction.fields.unmatchedGroups && correction.fields.unmatchedGroups.length > 0 ? (
            <p>{t('admin.preview.correction.unmatched', { answers: correction.fields.unmatchedGroups.join(', ') })}</p>
          ) : null}
        </>
      ) : null}
      {correction.hint !== undefined ? (
        <>
          <h3>{t('admin.preview.correction.hint')}</h3>
          <Markdown text={correction.hint} />
        </>
      ) : null}
      {correction.tutorials.length > 0 ? (
        <>
          <h3>{t(succeeded ? 'admin.preview.correction.learnMore' : 'admin.preview.correction.toSucceed')}</h3>
          <ul className="link-list">
            {correction.tutorials.map((tutorial) => (
              <li key={tutorial.id}>
                <a href={tutorial.link} rel="noopener noreferrer">
                  {tutorial.title}
                </a>{' '}
                {t('admin.preview.correction.tutorialMeta', { source: tutorial.source, duration: durationText(tutorial.duration) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
