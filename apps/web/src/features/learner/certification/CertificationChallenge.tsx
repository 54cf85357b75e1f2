import { useRef, useState } from 'react';
import type { CertificationAnswerBody, CertificationStep } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { AnswerAreaFields } from '../../admin/challenges/AnswerAreaFields';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { displayedArea, emptyDraft, isDraftEmpty, skipBody, toAnswerBody } from '../runner/answerDraft';
import { ChallengeContent } from '../runner/ChallengeContent';
import { Countdown } from '../runner/Countdown';
import { useFocusLoss } from '../runner/useFocusLoss';
import { useSubmitCertificationAnswer } from './certificationQueries';
import { ReadAloudButton } from './ReadAloudButton';

/** A failure worth sending again: the network or the server, not the answer itself. */
function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

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
  const [draft, setDraft] = useState(() => emptyDraft(challenge));
  const [askToAnswer, setAskToAnswer] = useState(false);
  const focusLost = useFocusLoss(challenge.focused);
  const submit = useSubmitCertificationAnswer(courseId);
  const lastBody = useRef<CertificationAnswerBody | null>(null);
  const question = useRef<HTMLDivElement>(null);
  const answersInFrame = challenge.embed?.autoReply === true;

  const send = (body: CertificationAnswerBody) => {
    // Enter pressed twice, or a frame that answers twice: the first answer is the one.
    if (submit.isPending) return;
    lastBody.current = body;
    submit.mutate(body);
  };

  function validate() {
    if (isDraftEmpty(draft)) {
      setAskToAnswer(true);
      return;
    }
    setAskToAnswer(false);
    send(toAnswerBody(challenge, draft, focusLost));
  }

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
          validate();
        }}
        noValidate
        data-testid="certification-challenge-form"
      >
        {challenge.timer !== undefined ? <Countdown deadline={Date.parse(step.servedAt) + challenge.timer * 1000} total={challenge.timer} /> : null}
        {readAloud ? <ReadAloudButton target={question} lang={challenge.locales[0] ?? 'fr'} /> : null}
        <div ref={question}>
          <ChallengeContent challenge={challenge} onEmbedAnswer={(answer) => send({ challengeId: challenge.id, value: answer, skipped: false, focusedOut: focusLost })} />
          {answersInFrame ? null : (
            <AnswerAreaFields
              type={challenge.type}
              area={displayedArea(challenge)}
              format={challenge.format}
              draft={draft}
              onChange={(next) => {
                setDraft(next);
                setAskToAnswer(false);
              }}
            />
          )}
        </div>
        {askToAnswer ? (
          <p role="alert" className="alert alert--error" data-testid="certification-answer-required">
            {t('learner.certificationTest.test.answerOrSkip')}
          </p>
        ) : null}
        {submit.error ? (
          <div data-testid="certification-answer-failed">
            <ErrorSummary error={submit.error} />
            {isTransient(submit.error) ? (
              <Button onClick={() => lastBody.current && send(lastBody.current)} busy={submit.isPending}>
                {t('learner.certificationTest.test.retry')}
              </Button>
            ) : null}
          </div>
        ) : null}
        <div className="actions runner__actions">
          {answersInFrame ? null : (
            <Button type="submit" busy={submit.isPending} data-testid="certification-answer-validate">
              {t('learner.certificationTest.test.validate')}
            </Button>
          )}
          <Button variant="secondary" onClick={() => send(skipBody(challenge, focusLost))} disabled={submit.isPending} data-testid="certification-answer-skip">
            {t('learner.certificationTest.test.skip')}
          </Button>
        </div>
      </form>
    </>
  );
}
