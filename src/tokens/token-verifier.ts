import type { Config } from '../config/config.js';
import type { Clock } from '../crypto/clock.js';
import { sha256 } from '../crypto/digest.js';
import type { KeyRing } from '../keys/key-ring.js';
import { looksLikeJwt, verifyAccessTokenJwt } from './access-token-jwt.js';
import { apiAudience } from './token-issuer.js';
import type { AccessTokenRecord } from './token-records.js';
import type { TokenRepository } from './token-repository.js';

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

/**
 * Resolves a presented access token (JWT or opaque personal access token) to its row.
 * The row is always read, so revocation takes effect at once (DESIGN §4).
 */
export function createTokenVerifier(deps: { config: Config; ring: KeyRing; tokens: TokenRepository; clock: Clock }) {
  const { config, ring, tokens, clock } = deps;
  const audience = apiAudience(config.issuer);

  async function find(token: string, checkExpiry: boolean): Promise<AccessTokenRecord | undefined> {
    const now = clock.now();
    if (looksLikeJwt(token)) {
      const claims = await verifyAccessTokenJwt(ring, token, { issuer: config.issuer, audience, now, checkExpiry });
      return claims ? tokens.findAccessToken(claims.jti) : undefined;
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
