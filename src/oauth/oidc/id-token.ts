import { createHash } from 'node:crypto';
import type { Services } from '../../services.js';
import { signCompactJws } from '../../tokens/access-token-jwt.js';
import type { User } from '../../users/user.js';
import { userClaims } from './user-claims.js';

/** ID tokens are RS256, the algorithm every relying party must accept (OIDC Core §15.1). */
export const ID_TOKEN_ALG = 'RS256';

export interface IdTokenInput {
  user: User;
  clientId: number;
  scopes: readonly string[];
  /** Epoch ms of the sign-in the tokens come from. */
  authTime: number | null;
  nonce?: string | null;
  accessToken: string;
}

/** OIDC Core §3.1.3.6: left half of SHA-256 of the access token, base64url. */
function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

/**
 * OIDC Core §2: iss, sub (the access token's subject), aud = client_id, exp, iat, auth_time,
 * the request's nonce, at_hash, and the claims of the granted profile/email scopes. Lives
 * as long as the access token.
 */
export async function signIdToken(services: Services, input: IdTokenInput): Promise<string> {
  const { config, clock, ring } = services;
  const key = await ring.signingKey(ID_TOKEN_ALG);
  const iat = Math.floor(clock.now() / 1000);
  const { sub, ...claims } = userClaims(input.user, input.scopes);
  const payload: Record<string, unknown> = { iss: config.issuer, sub: String(sub), aud: String(input.clientId), iat, exp: iat + config.ttl.accessToken, ...claims, at_hash: atHash(input.accessToken) };
  if (input.authTime !== null) payload.auth_time = Math.floor(input.authTime / 1000);
  if (input.nonce) payload.nonce = input.nonce;
  // RSA signs off the event loop.
  return signCompactJws(key, 'JWT', payload, true);
}
