import { z } from 'zod';

/**
 * What an ENT sends back to the OpenID Connect callback (authorization response, RFC 6749
 * §4.1.2 and RFC 9207's `iss`). Everything is optional here: a missing or wrong field is the
 * sign-in's failure, shown on its page, not a JSON validation error.
 */
export const oidcCallbackQuerySchema = z.looseObject({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});
