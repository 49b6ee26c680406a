import type { Client } from '../../../clients/client.js';
import { InvalidRequest } from '../../errors.js';
import type { Parameters } from '../../parameters.js';

/** BASE64URL(SHA-256(verifier)) is always 43 characters (RFC 7636 §4.2). */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * PKCE (RFC 7636 §4.3, §4.4.1; RFC 9700 §2.1.1): only S256; `plain`, or a challenge without
 * a method (which means plain), is refused. Required for public clients and for clients
 * registered with require_pkce; optional for other confidential clients. Returns the
 * challenge to bind to the code, or null.
 */
export function checkPkce(client: Client, params: Parameters): string | null {
  const challenge = params.code_challenge;
  const method = params.code_challenge_method;
  if (challenge === undefined) {
    if (method !== undefined) throw new InvalidRequest('code_challenge_method was sent without a code_challenge.');
    if (!client.confidential || client.requirePkce) {
      throw new InvalidRequest('This client must use PKCE: send code_challenge with code_challenge_method=S256.');
    }
    return null;
  }
  if (method !== 'S256') throw new InvalidRequest('Only code_challenge_method=S256 is supported; plain is not allowed.');
  if (!S256_CHALLENGE.test(challenge)) throw new InvalidRequest('The code_challenge is malformed.');
  return challenge;
}
