import { useRef } from 'react';
import type { CertificationStep } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { AnswerActions, AnswerFields, useAnswerForm } from '../runner/AnswerActions';
import { ChallengeContent } from '../runner/ChallengeContent';
import { Countdown } from '../runner/Countdown';
import { useFocusLoss } from '../runner/useFocusLoss';
import { useSubmitCertificationAnswer } from './certificationQueries';
import { ReadAloudButton } from './ReadAloudButton';

/**
 * One certification question, shown as the campaign runner shows it (same content and answer
 * area), without a verdict afterwards. A timed question starts at once, its clock already
 * extended by the candidate's extra time; leaving the page on a focused one is reported with
 * the answer, which the server then counts as failed. `readAloud` (an accommodated
 * candidate) adds the text-to-speech button.
 */
export function CertificationChallenge({ courseId, step, readAloud }: { courseId: string; step: Extract<CertificationStep, { kind: 'challenge' }>; readAloud: boolean }) {
  const { t } = useTranslation();
  const challenge = step.challenge;
  const focusLost = useFocusLoss(challenge.focused);
  const submit = useSubmitCertificationAnswer(courseId);
  const form = useAnswerForm(challenge, focusLost, submit);
  const question = useRef<HTMLDivElement>(null);

  return (
    <>
      {challenge.focused ? (
        <p className="runner__mode-hint" data-testid="certification-focus-hint">
          <span className="tag tag--focus">{t('learner.certificationTest.test.focus')}</span> {t('learner.certificationTest.test.focusHint')}
        </p>
      ) : null}
      {focusLost ? (
        <div role="alert" className="alert alert--error" data-testid="certification-focus-lost">
          <p>
            <strong>{t('learner.certificationTest.test.focusLost')}</strong> {t('learner.certificationTest.test.focusLostHint')}
          </p>
        </div>
      ) : null}
      <form
        className="runner__form"
        onSubmit={(event) => {
          event.preventDefault();
          form.validate();
        }}
        noValidate
        data-testid="certification-challenge-form"
      >
        {challenge.timer !== undefined ? <Countdown deadline={Date.parse(step.servedAt) + challenge.timer * 1000} total={challenge.timer} /> : null}
        {readAloud ? <ReadAloudButton target={question} lang={challenge.locales[0] ?? 'fr'} /> : null}
        <div ref={question}>
          <ChallengeContent challenge={challenge} onEmbedAnswer={form.sendFromFrame} />
          <AnswerFields form={form} />
        </div>
        <AnswerActions form={form} testIdPrefix="certification-" />
      </form>
    </>
  );
}
