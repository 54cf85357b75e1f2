import { z } from 'zod';

/** An identity provider in a URL: `mediacentre-victor-hugo`. */
export const ssoSlugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/) });

/** SP-initiated sign-in; the campaign code, when the ENT link carried one, comes back after it. */
export const ssoLoginQuerySchema = z.object({ code: z.string().max(32).optional() });

/** The identity provider's HTTP-POST binding (form fields, as the SAML binding names them). */
export const samlAcsBodySchema = z.object({
  SAMLResponse: z.string().min(1).max(500_000),
  RelayState: z.string().max(1024).optional(),
});

/** A first sign-in waiting for the birthdate: the provider's names, shown locked. */
export const pendingIdentitySchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  providerLabel: z.string(),
});
export type PendingIdentity = z.infer<typeof pendingIdentitySchema>;

export const pendingIdentityLinkBodySchema = z.object({
  campaignCode: z.string({ error: 'CAMPAIGN_CODE_INVALID_FORMAT' }).trim().min(1, { error: 'CAMPAIGN_CODE_INVALID_FORMAT' }).max(32, { error: 'CAMPAIGN_CODE_INVALID_FORMAT' }),
  birthdate: z.iso.date({ error: 'BIRTHDATE_INVALID' }),
});
export type PendingIdentityLinkBody = z.infer<typeof pendingIdentityLinkBodySchema>;

/** Where the browser goes after a sign-in the API completed. */
export const ssoRedirectSchema = z.object({ redirectTo: z.string() });

/** The demonstration Médiacentres of a non-production instance (empty list otherwise). */
export const demoMediacentresSchema = z.object({
  mediacentres: z.array(z.object({ slug: z.string(), label: z.string(), url: z.string() })),
});
export type DemoMediacentres = z.infer<typeof demoMediacentresSchema>;

/** How a campaign's organization signs its pupils in through its ENT, for the landing's hint. */
export const campaignSsoEntrySchema = z.object({
  providers: z.array(z.object({ label: z.string(), loginUrl: z.string() })),
  /** The signed-in learner came through one of them: no hint needed. */
  signedInThroughProvider: z.boolean(),
});
export type CampaignSsoEntry = z.infer<typeof campaignSsoEntrySchema>;
