import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/http/errors';

/**
 * The page a browser lands on when an SSO sign-in is refused. It comes straight from the
 * identity provider's redirect or form post, so it is HTML, in French, and tells the pupil
 * what to do next; the log line carries the technical reason.
 */
const MESSAGES: Record<string, string> = {
  SSO_PROVIDER_NOT_FOUND: "Ce service de connexion n'est pas (ou plus) configuré pour Jalon. Prévenez votre professeur.",
  SAML_SIGNATURE_INVALID: "La réponse de l'ENT n'a pas pu être vérifiée : sa signature ne correspond pas. Recommencez depuis votre ENT ; si cela continue, prévenez votre professeur.",
  SAML_ASSERTION_EXPIRED: "La connexion a pris trop de temps et n'est plus valable. Recommencez depuis votre ENT.",
  SAML_ASSERTION_REPLAYED: 'Cette connexion a déjà été utilisée. Recommencez depuis votre ENT (ne revenez pas en arrière avec le navigateur).',
  SAML_AUDIENCE_MISMATCH: "La réponse de l'ENT était destinée à un autre service que Jalon. Prévenez votre professeur.",
  SAML_ISSUER_MISMATCH: "La réponse ne vient pas de l'ENT attendu. Prévenez votre professeur.",
  SAML_REQUEST_UNKNOWN: "Cette connexion n'a pas été demandée par Jalon ou a expiré. Recommencez depuis votre ENT.",
  SAML_IDENTITY_INCOMPLETE: "L'ENT n'a pas transmis votre identifiant ou vos nom et prénom. Prévenez votre professeur.",
  SAML_RESPONSE_INVALID: "La réponse de l'ENT est illisible ou incomplète. Recommencez depuis votre ENT.",
  OIDC_PROVIDER_MISCONFIGURED: "La connexion par l'ENT n'est pas encore correctement réglée pour cet établissement. Prévenez votre professeur.",
  OIDC_PROVIDER_UNAVAILABLE: "L'ENT ne répond pas pour le moment. Réessayez dans quelques minutes.",
  OIDC_PROVIDER_REFUSED: "L'ENT n'a pas confirmé votre connexion. Revenez à l'ENT et choisissez Jalon de nouveau.",
  OIDC_STATE_INVALID: "Ce lien de connexion a expiré ou a déjà servi. Revenez à l'ENT et choisissez Jalon de nouveau.",
  OIDC_TOKEN_EXCHANGE_FAILED: "Jalon n'a pas pu terminer votre connexion avec l'ENT. Réessayez ; si cela recommence, prévenez votre professeur.",
  OIDC_ID_TOKEN_INVALID: "La réponse de l'ENT n'a pas pu être vérifiée : par sécurité, vous n'êtes pas connecté. Revenez à l'ENT et réessayez.",
  OIDC_IDENTITY_INCOMPLETE: "L'ENT n'a pas transmis votre prénom et votre nom : Jalon ne peut pas vous connecter. Prévenez votre professeur.",
  ACCOUNT_BLOCKED: 'Votre compte est bloqué. Demandez à votre professeur de le débloquer.',
  RATE_LIMITED: 'Trop de connexions par l’ENT viennent de votre réseau en ce moment. Attendez une minute, puis recommencez depuis votre ENT.',
};
const FALLBACK = "La connexion par l'ENT n'a pas abouti. Recommencez depuis votre ENT ; si cela continue, prévenez votre professeur.";

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function ssoErrorHtml(code: string): string {
  const message = MESSAGES[code] ?? FALLBACK;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connexion impossible · Jalon</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f5f6fa; color: #1d2433; }
  main { max-width: 36rem; margin: 3rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  a { color: #1f4fd1; font-weight: 600; }
  .code { color: #555; font-size: .875rem; }
</style>
</head>
<body>
<main>
<h1>Connexion impossible</h1>
<p role="alert">${escapeHtml(message)}</p>
<p><a href="/connexion">Revenir à la page de connexion de Jalon</a></p>
<p class="code">Code à donner au support : ${escapeHtml(code)}</p>
</main>
</body>
</html>`;
}

/**
 * Sends the refusal page: an AppError with its own status and code, anything else (a
 * database failure, a provider row an administrator got wrong) as a server error.
 */
export function sendSsoError(reply: FastifyReply, error: unknown) {
  const [status, code] = error instanceof AppError ? [error.status, error.code] : [500, 'INTERNAL_ERROR'];
  if (error instanceof AppError) void reply.headers(error.headers);
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(ssoErrorHtml(code));
}
