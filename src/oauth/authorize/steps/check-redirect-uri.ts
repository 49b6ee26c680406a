import type { Client } from '../../../clients/client.js';
import { invalidRedirectPage } from '../../pages/page-error.js';
import type { AuthorizeInput } from '../authorize-parameters.js';
import { redirectUriMatches } from '../redirect-uri-match.js';

/**
 * RFC 6749 §3.1.2.3 and §4.1.2.1: the redirect URI must match a registered one exactly
 * (see redirect-uri-match.ts); it may be omitted only when exactly one is registered. A
 * mismatch is an error page, never a redirect (RFC 9700 §4.1).
 */
export function checkRedirectUri(client: Client, { params, repeated, malformed }: AuthorizeInput): string {
  if (repeated.includes('redirect_uri') || malformed.includes('redirect_uri')) throw invalidRedirectPage();
  const requested = params.redirect_uri;
  if (requested === undefined) {
    if (client.redirectUris.length === 1) return client.redirectUris[0];
    throw invalidRedirectPage();
  }
  if (!client.redirectUris.some((registered) => redirectUriMatches(registered, requested))) throw invalidRedirectPage();
  return requested;
}
