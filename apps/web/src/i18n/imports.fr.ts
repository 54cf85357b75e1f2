/** Orga: importing learners (SIECLE, SCO CSV, SUP CSV, generic CSV) and the import status banner. */
export const importsFr = {
  title: {
    SCO: 'Importer les élèves',
    SUP: 'Importer les étudiants',
    other: 'Importer les participants',
  },
  back: 'Revenir à la liste',
  open: 'Importer',
  intro: {
    siecle:
      'Exportez depuis SIECLE (Base élèves, « Exportations » puis « En XML », fichier ElevesSansAdresses) et déposez le fichier .zip ou .xml tel quel. Les élèves absents du fichier sont désactivés : leurs résultats sont conservés mais ils ne peuvent plus commencer de parcours.',
    scoCsv:
      'Vous pouvez aussi déposer un fichier CSV (établissements agricoles) : téléchargez le modèle, remplissez-le puis déposez-le. Les élèves absents du fichier sont désactivés.',
    csvOnly: 'Téléchargez le modèle, remplissez-le (une ligne par personne) puis déposez-le ici.',
    allOrNothing: 'L’import est tout ou rien : si le fichier contient une erreur, aucune donnée n’est modifiée et la liste des erreurs s’affiche.',
  },
  template: 'Télécharger le modèle CSV',
  templateColumns: 'Colonnes attendues : {{columns}}',
  file: 'Fichier à importer',
  fileHint: 'Formats acceptés : {{accept}} ; {{size}} Mo au maximum.',
  mode: {
    legend: 'Mode d’import',
    ADD_OR_UPDATE: 'Ajouter / modifier',
    ADD_OR_UPDATE_hint: 'Ajoute les étudiants nouveaux et met à jour ceux dont le numéro étudiant est déjà connu. Personne n’est retiré.',
    REPLACE: 'Remplacer',
    REPLACE_hint:
      'Comme « Ajouter / modifier », et désactive en plus les étudiants absents du fichier : ils ne peuvent plus commencer de parcours, mais leurs participations sont conservées.',
  },
  submit: 'Importer le fichier',
  uploading: 'Envoi du fichier : {{percent}} %',
  uploadProgress: 'Envoi du fichier',
  chooseFile: 'Choisissez un fichier à importer.',
  confirmReplace: {
    title: 'Remplacer la liste des étudiants ?',
    text: 'Les étudiants absents du fichier seront désactivés. Leurs participations restent visibles.',
    confirm: 'Remplacer',
  },
  banner: {
    title: 'Dernier import',
    by: '« {{fileName}} », déposé par {{author}} le {{date}}',
    progress: 'Avancement de l’import',
    status: {
      UPLOADED: 'Fichier reçu : vérification en cours…',
      VALIDATED: 'Fichier vérifié : enregistrement en cours…',
      IMPORTED: 'Import réussi.',
      UPLOAD_ERROR: 'Le fichier n’a pas pu être lu. Aucune donnée n’a été modifiée.',
      VALIDATION_ERROR: 'Le fichier contient des erreurs. Aucune donnée n’a été modifiée : corrigez-les puis importez-le à nouveau.',
      IMPORT_ERROR: 'L’enregistrement a échoué. Aucune donnée n’a été modifiée : réessayez dans quelques minutes.',
    },
    counts: {
      created: '{{count}} ajouté(s)',
      updated: '{{count}} mis à jour',
      disabled: '{{count}} désactivé(s) car absent(s) du fichier',
      enabled: '{{count}} réactivé(s)',
      skippedWithoutClass: '{{count}} ignoré(s) car sans classe',
      skippedLeft: '{{count}} ignoré(s) car sorti(s) de l’établissement',
    },
    errors: 'Erreurs',
    moreErrors: 'Seules les {{shown}} premières erreurs sont affichées sur {{count}}.',
    warnings: 'Avertissements',
  },
  issue: {
    line: 'Ligne {{line}}',
    elementId: 'ELEVE_ID {{elementId}}',
    column: 'colonne « {{column}} »',
    expected: 'attendu : {{expected}}',
  },
  /** Where an error code's general sentence does not fit a file's row. */
  issueMessages: {
    BIRTHDATE_INVALID: 'La date de naissance n’est pas une date valide.',
  },
  warnings: {
    DIPLOMA_NOT_RECOGNIZED: 'Le diplôme « {{value}} » n’est pas reconnu : il est enregistré comme « Non reconnu ».',
    STUDY_SCHEME_NOT_RECOGNIZED: 'Le régime « {{value}} » n’est pas reconnu : il est enregistré comme « Non reconnu ».',
  },
};

export const importErrorsFr = {
  IMPORT_IN_PROGRESS: 'Un import est déjà en cours pour cette organisation. Attendez qu’il soit terminé.',
  IMPORT_NOT_ALLOWED: 'L’import des apprenants n’est pas activé pour cette organisation : demandez-le à l’administrateur de Jalon.',
  IMPORT_FILE_TOO_LARGE: 'Le fichier dépasse 20 Mo.',
  IMPORT_FILE_EMPTY: 'Le fichier est vide.',
  IMPORT_FILE_TYPE_UNSUPPORTED: 'Ce type de fichier n’est pas accepté ici. Vérifiez son extension.',
  IMPORT_MODE_REQUIRED: 'Choisissez le mode d’import.',
  IMPORT_CONFIG_INVALID: 'La configuration de l’import de cette organisation est invalide. Contactez l’administrateur de Jalon.',
  IMPORT_FILE_HAS_NO_LEARNER: 'Le fichier ne contient aucune personne à importer.',
  IMPORT_FAILED: 'Une erreur inattendue a interrompu l’enregistrement.',
  ZIP_MUST_CONTAIN_ONE_XML: 'L’archive ZIP doit contenir exactement un fichier XML.',
  ZIP_UNSAFE: 'L’archive ZIP est anormale (trop de fichiers ou taux de compression suspect) : elle a été refusée.',
  FILE_FORMAT_INVALID: 'Le fichier est illisible ou mal formé.',
  FILE_ENCODING_UNSUPPORTED: 'L’encodage du fichier n’est pas reconnu : enregistrez-le en UTF-8 (ou ISO-8859-1 pour SIECLE).',
  XML_DOCTYPE_FORBIDDEN: 'Le fichier XML contient une déclaration DOCTYPE, refusée pour des raisons de sécurité.',
  UAI_MISMATCHED: 'Le fichier est celui d’un autre établissement (UAI {{fileUai}}) : exportez celui de votre établissement.',
  INE_REQUIRED: 'L’INE (identifiant national) de l’élève est manquant.',
  INE_DUPLICATE_IN_FILE: 'Cet INE apparaît plusieurs fois dans le fichier.',
  BIRTHDATE_REQUIRED: 'La date de naissance est manquante.',
  BIRTH_CITY_CODE_REQUIRED: 'Le code INSEE de la commune de naissance est obligatoire pour un élève né en France.',
  HEADER_MISSING_COLUMN: 'La colonne « {{column}} » est absente de l’en-tête.',
  FIELD_REQUIRED: 'Ce champ est obligatoire.',
  FIELD_TOO_LONG: 'Ce champ dépasse {{max}} caractères.',
  FIELD_FORMAT_INVALID: 'Ce champ n’a pas le format attendu.',
  DUPLICATE_IN_FILE: 'Cette valeur apparaît déjà plus haut dans le fichier.',
};
