/** Sign-in through an ENT speaking OpenID Connect: what the pupil reads when it fails. */
export const oidcErrorsFr = {
  OIDC_PROVIDER_MISCONFIGURED: 'La connexion par l’ENT n’est pas encore correctement réglée pour cet établissement. Prévenez votre professeur.',
  OIDC_PROVIDER_UNAVAILABLE: 'L’ENT ne répond pas pour le moment. Réessayez dans quelques minutes.',
  OIDC_PROVIDER_REFUSED: 'L’ENT n’a pas confirmé votre connexion. Revenez à l’ENT et choisissez Jalon de nouveau.',
  OIDC_STATE_INVALID: 'Ce lien de connexion a expiré ou a déjà servi. Revenez à l’ENT et choisissez Jalon de nouveau.',
  OIDC_TOKEN_EXCHANGE_FAILED: 'Jalon n’a pas pu terminer votre connexion avec l’ENT. Réessayez ; si cela recommence, prévenez votre professeur.',
  OIDC_ID_TOKEN_INVALID: 'La réponse de l’ENT n’a pas pu être vérifiée : par sécurité, vous n’êtes pas connecté. Revenez à l’ENT et réessayez.',
  OIDC_IDENTITY_INCOMPLETE: 'L’ENT n’a pas transmis votre prénom et votre nom : Jalon ne peut pas vous connecter. Prévenez votre professeur.',
};
