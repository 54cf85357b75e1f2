import { useState } from 'react';
import type { AnswerResponse, NextStep } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { checkpointPath, challengePath } from './runnerPaths';
import { useAssessment, useNextStep } from './assessmentQueries';
import { ChallengeRunner } from './ChallengeRunner';

/**
 * `/assessments/:assessmentId/challenges/:n`: the question the server serves, numbered from
 * the answers already given. `/assessments/:assessmentId` (where « Je commence » and
 * « Continuer » lead) renders the same and moves to wherever the test stands.
 */
export function RunnerPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <Runner />}</RequireSignedIn>;
}

function Runner() {
  const { t } = useTranslation();
  const { assessmentId = '', n } = useParams();
  const assessment = useAssessment(assessmentId);
  const next = useNextStep(assessmentId);
  const navigate = useNavigate();
  const [levelUp, setLevelUp] = useState<AnswerResponse['levelUp']>(null);

  if (next.error || assessment.error) {
    return (
      <Page title={t('learner.runner.errorTitle')} testId="runner-error">
        <ErrorSummary error={next.error ?? assessment.error} />
        <Button onClick={() => void Promise.all([next.refetch(), assessment.refetch()])} data-testid="runner-reload">
          {t('learner.runner.retry')}
        </Button>
      </Page>
    );
  }
  if (next.data === undefined || assessment.data === undefined) return <Loading />;
  const target = stepPath(assessmentId, next.data);
  if (next.data.kind !== 'challenge' || n !== String(next.data.answerCount + 1)) return <Navigate to={target} replace />;
  return (
    <ChallengeRunner
      key={next.data.challenge.id}
      assessment={assessment.data}
      step={next.data}
      levelUp={levelUp}
      onAnswered={(response) => {
        setLevelUp(response.levelUp);
        // The next challenge is already read and shown by the redirect above; a checkpoint or the end is not served by `next`.
        if (response.next !== 'challenge') void navigate(checkpointPath(assessmentId, response.next === 'end'), { state: { levelUp: response.levelUp } });
      }}
    />
  );
}

function stepPath(assessmentId: string, step: NextStep): string {
  if (step.kind === 'challenge') return challengePath(assessmentId, step.answerCount + 1);
  return checkpointPath(assessmentId, step.kind === 'end');
}
