import type { mediacentreErrorsFr, mediacentreFr } from './mediacentre.fr';

export const mediacentreEn: typeof mediacentreFr = {
  mediacentre: {
    title: 'First sign-in through your school workspace',
    intro: 'Welcome! To find your class, type the campaign code your teacher gave you and your date of birth.',
    namesLegend: 'Your names, as given by {{provider}}',
    namesHint: 'They come from your school workspace (ENT) and cannot be changed here. If they are wrong, tell your teacher.',
    codeLabel: 'Campaign code',
    codeHint: 'Nine characters, for example ABCDEF234.',
    submit: 'Join the campaign',
    expiredTitle: 'Sign-in expired',
    expired: 'Your sign-in through the school workspace expired or was already used. Go back to your ENT and choose the Jalon resource again.',
    backToSignIn: 'Go to the sign-in page',
    demoLink: 'Try the demonstration Médiacentre ({{label}})',
    demoNotice: 'Demonstration instance:',
    signInWith: 'Sign in with {{provider}}',
  },
};

export const mediacentreErrorsEn: typeof mediacentreErrorsFr = {
  SSO_PROVIDER_NOT_FOUND: 'This sign-in service is not (or no longer) set up for Jalon. Tell your teacher.',
  SSO_PENDING_IDENTITY_NOT_FOUND: 'Your sign-in through the school workspace expired or was already used. Go back to your ENT and choose the Jalon resource again.',
  SSO_CAMPAIGN_NOT_IN_ORGANIZATION: 'This code belongs to a campaign of another school. Check the code your teacher gave you.',
  SAML_RESPONSE_INVALID: 'The answer from your school workspace is unreadable or incomplete. Start again from your ENT.',
  SAML_SIGNATURE_INVALID: 'The answer from your school workspace could not be verified. Start again from your ENT; if it keeps happening, tell your teacher.',
  SAML_ASSERTION_EXPIRED: 'The sign-in took too long and is no longer valid. Start again from your ENT.',
  SAML_ASSERTION_REPLAYED: 'This sign-in was already used. Start again from your ENT.',
  SAML_AUDIENCE_MISMATCH: 'The answer from your school workspace was meant for another service. Tell your teacher.',
  SAML_ISSUER_MISMATCH: 'The answer does not come from the expected school workspace. Tell your teacher.',
  SAML_REQUEST_UNKNOWN: 'Jalon did not ask for this sign-in, or it expired. Start again from your ENT.',
  SAML_IDENTITY_INCOMPLETE: 'Your school workspace did not send your identifier or your names. Tell your teacher.',
};
