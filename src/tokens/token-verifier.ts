import type { BearerRepository, BearerSubject, TokenReference } from '../api/bearer-repository.js';
import type { Config } from '../config/config.js';
import type { Clock } from '../crypto/clock.js';
import { sha256 } from '../crypto/digest.js';
import type { KeyRing } from '../keys/key-ring.js';
import { decodeProtectedHeader } from 'jose';
import { looksLikeJwt, verifyAccessTokenJwt, type AccessTokenClaims } from './access-token-jwt.js';
import { BoundedMap } from '../shared/bounded-map.js';
import { apiAudience } from './token-issuer.js';

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

/**
 * Resolves a presented access token (JWT or opaque personal access token) to its row, with
 * its client and user. The row is always consulted (through the bearer store, which caches
 * it only until anything it holds changes), so revocation takes effect at once (DESIGN §4).
 */
export function createTokenVerifier(deps: { config: Config; ring: KeyRing; bearers: BearerRepository; clock: Clock; cacheSize?: number }) {
  const { config, ring, bearers, clock } = deps;
  const audience = apiAudience(config.issuer);
  /**
   * Tokens whose signature, `typ`, issuer and audience were verified, by their exact text.
   * Signature verification is the costliest step of a bearer check (ES256 ~70 µs) and its
   * result for a given token and key never changes, so it is done once per token; whether
   * the key is still published, expiry and the row (revocation) are checked every time.
   */
  const verified = new BoundedMap<string, { kid: string; claims: AccessTokenClaims }>(deps.cacheSize ?? 10_000);

  async function verifiedClaims(token: string, now: number): Promise<AccessTokenClaims | undefined> {
    const cached = verified.get(token);
    if (cached) {
      if (await ring.verificationKey(cached.kid)) return cached.claims;
      verified.delete(token);
      return undefined;
    }
    const claims = await verifyAccessTokenJwt(ring, token, { issuer: config.issuer, audience, now, checkExpiry: false });
    if (!claims) return undefined;
    verified.set(token, { kid: decodeProtectedHeader(token).kid!, claims });
    return claims;
  }

  /** Where the presented token's row is: its `jti` once the JWT checks out, else its hash. */
  async function reference(token: string, checkExpiry: boolean): Promise<TokenReference | undefined> {
    const now = clock.now();
    if (looksLikeJwt(token)) {
      const claims = await verifiedClaims(token, now);
      // As jose's check (RFC 7519 §4.1.4): expired once `exp` is not after the current second.
      if (!claims || (checkExpiry && claims.exp <= Math.floor(now / 1000))) return undefined;
      return { id: claims.jti };
    }
    return token.length > 512 ? undefined : { hash: sha256(token) };
  }

  async function find(token: string, checkExpiry: boolean): Promise<BearerSubject | undefined> {
    const ref = await reference(token, checkExpiry);
    return ref && bearers.find(ref);
  }

  return {
    /** An active token with its client and user; undefined when unknown, expired, revoked or forged. */
    async activeSubject(token: string): Promise<BearerSubject | undefined> {
      const subject = await find(token, true);
      return subject && !subject.token.revoked && subject.token.expiresAt > clock.now() ? subject : undefined;
    },
    /** The same even when expired or revoked (revocation, RFC 7009; introspection, RFC 7662). */
    identify: (token: string) => find(token, false),
  };
}
