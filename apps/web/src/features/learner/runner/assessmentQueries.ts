import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerBody, AnswerResponse, Assessment, Checkpoint, NextStep } from '@jalon/contracts';
import { api, ApiError } from '../../../api/client';

export const assessmentKey = (assessmentId: string) => ['assessment', assessmentId] as const;
export const nextStepKey = (assessmentId: string) => ['assessment', assessmentId, 'next'] as const;

export function useAssessment(assessmentId: string) {
  return useQuery({ queryKey: assessmentKey(assessmentId), queryFn: () => api.get<Assessment>(`/api/assessments/${assessmentId}`) });
}

/**
 * The server decides what comes next; it serves the same challenge again until it is answered.
 * Read without starting its clock (`start=false`): the runner starts it when it is shown, after
 * the warning screen for a timed challenge.
 */
export function useNextStep(assessmentId: string) {
  return useQuery({
    queryKey: nextStepKey(assessmentId),
    queryFn: () => api.get<NextStep>(`/api/assessments/${assessmentId}/next?start=false`),
    // Always asked afresh: a cached step could show a challenge already answered in another tab.
    staleTime: 0,
    gcTime: 0,
  });
}

/** Shows the served challenge: its clock starts now, and the step comes back with `servedAt`. */
export function useStartChallenge(assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.get<NextStep>(`/api/assessments/${assessmentId}/next`),
    onSuccess: (step) => client.setQueryData(nextStepKey(assessmentId), step),
  });
}

export function useSubmitAnswer(assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerBody) => api.post<AnswerResponse>(`/api/assessments/${assessmentId}/answers`, body),
    // Before another challenge, the mutation stays pending until it is known, so the buttons
    // stay busy and no second answer leaves in between: the response carries it (already
    // started unless timed), or it is read when the answer had been recorded before. Before
    // a checkpoint it is not read: serving it would start its clock while the learner reads
    // the corrections.
    onSuccess: (response) => {
      if (response.step) client.setQueryData(nextStepKey(assessmentId), response.step);
      return Promise.all([
        client.invalidateQueries({ queryKey: assessmentKey(assessmentId), exact: true }),
        response.next === 'challenge' && !response.step ? client.refetchQueries({ queryKey: nextStepKey(assessmentId) }) : null,
      ]);
    },
    // Answered elsewhere (another tab) or already over: show what the server serves now.
    onError: (error) => {
      if (error instanceof ApiError && (error.hasCode('CHALLENGE_NOT_SERVED') || error.hasCode('ASSESSMENT_COMPLETED'))) {
        void client.refetchQueries({ queryKey: nextStepKey(assessmentId) });
      }
    },
  });
}

export function useCheckpoint(assessmentId: string, final: boolean) {
  return useQuery({
    queryKey: [...assessmentKey(assessmentId), 'checkpoint', final],
    queryFn: () => api.get<Checkpoint>(`/api/assessments/${assessmentId}/checkpoint?final=${String(final)}`),
  });
}

export interface ChallengeReport {
  challengeId: string;
  category: string;
  comment: string;
}

export function useReportChallenge(assessmentId: string) {
  return useMutation({ mutationFn: (report: ChallengeReport) => api.post(`/api/assessments/${assessmentId}/reports`, report) });
}
