import { useRef, useState } from 'react';
import type { AnswerBody, RunnerChallenge } from '@jalon/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { AnswerAreaFields } from '../../admin/challenges/AnswerAreaFields';
import { displayedArea, emptyDraft, isDraftEmpty, skipBody, toAnswerBody, type AnswerDraft } from './answerDraft';

/** A failure the learner can fix by sending again: the network or the server, not the answer itself. */
function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/**
 * The state of one answer form: what is typed (kept after a failed submission), « Valider »
 * refusing an empty answer, « Je passe », and sending at most once at a time (Enter pressed
 * twice, or a frame that answers twice: the first answer is the one). « Réessayer » sends the
 * very same body again, which the server records only once.
 */
export function useAnswerForm<Response>(
  challenge: RunnerChallenge,
  focusLost: boolean,
  submit: UseMutationResult<Response, Error, AnswerBody>,
  onAnswered?: (response: Response) => void,
) {
  const [draft, setTypedDraft] = useState(() => emptyDraft(challenge));
  const [askToAnswer, setAskToAnswer] = useState(false);
  const lastBody = useRef<AnswerBody | null>(null);
  const send = (body: AnswerBody) => {
    if (submit.isPending) return;
    lastBody.current = body;
    submit.mutate(body, { onSuccess: onAnswered });
  };
  return {
    challenge,
    draft,
    askToAnswer,
    pending: submit.isPending,
    error: submit.error,
    /** An activity that answers by itself: its frame sends the answer, there is nothing to type. */
    answersInFrame: challenge.embed?.autoReply === true,
    send,
    /** The answer an embedded activity sent. */
    sendFromFrame: (value: string) => send({ challengeId: challenge.id, value, skipped: false, focusedOut: focusLost }),
    setDraft: (next: AnswerDraft) => {
      setTypedDraft(next);
      setAskToAnswer(false);
    },
    validate: () => {
      if (isDraftEmpty(draft)) return setAskToAnswer(true);
      setAskToAnswer(false);
      send(toAnswerBody(challenge, draft, focusLost));
    },
    skip: () => send(skipBody(challenge, focusLost)),
    retry: () => {
      if (lastBody.current !== null) send(lastBody.current);
    },
  };
}

type AnswerForm = ReturnType<typeof useAnswerForm>;

/** Where the learner answers, unless the activity's frame answers by itself. */
export function AnswerFields({ form }: { form: AnswerForm }) {
  if (form.answersInFrame) return null;
  const { challenge } = form;
  return <AnswerAreaFields type={challenge.type} area={displayedArea(challenge)} format={challenge.format} draft={form.draft} onChange={form.setDraft} />;
}

/**
 * The end of an answer form, shared by campaigns and certification: « Répondez… » when
 * « Valider » found nothing typed, the error with « Réessayer » when sending failed for a
 * reason that may pass, then « Valider » (the form's submit) and « Je passe ».
 */
export function AnswerActions({ form, testIdPrefix }: { form: AnswerForm; testIdPrefix: string }) {
  const { t } = useTranslation();
  const { askToAnswer, error, pending } = form;
  return (
    <>
      {askToAnswer ? (
        <p role="alert" className="alert alert--error" data-testid={`${testIdPrefix}answer-required`}>
          {t('learner.runner.answerOrSkip')}
        </p>
      ) : null}
      {error ? (
        <div data-testid={`${testIdPrefix}answer-failed`}>
          <ErrorSummary error={error} />
          {isTransient(error) ? (
            <Button onClick={form.retry} busy={pending} data-testid={`${testIdPrefix}answer-retry`}>
              {t('learner.runner.retry')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <div className="actions runner__actions">
        {form.answersInFrame ? null : (
          <Button type="submit" busy={pending} data-testid={`${testIdPrefix}answer-validate`}>
            {t('learner.runner.validate')}
          </Button>
        )}
        <Button variant="secondary" onClick={form.skip} disabled={pending} data-testid={`${testIdPrefix}answer-skip`}>
          {t('learner.runner.skip')}
        </Button>
      </div>
    </>
  );
}
