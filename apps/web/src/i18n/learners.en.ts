import type { learnersErrorsFr, learnersFr } from './learners.fr';

export const learnersEn: typeof learnersFr = {};

export const learnersErrorsEn: typeof learnersErrorsFr = {
  LEARNER_NOT_IN_ORGANIZATION: 'One of the selected learners does not belong to your organization: nothing was changed.',
  STUDENT_NUMBER_ALREADY_USED: 'This student number is already given to another student of the institution.',
  STUDENT_NUMBER_INVALID: 'A student number may only contain unaccented letters, digits, « - » and « _ » (at most 255 characters).',
  STUDENT_NUMBER_NOT_APPLICABLE: 'Only higher-education institutions manage student numbers.',
};
