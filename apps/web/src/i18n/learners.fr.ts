/** Orga's learner lists (« Élèves », « Étudiants », « Participants »), the learner page and the deletion of learners. */
export const learnersFr = {};

export const learnersErrorsFr = {
  LEARNER_NOT_IN_ORGANIZATION: 'Un des élèves choisis n’appartient pas à votre organisation : rien n’a été modifié.',
  STUDENT_NUMBER_ALREADY_USED: 'Ce numéro étudiant est déjà attribué à un autre étudiant de l’établissement.',
  STUDENT_NUMBER_INVALID: 'Le numéro étudiant ne peut contenir que des lettres sans accent, des chiffres, « - » et « _ » (255 caractères au plus).',
  STUDENT_NUMBER_NOT_APPLICABLE: 'Seuls les établissements d’enseignement supérieur gèrent des numéros étudiants.',
};
