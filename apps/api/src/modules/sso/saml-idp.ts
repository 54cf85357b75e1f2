import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { SignedXml } from 'xml-crypto';

/**
 * The identity-provider side of SAML, for the demonstration Médiacentre (and the tests): a
 * key pair with a self-signed certificate, and signed Responses as the GAR posts them.
 * Production never signs anything: a real provider row has no key.
 */
export interface IdpKeyPair {
  privateKey: string;
  certificate: string;
}

export function generateIdpKeyPair(commonName: string, now: Date): IdpKeyPair {
  // node:crypto makes the key (fast, native); forge only builds and signs the certificate.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`;
  certificate.validity.notBefore = new Date(now.getTime() - 86_400_000);
  certificate.validity.notAfter = new Date(now.getTime() + 10 * 365 * 86_400_000);
  const name = [{ name: 'commonName', value: commonName }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  certificate.sign(forge.pki.privateKeyFromPem(privatePem), forge.md.sha256.create());
  return { privateKey: privatePem, certificate: forge.pki.certificateToPem(certificate) };
}

export interface ResponseOptions {
  key: IdpKeyPair;
  issuer: string;
  /** Our SP entity id. */
  audience: string;
  /** Our ACS URL. */
  destination: string;
  attributes: Record<string, string>;
  now: Date;
  /** How long the assertion is valid. */
  validForMs?: number;
  /** SP-initiated: the AuthnRequest's id. */
  inResponseTo?: string;
  assertionId?: string;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ASSERTION = "//*[local-name(.)='Assertion']";

/** A Response with one signed Assertion, base64 as the HTTP-POST binding sends it. */
export function signedResponse(options: ResponseOptions): string {
  const id = () => `_${randomBytes(20).toString('hex')}`;
  const issued = options.now.toISOString();
  const until = new Date(options.now.getTime() + (options.validForMs ?? 5 * 60_000)).toISOString();
  const inResponseTo = options.inResponseTo ? ` InResponseTo="${escapeXml(options.inResponseTo)}"` : '';
  const attributes = Object.entries(options.attributes)
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('');
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id()}" Version="2.0" IssueInstant="${issued}" Destination="${escapeXml(options.destination)}"${inResponseTo}>` +
    `<saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="${escapeXml(options.assertionId ?? id())}" Version="2.0" IssueInstant="${issued}">` +
    `<saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">${id()}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${escapeXml(options.destination)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${issued}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issued}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
    `</saml:Assertion></samlp:Response>`;

  const signature = new SignedXml({
    privateKey: options.key.privateKey,
    publicCert: options.key.certificate,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signature.addReference({
    xpath: ASSERTION,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  // SAML's schema puts the signature right after the assertion's Issuer.
  signature.computeSignature(xml, { location: { reference: `${ASSERTION}/*[local-name(.)='Issuer']`, action: 'after' } });
  return Buffer.from(signature.getSignedXml()).toString('base64');
}
