import type { Config } from '../config/config.js';
import type { Clock } from '../crypto/clock.js';
import { sha256 } from '../crypto/digest.js';
import type { KeyRing } from '../keys/key-ring.js';
import { decodeProtectedHeader } from 'jose';
import { looksLikeJwt, verifyAccessTokenJwt, type AccessTokenClaims } from './access-token-jwt.js';
import { apiAudience } from './token-issuer.js';
import type { AccessTokenRecord } from './token-records.js';
import type { TokenRepository } from './token-repository.js';

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

/**
 * Resolves a presented access token (JWT or opaque personal access token) to its row.
 * The row is always read, so revocation takes effect at once (DESIGN §4).
 */
export function createTokenVerifier(deps: { config: Config; ring: KeyRing; tokens: TokenRepository; clock: Clock; cacheSize?: number }) {
  const { config, ring, tokens, clock } = deps;
  const audience = apiAudience(config.issuer);
  const cacheSize = deps.cacheSize ?? 10_000;
  /**
   * Tokens whose signature, `typ`, issuer and audience were verified, by their exact text.
   * Signature verification is the costliest step of a bearer check (ES256 ~70 µs) and its
   * result for a given token and key never changes, so it is done once per token; whether
   * the key is still published, expiry and the row (revocation) are checked every time.
   */
  const verified = new Map<string, { kid: string; claims: AccessTokenClaims }>();

  async function verifiedClaims(token: string, now: number): Promise<AccessTokenClaims | undefined> {
    const cached = verified.get(token);
    if (cached) {
      if (await ring.verificationKey(cached.kid)) return cached.claims;
      verified.delete(token);
      return undefined;
    }
    const claims = await verifyAccessTokenJwt(ring, token, { issuer: config.issuer, audience, now, checkExpiry: false });
    if (!claims) return undefined;
    if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
    verified.set(token, { kid: decodeProtectedHeader(token).kid!, claims });
    return claims;
  }

  async function find(token: string, checkExpiry: boolean): Promise<AccessTokenRecord | undefined> {
    const now = clock.now();
    if (looksLikeJwt(token)) {
      const claims = await verifiedClaims(token, now);
      // As jose's check (RFC 7519 §4.1.4): expired once `exp` is not after the current second.
      if (!claims || (checkExpiry && claims.exp <= Math.floor(now / 1000))) return undefined;
      return tokens.findAccessToken(claims.jti);
    }
    if (token.length > 512) return undefined;
    const record = await tokens.findAccessTokenByHash(sha256(token));
    return record;
  }

  return {
    /** An active token's row, or undefined when it is unknown, expired, revoked or forged. */
    async active(token: string): Promise<AccessTokenRecord | undefined> {
      const record = await find(token, true);
      return record && !record.revoked && record.expiresAt > clock.now() ? record : undefined;
    },
    /** The row even when expired or revoked (revocation, RFC 7009). */
    identify: (token: string) => find(token, false),
  };
}
