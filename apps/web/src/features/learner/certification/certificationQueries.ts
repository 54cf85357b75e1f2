import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CertificationAnswerBody,
  CertificationAnswerResponse,
  CertificationCourse,
  CertificationEntry,
  CertificationEntryBody,
  CertificationIssueReportBody,
  CertificationStep,
  MyCertificationEntry,
} from '@jalon/contracts';
import { api, ApiError } from '../../../api/client';

export const ENTRY_KEY = ['me', 'certification-entry'] as const;
export const courseKey = (courseId: string) => ['certification-course', courseId] as const;
export const stepKey = (courseId: string) => ['certification-course', courseId, 'next'] as const;

/** How often the waiting and paused screens ask whether the invigilator has acted. */
export const POLL_MS = 4000;
/** While a question is shown: often enough to notice within a minute that the invigilator ended the test. */
const RUNNING_POLL_MS = 30_000;

/**
 * Where the candidate stands. While they wait for the invigilator it is read again every few
 * seconds, so the access-code screen appears by itself once they are authorised.
 */
export function useMyEntry() {
  return useQuery({
    queryKey: ENTRY_KEY,
    queryFn: () => api.get<MyCertificationEntry>('/api/me/certification-entry'),
    refetchInterval: (query) => (query.state.data?.entry?.state === 'waiting' ? POLL_MS : false),
  });
}

/**
 * The entry form as typed: the API reads the number and the rules' box and answers
 * SITTING_NUMBER_INVALID or CERTIFICATION_RULES_NOT_ACCEPTED beside the field.
 */
export type EntryFormValues = Omit<CertificationEntryBody, 'sittingNumber' | 'rulesAccepted'> & { sittingNumber: string; rulesAccepted: boolean };

export function useEnterSitting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EntryFormValues) => api.post<CertificationEntry>('/api/certification-entries', body),
    onSuccess: (entry) => client.setQueryData<MyCertificationEntry>(ENTRY_KEY, { entry }),
  });
}

export function useStartCourse(candidateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accessCode: string) => api.post<CertificationEntry>(`/api/certification-entries/${candidateId}/course`, { accessCode }),
    onSuccess: (entry) => client.setQueryData<MyCertificationEntry>(ENTRY_KEY, { entry }),
  });
}

export function useCourse(courseId: string) {
  return useQuery({ queryKey: courseKey(courseId), queryFn: () => api.get<CertificationCourse>(`/api/certification-courses/${courseId}`) });
}

/**
 * The served challenge (the same after a reload), the pause or the end. Paused, it is read
 * again every few seconds until the invigilator resolves the report; otherwise every half
 * minute, which also ends the page of a test the invigilator or the clock ended.
 */
export function useCertificationStep(courseId: string) {
  return useQuery({
    queryKey: stepKey(courseId),
    queryFn: () => api.get<CertificationStep>(`/api/certification-courses/${courseId}/next`),
    staleTime: 0,
    gcTime: 0,
    refetchInterval: (query) => {
      const kind = query.state.data?.kind;
      if (kind === 'paused') return POLL_MS;
      return kind === 'challenge' ? RUNNING_POLL_MS : false;
    },
  });
}

export function useSubmitCertificationAnswer(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificationAnswerBody) => api.post<CertificationAnswerResponse>(`/api/certification-courses/${courseId}/answers`, body),
    onSuccess: (response) => {
      client.setQueryData(stepKey(courseId), response.step);
      return client.invalidateQueries({ queryKey: courseKey(courseId), exact: true });
    },
    // Paused, ended or answered in another tab: show what the server says now.
    onError: (error) => {
      if (error instanceof ApiError && ['CHALLENGE_NOT_SERVED', 'CERTIFICATION_COURSE_PAUSED', 'CERTIFICATION_COURSE_ENDED'].some((code) => error.hasCode(code))) {
        void client.refetchQueries({ queryKey: stepKey(courseId) });
        void client.invalidateQueries({ queryKey: courseKey(courseId), exact: true });
      }
    },
  });
}

export function useReportIssue(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificationIssueReportBody) => api.post(`/api/certification-courses/${courseId}/issue-reports`, body),
    onSuccess: () => client.refetchQueries({ queryKey: stepKey(courseId) }),
  });
}

export function useEndCourse(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CertificationCourse>(`/api/certification-courses/${courseId}/end`, {}),
    onSuccess: (course) => {
      client.setQueryData(courseKey(courseId), course);
      return Promise.all([client.refetchQueries({ queryKey: stepKey(courseId) }), client.invalidateQueries({ queryKey: ENTRY_KEY })]);
    },
  });
}
