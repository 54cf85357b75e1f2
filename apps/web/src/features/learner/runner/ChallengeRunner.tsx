import { useEffect, useState } from 'react';
import type { AnswerResponse, Assessment, NextStep } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { campaignPaths } from '../campaigns/campaignJourney';
import { AnswerActions, AnswerFields, useAnswerForm } from './AnswerActions';
import { useStartChallenge, useSubmitAnswer } from './assessmentQueries';
import { ChallengeContent } from './ChallengeContent';
import { Countdown } from './Countdown';
import { ReportDialog } from './ReportDialog';
import { TimedIntro } from './TimedIntro';
import { useFocusLoss } from './useFocusLoss';

/** A checkpoint comes after every five answers: « Question k / 5 ». */
const CHECKPOINT_EVERY = 5;

type ChallengeStep = Extract<NextStep, { kind: 'challenge' }>;

interface ChallengeRunnerProps {
  assessment: Assessment;
  step: ChallengeStep;
  levelUp: AnswerResponse['levelUp'];
  onAnswered: (response: AnswerResponse) => void;
}

/**
 * One challenge, from the instruction to « Valider » or « Je passe ». What was typed stays
 * after a failed submission, and « Réessayer » sends the very same answer again, which the
 * server records only once.
 */
export function ChallengeRunner({ assessment, step, levelUp, onAnswered }: ChallengeRunnerProps) {
  const { t } = useTranslation();
  const challenge = step.challenge;
  const [reporting, setReporting] = useState(false);
  const [reported, setReported] = useState(false);
  const focusLost = useFocusLoss(challenge.focused);
  const start = useStartChallenge(assessment.id);
  const timed = challenge.timer !== undefined;
  const started = step.servedAt !== null;
  const startNow = start.mutate;

  useEffect(() => {
    // An untimed challenge starts as soon as it is shown; a timed one waits for « Commencer ».
    if (!started && !timed) startNow();
  }, [started, timed, startNow]);
  const submit = useSubmitAnswer(assessment.id);
  const form = useAnswerForm(challenge, focusLost, submit, onAnswered);

  const pausePath = assessment.campaign ? campaignPaths(assessment.campaign.code).landing : '/competences';
  const heading = t('learner.runner.position', { position: step.position, count: CHECKPOINT_EVERY });
  const context = assessment.campaign?.title ?? assessment.competence?.name ?? '';

  return (
    <Page title={context ? `${heading} – ${context}` : heading} heading={heading} testId="challenge-page">
      <div className="runner__status">
        <progress className="runner__progress" max={CHECKPOINT_EVERY} value={step.position} aria-label={heading} data-testid="runner-progress" />
        <span className={challenge.focused ? 'tag tag--focus' : 'tag tag--free'} data-testid="challenge-mode">
          {t(challenge.focused ? 'learner.runner.focus' : 'learner.runner.free')}
        </span>
      </div>
      {levelUp ? (
        <Notice tone="success" testId="level-up">
          {t('learner.runner.levelUp', { competence: levelUp.competenceName, level: levelUp.level })}
        </Notice>
      ) : null}
      {challenge.focused ? <p className="runner__mode-hint">{t('learner.runner.focusHint')}</p> : null}
      {focusLost ? (
        <div role="alert" className="alert alert--error" data-testid="focus-lost">
          <p>
            <strong>{t('learner.runner.focusLost')}</strong> {t('learner.runner.focusLostHint')}
          </p>
        </div>
      ) : null}
      <ErrorSummary error={start.error} />
      {challenge.timer !== undefined && !started ? (
        <TimedIntro seconds={challenge.timer} onStart={() => start.mutate()} starting={start.isPending} />
      ) : (
        <form
          className="runner__form"
          onSubmit={(event) => {
            event.preventDefault();
            form.validate();
          }}
          noValidate
          data-testid="challenge-form"
        >
          {challenge.timer !== undefined && step.servedAt !== null ? <Countdown deadline={Date.parse(step.servedAt) + challenge.timer * 1000} total={challenge.timer} /> : null}
          <ChallengeContent challenge={challenge} onEmbedAnswer={form.sendFromFrame} />
          {form.answersInFrame ? (
            <p className="alert alert--info" data-testid="embed-answers">
              {t('learner.runner.embedAnswers')}
            </p>
          ) : null}
          <AnswerFields form={form} />
          <AnswerActions form={form} testIdPrefix="" />
        </form>
      )}
      <div className="runner__footer">
        <Link to={pausePath} data-testid="runner-pause">
          {t('learner.runner.pause')}
        </Link>
        <Button variant="link" onClick={() => setReporting(true)} data-testid="report-open">
          {t('learner.report.open')}
        </Button>
      </div>
      {reported ? <Notice testId="report-sent">{t('learner.report.sent')}</Notice> : null}
      {reporting ? (
        <ReportDialog
          assessmentId={assessment.id}
          challengeId={challenge.id}
          onClose={() => setReporting(false)}
          onSent={() => {
            setReporting(false);
            setReported(true);
          }}
        />
      ) : null}
    </Page>
  );
}
