import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { assessmentPath } from '../campaigns/campaignJourney';
import { daysUntil } from '../results/delays';
import type { CompetenceProfile } from './CompetenceGrid';
import { useStartSelfEvaluation } from './profileQueries';

const LABELS = { start: 'learner.profile.start', resume: 'learner.profile.resume', improve: 'learner.profile.improve' } as const;

/** A card's one action: start, resume or improve a self-evaluation, or the delay before improving. */
export function CompetenceAction({ competence }: { competence: CompetenceProfile }): ReactNode {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartSelfEvaluation();
  if (competence.action === 'none') return null;
  if (competence.action === 'improve' && competence.improveInSeconds !== null && competence.improveInSeconds > 0) {
    return <p data-testid="competence-improve-later">{t('learner.profile.improveIn', { count: daysUntil(competence.improveInSeconds) })}</p>;
  }
  const open = () => {
    if (competence.action === 'resume' && competence.assessmentId !== null) return void navigate(assessmentPath(competence.assessmentId));
    start.mutate(competence.id, { onSuccess: ({ assessmentId }) => void navigate(assessmentPath(assessmentId)) });
  };
  return (
    <>
      <ErrorSummary error={start.error} />
      <Button variant={competence.action === 'start' ? 'primary' : 'secondary'} onClick={open} busy={start.isPending} data-testid={`competence-${competence.action}`}>
        {t(LABELS[competence.action])}
        <span className="visually-hidden"> – {competence.name}</span>
      </Button>
    </>
  );
}
