import type { oidcErrorsFr } from './oidc.fr';

export const oidcErrorsEn: typeof oidcErrorsFr = {
  OIDC_PROVIDER_MISCONFIGURED: 'Signing in through the ENT is not set up correctly for this school yet. Please tell your teacher.',
  OIDC_PROVIDER_UNAVAILABLE: 'The ENT is not answering right now. Try again in a few minutes.',
  OIDC_PROVIDER_REFUSED: 'The ENT did not confirm your sign-in. Go back to the ENT and choose Jalon again.',
  OIDC_STATE_INVALID: 'This sign-in link has expired or was already used. Go back to the ENT and choose Jalon again.',
  OIDC_TOKEN_EXCHANGE_FAILED: 'Jalon could not finish your sign-in with the ENT. Try again; if it happens again, tell your teacher.',
  OIDC_ID_TOKEN_INVALID: 'The ENT’s answer could not be verified: for your safety, you were not signed in. Go back to the ENT and try again.',
  OIDC_IDENTITY_INCOMPLETE: 'The ENT did not send your first and last names: Jalon cannot sign you in. Please tell your teacher.',
};
