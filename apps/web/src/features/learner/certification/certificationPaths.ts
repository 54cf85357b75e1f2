/** Where the candidate's test lives in the learner space. */
export const CERTIFICATION_PATH = '/certification';
export const certificationTestPath = (courseId: string) => `${CERTIFICATION_PATH}/${courseId}`;
