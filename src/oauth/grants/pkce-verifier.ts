import type { Client } from '../../clients/client.js';
import { safeEqual, sha256 } from '../../crypto/digest.js';
import { InvalidGrant } from '../errors.js';

/** RFC 7636 §4.1: 43–128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * RFC 7636 §4.6: BASE64URL(SHA-256(code_verifier)) must equal the code's S256 challenge.
 * A code issued without a challenge cannot be redeemed with a verifier (PKCE downgrade,
 * RFC 9700 §4.8.2), and a public client's code always has one.
 */
export function verifyPkce(client: Client, challenge: string | null, verifier: string | undefined): void {
  if (challenge === null) {
    if (verifier !== undefined) throw new InvalidGrant('The authorization code was issued without a code_challenge.');
    if (!client.confidential) throw new InvalidGrant('A public client must use PKCE.');
    return;
  }
  if (verifier === undefined) throw new InvalidGrant('The code_verifier parameter is required for this code.');
  if (!VERIFIER.test(verifier) || !safeEqual(sha256(verifier), challenge)) {
    throw new InvalidGrant('The code_verifier does not match the code_challenge.');
  }
}
