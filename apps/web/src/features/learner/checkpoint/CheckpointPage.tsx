import type { AnswerResponse, Assessment } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { assessmentPath, campaignPaths } from '../campaigns/campaignJourney';
import { useAssessment, useCheckpoint, useNextStep } from '../runner/assessmentQueries';
import { ReviewedAnswer } from './ReviewedAnswer';

/** `/assessments/:assessmentId/checkpoint[?final=true]`: the review after every 5 answers and at the end. */
export function CheckpointPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <CheckpointView />}</RequireSignedIn>;
}

/** Where « Voir mes résultats » leads: the campaign's end page, or the competence of a self-evaluation. */
function resultsPath(assessment: Assessment): string {
  if (assessment.campaign) return campaignPaths(assessment.campaign.code).results;
  return assessment.competence ? `/competences/${assessment.competence.id}/details` : '/competences';
}

function CheckpointView() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  const [search] = useSearchParams();
  const final = search.get('final') === 'true';
  const assessment = useAssessment(assessmentId);
  const checkpoint = useCheckpoint(assessmentId, final);
  const title = t(final ? 'learner.checkpoint.finalTitle' : 'learner.checkpoint.title');
  // The answer just before this checkpoint may have raised a level: the runner passes it on.
  const levelUp = (useLocation().state as { levelUp?: AnswerResponse['levelUp'] } | null)?.levelUp ?? null;

  if (checkpoint.error || assessment.error) {
    return (
      <Page title={title} testId="checkpoint-page">
        <ErrorSummary error={checkpoint.error ?? assessment.error} />
      </Page>
    );
  }
  if (checkpoint.data === undefined || assessment.data === undefined) return <Loading />;
  const { answers, progression } = checkpoint.data;
  return (
    <Page title={title} testId="checkpoint-page">
      {levelUp ? (
        <Notice tone="success" testId="level-up">
          {t('learner.runner.levelUp', { competence: levelUp.competenceName, level: levelUp.level })}
        </Notice>
      ) : null}
      {final ? <AlreadyAnswered assessmentId={assessmentId} /> : null}
      <div className="checkpoint__progress">
        <label htmlFor="checkpoint-progression">{t('learner.checkpoint.progression', { percent: progression })}</label>
        <progress id="checkpoint-progression" max={100} value={progression} data-testid="checkpoint-progression" />
      </div>
      {answers.length > 0 ? (
        <ol className="reviews" data-testid="checkpoint-answers">
          {answers.map((review, index) => (
            <ReviewedAnswer key={review.answerId} review={review} number={index + 1} />
          ))}
        </ol>
      ) : null}
      <p className="actions">
        {final ? (
          <Link className="button button--primary" to={resultsPath(assessment.data)} state={{ evaluationFinished: true }} data-testid="checkpoint-see-results">
            {t('learner.checkpoint.seeResults')}
          </Link>
        ) : (
          <Link className="button button--primary" to={assessmentPath(assessmentId)} data-testid="checkpoint-continue">
            {t('learner.checkpoint.continue')}
          </Link>
        )}
      </p>
    </Page>
  );
}

/** A test that ended before its first question: earlier tests had already measured everything. */
function AlreadyAnswered({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const next = useNextStep(assessmentId);
  if (next.data?.kind !== 'end' || !next.data.alreadyKnown) return null;
  return <Notice testId="already-answered">{t('learner.checkpoint.alreadyAnswered')}</Notice>;
}
