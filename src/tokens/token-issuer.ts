import { toAuditEvent, type AuditRecord } from '../audit/audit-log.js';
import type { Config } from '../config/config.js';
import type { Clock } from '../crypto/clock.js';
import { timeOrderedId } from '../crypto/random.js';
import type { KeyRing } from '../keys/key-ring.js';
import { signAccessToken } from './access-token-jwt.js';
import { newRefreshToken, refreshTokenId } from './refresh-token-format.js';
import { formatScope } from './scopes.js';
import type { RefreshTokenRecord } from './token-records.js';
import type { TokenRepository } from './token-repository.js';

export interface IssueRequest {
  clientId: number;
  userId: number | null;
  scopes: string[];
  /** Issue a refresh token in the given family (a new family when undefined). */
  refresh: boolean;
  familyId?: string;
  authTime?: number | null;
  /** The audit event of this issuance, written in the same transaction as the tokens. */
  audit?: AuditRecord;
}

/** RFC 6749 §5.1 successful response. */
export interface TokenResponse {
  token_type: 'Bearer';
  expires_in: number;
  access_token: string;
  refresh_token?: string;
  scope?: string;
  id_token?: string;
}

export type TokenIssuer = ReturnType<typeof createTokenIssuer>;

/** The API resource indicator that access tokens are issued for (RFC 9068 §3 `aud`). */
export function apiAudience(issuer: string): string {
  return `${issuer}/api/1.0`;
}

export function subjectOf(userId: number | null, clientId: number): string {
  return userId === null ? `client:${clientId}` : String(userId);
}

export function createTokenIssuer(deps: { config: Config; ring: KeyRing; tokens: TokenRepository; clock: Clock }) {
  const { config, ring, tokens, clock } = deps;
  return {
    async issue(request: IssueRequest): Promise<TokenResponse> {
      const now = clock.now();
      const iat = Math.floor(now / 1000);
      const jti = timeOrderedId(now);
      const familyId = request.familyId ?? (request.refresh ? timeOrderedId(now) : null);
      const expiresIn = config.ttl.accessToken;
      const accessToken = await signAccessToken(ring, config.signingAlg, {
        iss: config.issuer,
        sub: subjectOf(request.userId, request.clientId),
        aud: apiAudience(config.issuer),
        client_id: String(request.clientId),
        scope: formatScope(request.scopes),
        jti,
        iat,
        exp: iat + expiresIn,
      });
      const access = {
        id: jti,
        userId: request.userId,
        clientId: request.clientId,
        name: null,
        scopes: request.scopes,
        familyId,
        tokenHash: null,
        revoked: false,
        createdAt: now,
        expiresAt: (iat + expiresIn) * 1000,
      };
      let refreshToken: string | undefined;
      let refresh: RefreshTokenRecord | undefined;
      if (request.refresh && familyId) {
        refreshToken = newRefreshToken(now);
        refresh = {
          id: refreshTokenId(refreshToken),
          familyId,
          accessTokenId: jti,
          clientId: request.clientId,
          userId: request.userId,
          scopes: request.scopes,
          authTime: request.authTime ?? null,
          revoked: false,
          usedAt: null,
          createdAt: now,
          expiresAt: now + config.ttl.refreshToken * 1000,
        };
      }
      await tokens.saveIssued(access, refresh, request.audit && toAuditEvent(request.audit, now));
      return {
        token_type: 'Bearer',
        expires_in: expiresIn,
        access_token: accessToken,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        ...(request.scopes.length > 0 ? { scope: formatScope(request.scopes) } : {}),
      };
    },
  };
}
