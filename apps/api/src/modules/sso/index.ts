/**
 * SSO: sign-in through an organization's identity provider (the Médiacentre over SAML 2.0,
 * ENTs over OpenID Connect) and the first sign-in that links the pupil to the roster.
 */
export {
  campaignCodeOrUndefined,
  completeExternalSignIn,
  type ExternalIdentity,
  type ExternalSignInDeps,
} from './external-identity';
export { identityProviders, ssoTokens } from './schema';
export { consumeToken, hashValue, randomValue, storeToken } from './tokens';
export { ssoRoutes } from './routes';
export { demoMediacentreConfig, demoMediacentreRoutes } from './demo-mediacentre';
export { generateIdpKeyPair } from './saml-idp';
export { sendSsoError } from './error-page';
export { findEnabledProvider } from './providers';
export { oidcRoutes } from './oidc-routes';
