export const challengePath = (assessmentId: string, number: number) => `/assessments/${assessmentId}/challenges/${number}`;

/** After every 5 answers, and once more (`final`) when the test is over. */
export const checkpointPath = (assessmentId: string, final: boolean) => `/assessments/${assessmentId}/checkpoint${final ? '?final=true' : ''}`;
