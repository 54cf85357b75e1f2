import { inflateRawSync } from 'node:zlib';
import { identityProviders } from '../../src/modules/sso';
import { generateIdpKeyPair, signedResponse, type IdpKeyPair } from '../../src/modules/sso/saml-idp';
import type { Db } from '../../src/platform/db/database';

/**
 * A SAML identity provider for the tests, with its own RSA key and self-signed certificate
 * generated here: it signs Responses as the GAR posts them to our ACS. The app only ever
 * sees its certificate, through the provider row, as it would a real IdP's.
 */
export class TestSamlIdp {
  static readonly ENTRY_POINT = 'https://idp.test/sso';

  private constructor(
    readonly key: IdpKeyPair,
    readonly issuer: string,
  ) {}

  static async create(issuer = 'https://idp.test/gar'): Promise<TestSamlIdp> {
    return new TestSamlIdp(generateIdpKeyPair('IdP de test', new Date()), issuer);
  }

  /** Registers this IdP as an organization's Médiacentre under `slug`. */
  async register(db: Db, organizationId: string, slug: string, config: Record<string, unknown> = {}) {
    await db.insert(identityProviders).values({
      slug,
      organizationId,
      protocol: 'SAML',
      provider: 'MEDIACENTRE',
      label: `Médiacentre ${slug}`,
      config: { entryPoint: TestSamlIdp.ENTRY_POINT, idpCert: this.key.certificate, idpIssuer: this.issuer, ...config },
    });
  }

  /** A signed Response for our SP of `slug` at `publicUrl`; each field can be made wrong on purpose. */
  response(options: {
    publicUrl: string;
    slug: string;
    pupil: { ido: string; firstName: string; lastName: string };
    now: Date;
    validForMs?: number;
    inResponseTo?: string;
    assertionId?: string;
    audience?: string;
    issuer?: string;
    key?: IdpKeyPair;
  }): string {
    const base = `${options.publicUrl}/api/sso/saml/${options.slug}`;
    return signedResponse({
      key: options.key ?? this.key,
      issuer: options.issuer ?? this.issuer,
      audience: options.audience ?? `${base}/metadata`,
      destination: `${base}/acs`,
      now: options.now,
      attributes: { IDO: options.pupil.ido, PRE: options.pupil.firstName, NOM: options.pupil.lastName },
      ...(options.validForMs !== undefined ? { validForMs: options.validForMs } : {}),
      ...(options.inResponseTo ? { inResponseTo: options.inResponseTo } : {}),
      ...(options.assertionId ? { assertionId: options.assertionId } : {}),
    });
  }

  /** Reads the AuthnRequest our SP sent in a redirect to this IdP (HTTP-Redirect binding). */
  static authnRequest(location: string): { id: string; relayState: string | null; xml: string } {
    const url = new URL(location);
    const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
    return { id: /\sID="([^"]+)"/.exec(xml)![1]!, relayState: url.searchParams.get('RelayState'), xml };
  }
}

/** Re-encodes a Response after editing its XML: the signature no longer matches. */
export function tampered(base64Response: string, edit: (xml: string) => string): string {
  return Buffer.from(edit(Buffer.from(base64Response, 'base64').toString('utf8'))).toString('base64');
}

