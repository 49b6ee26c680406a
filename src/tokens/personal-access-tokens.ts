import { PERSONAL_ACCESS_CLIENT_ID } from '../clients/client.js';
import type { Clock } from '../crypto/clock.js';
import { sha256 } from '../crypto/digest.js';
import { randomToken, timeOrderedId } from '../crypto/random.js';
import type { AccessTokenRecord } from './token-records.js';
import type { TokenRepository } from './token-repository.js';

/** Marks the value as a Gatehouse personal access token (secret scanners key on prefixes). */
export const PERSONAL_TOKEN_PREFIX = 'gatehouse_pat_';

export type PersonalAccessTokens = ReturnType<typeof createPersonalAccessTokens>;

/**
 * Issues personal access tokens: opaque values with 256 bits of entropy, issued by the
 * built-in client 2, stored only as SHA-256 (STYLE §9), expiring after
 * `PERSONAL_ACCESS_TOKEN_TTL`. The bearer verifier finds them by that hash.
 */
export function createPersonalAccessTokens(deps: { tokens: TokenRepository; clock: Clock; ttlSeconds: number }) {
  const { tokens, clock, ttlSeconds } = deps;
  return {
    async issue(userId: number, name: string, scopes: string[]): Promise<{ record: AccessTokenRecord; token: string }> {
      const token = PERSONAL_TOKEN_PREFIX + randomToken(32);
      const now = clock.now();
      const record: AccessTokenRecord = {
        id: timeOrderedId(now),
        userId,
        clientId: PERSONAL_ACCESS_CLIENT_ID,
        name,
        scopes,
        familyId: null,
        tokenHash: sha256(token),
        revoked: false,
        createdAt: now,
        expiresAt: now + ttlSeconds * 1000,
      };
      await tokens.saveIssued(record);
      return { record, token };
    },
  };
}
