import { useState } from 'react';
import type { LearnerTutorial } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { tutorialMinutes } from '../../admin/challenges/tutorialDuration';
import { isSafeLink } from '../content/safeLink';
import { useSaveTutorial, useTutorialHelpful } from './tutorialQueries';

/** A tutorial with its source, format and duration, and a button to keep it in « Mes tutos ». */
export function TutorialCard({ tutorial }: { tutorial: LearnerTutorial }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(tutorial.isSaved);
  const save = useSaveTutorial();
  const helpful = useTutorialHelpful();
  const minutes = tutorialMinutes(tutorial.duration);
  const duration = minutes === undefined ? tutorial.duration : t('learner.tutorials.minutes', { minutes });
  const toggle = () => save.mutate({ tutorialId: tutorial.id, save: !saved }, { onSuccess: () => setSaved(!saved) });
  return (
    <li className="tutorial-card" data-testid="tutorial-card">
      <p className="tutorial-card__title">
        {isSafeLink(tutorial.link) ? (
          <a href={tutorial.link} target="_blank" rel="noopener noreferrer">
            {tutorial.title}
            <span className="visually-hidden"> {t('common.newWindow')}</span>
          </a>
        ) : (
          tutorial.title
        )}
      </p>
      <p className="tutorial-card__meta">{[tutorial.source, tutorial.format, duration].filter(Boolean).join(' · ')}</p>
      <ErrorSummary error={save.error ?? helpful.error} />
      {saved ? <p className="tutorial-card__saved">{t('learner.tutorials.saved')}</p> : null}
      <Button variant="secondary" busy={save.isPending} onClick={toggle} data-testid={saved ? 'tutorial-unsave' : 'tutorial-save'}>
        {t(saved ? 'learner.tutorials.unsave' : 'learner.tutorials.save')}
        <span className="visually-hidden"> {tutorial.title}</span>
      </Button>
      {helpful.isSuccess ? (
        <p className="tutorial-card__saved" role="status">
          {t('learner.tutorials.thanks')}
        </p>
      ) : (
        <Button variant="link" busy={helpful.isPending} onClick={() => helpful.mutate(tutorial.id, { onSuccess: () => setSaved(true) })} data-testid="tutorial-helpful">
          {t('learner.tutorials.helpful')}
          <span className="visually-hidden"> {tutorial.title}</span>
        </Button>
      )}
    </li>
  );
}
