/** First sign-in through the Médiacentre (or an ENT), and the demonstration Médiacentre's link. */
export const mediacentreFr = {
  mediacentre: {
    title: 'Première connexion par l’ENT',
    intro: 'Bienvenue ! Pour retrouver votre classe, saisissez le code de la campagne donné par votre enseignant et votre date de naissance.',
    namesLegend: 'Vos nom et prénom, transmis par {{provider}}',
    namesHint: 'Ils viennent de votre ENT et ne peuvent pas être modifiés ici. S’ils sont faux, prévenez votre enseignant.',
    codeLabel: 'Code de la campagne',
    codeHint: 'Neuf caractères, par exemple ABCDEF234.',
    submit: 'Je rejoins la campagne',
    expiredTitle: 'Connexion expirée',
    expired: 'Votre connexion par l’ENT a expiré ou a déjà servi. Retournez sur votre ENT et choisissez de nouveau la ressource Jalon.',
    backToSignIn: 'Aller à la page de connexion',
    demoLink: 'Essayer le Médiacentre de démonstration ({{label}})',
    demoNotice: 'Instance de démonstration :',
    signInWith: 'Se connecter avec {{provider}}',
  },
};

export const mediacentreErrorsFr = {
  SSO_PROVIDER_NOT_FOUND: 'Ce service de connexion n’est pas (ou plus) configuré pour Jalon. Prévenez votre enseignant.',
  SSO_PENDING_IDENTITY_NOT_FOUND: 'Votre connexion par l’ENT a expiré ou a déjà servi. Retournez sur votre ENT et choisissez de nouveau la ressource Jalon.',
  SSO_CAMPAIGN_NOT_IN_ORGANIZATION: 'Ce code est celui d’une campagne d’un autre établissement. Vérifiez le code donné par votre enseignant.',
  SAML_RESPONSE_INVALID: 'La réponse de l’ENT est illisible ou incomplète. Recommencez depuis votre ENT.',
  SAML_SIGNATURE_INVALID: 'La réponse de l’ENT n’a pas pu être vérifiée. Recommencez depuis votre ENT ; si cela continue, prévenez votre enseignant.',
  SAML_ASSERTION_EXPIRED: 'La connexion a pris trop de temps et n’est plus valable. Recommencez depuis votre ENT.',
  SAML_ASSERTION_REPLAYED: 'Cette connexion a déjà été utilisée. Recommencez depuis votre ENT.',
  SAML_AUDIENCE_MISMATCH: 'La réponse de l’ENT était destinée à un autre service que Jalon. Prévenez votre enseignant.',
  SAML_ISSUER_MISMATCH: 'La réponse ne vient pas de l’ENT attendu. Prévenez votre enseignant.',
  SAML_REQUEST_UNKNOWN: 'Cette connexion n’a pas été demandée par Jalon ou a expiré. Recommencez depuis votre ENT.',
  SAML_IDENTITY_INCOMPLETE: 'L’ENT n’a pas transmis votre identifiant ou vos nom et prénom. Prévenez votre enseignant.',
};
