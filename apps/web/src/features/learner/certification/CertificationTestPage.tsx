import { useState } from 'react';
import { CERTIFICATION_MAX_ANSWERS, type CertificationCourse, type CertificationStep } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Button } from '../../shared/ui/Button';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { CertificationChallenge } from './CertificationChallenge';
import { CertificationEnded } from './CertificationEnded';
import { useCertificationStep, useCourse, useEndCourse } from './certificationQueries';
import { IssueReportDialog } from './IssueReportDialog';
import { TestTimer } from './TestTimer';
import './certification.css';

/**
 * `/certification/:courseId`: the test itself. The server serves each question (the same
 * one again after a reload) and says when the test is paused or over; the page adds the
 * whole test's clock, « Question N / 32 », reporting a problem and ending the test.
 */
export function CertificationTestPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <CertificationTest />}</RequireSignedIn>;
}

function CertificationTest() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const step = useCertificationStep(courseId);

  if (course.error || step.error) {
    return (
      <Page title={t('learner.certificationTest.test.errorTitle')} testId="certification-test-error">
        <ErrorSummary error={course.error ?? step.error} />
        <Button onClick={() => void Promise.all([course.refetch(), step.refetch()])}>{t('learner.certificationTest.test.reload')}</Button>
      </Page>
    );
  }
  if (course.data === undefined || step.data === undefined) return <Loading />;
  if (step.data.kind === 'end') return <CertificationEnded reason={step.data.reason} />;
  return <RunningTest course={course.data} step={step.data} onTimeOver={() => void Promise.all([step.refetch(), course.refetch()])} />;
}

function RunningTest({ course, step, onTimeOver }: { course: CertificationCourse; step: Exclude<CertificationStep, { kind: 'end' }>; onTimeOver: () => void }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState(false);
  const ending = useConfirmedAction(useEndCourse(course.id), { variables: () => undefined });
  const position = step.answerCount + 1;
  const heading = t('learner.certificationTest.test.position', { position, count: CERTIFICATION_MAX_ANSWERS });

  return (
    <Page
      title={step.kind === 'paused' ? t('learner.certificationTest.paused.title') : t('learner.certificationTest.test.title', { position, count: CERTIFICATION_MAX_ANSWERS })}
      heading={step.kind === 'paused' ? t('learner.certificationTest.paused.title') : heading}
      testId="certification-test"
    >
      <div className="runner__status certification__status">
        <progress className="runner__progress" max={CERTIFICATION_MAX_ANSWERS} value={step.answerCount} aria-label={heading} data-testid="certification-progress" />
        <TestTimer key={course.endsAt} endsAt={course.endsAt} serverNow={course.now} onOver={onTimeOver} />
      </div>
      {step.kind === 'paused' ? (
        <section className="alert alert--info" role="status" data-testid="certification-paused">
          <p>
            <strong>{t('learner.certificationTest.paused.message')}</strong>
          </p>
          <p>{t('learner.certificationTest.paused.hint')}</p>
        </section>
      ) : (
        <CertificationChallenge key={step.challenge.id} courseId={course.id} step={step} readAloud={course.accessibilityAdjustmentNeeded} />
      )}
      <div className="runner__footer">
        {step.kind === 'challenge' ? (
          <Button variant="link" onClick={() => setReporting(true)} data-testid="certification-report-open">
            {t('learner.certificationTest.test.report')}
          </Button>
        ) : null}
        <Button variant="link" onClick={() => ending.ask()} data-testid="certification-end-open">
          {t('learner.certificationTest.test.end')}
        </Button>
      </div>
      {reporting && step.kind === 'challenge' ? <IssueReportDialog courseId={course.id} challengeId={step.challenge.id} onClose={() => setReporting(false)} /> : null}
      {ending.open ? (
        <ConfirmDialog {...ending.dialog} title={t('learner.certificationTest.test.endConfirmTitle')} confirmLabel={t('learner.certificationTest.test.endConfirmButton')}>
          <p>{t('learner.certificationTest.test.endConfirm')}</p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
