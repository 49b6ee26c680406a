import { PERMISSION_NAMES } from '../../permissions/permission-names.js';
import { refreshTokenId } from '../../tokens/refresh-token-format.js';
import { ALL_PERMISSIONS_SCOPE } from '../../tokens/scopes.js';
import { InvalidGrant } from '../errors.js';
import { required } from '../parameters.js';
import { auditContext } from '../request-context.js';
import type { TokenResponse } from '../../tokens/token-issuer.js';
import type { User } from '../../users/user.js';
import type { GrantContext, GrantHandler } from './grant-handler.js';
import { requestedScopes } from './scope-request.js';

/** A rotation's response, with the owner and the scopes it was issued for. */
export interface Rotation {
  response: TokenResponse;
  user: User | null;
  scopes: string[];
  authTime: number | null;
}

/**
 * Refresh (RFC 6749 §6) with rotation (RFC 9700 §4.14.2): every use issues a new refresh
 * token; presenting a used one revokes the whole family. Scope may narrow, never widen.
 */
export async function rotateRefreshToken({ params, client, request, services }: GrantContext): Promise<Rotation> {
  const hash = refreshTokenId(required(params, 'refresh_token'));
  const now = services.clock.now();
  const stored = await services.tokens.findRefreshToken(hash);
  // Bound to its client (§6): another client's token is simply invalid, and is not consumed.
  if (!stored || stored.clientId !== client.id) throw new InvalidGrant('The refresh token is invalid.');
  if (stored.expiresAt <= now) throw new InvalidGrant('The refresh token has expired.');

  const original = stored.scopes;
  const scopes = requestedScopes(params.scope, {
    fallback: original,
    allowed: (scope) => original.includes(scope) || (original.includes(ALL_PERMISSIONS_SCOPE) && PERMISSION_NAMES.includes(scope)),
  });

  // The owner is read while the token is consumed, not after: one wait fewer per rotation.
  const [consumed, user] = await Promise.all([
    !stored.revoked && stored.usedAt === null && services.tokens.consumeRefreshToken(hash, now),
    stored.userId === null ? null : services.users.findById(stored.userId),
  ]);
  if (!consumed) {
    await services.tokens.revokeFamily(stored.familyId);
    await services.audit.record({
      ...auditContext(request, stored.userId === null ? null : { type: 'user', id: String(stored.userId) }),
      event: 'oauth.refresh_token_reused',
      target: { type: 'auth_client', id: String(client.id) },
    });
    throw new InvalidGrant('The refresh token was already used; its grant has been revoked.');
  }
  if (stored.userId !== null && (!user || user.status !== 'ACTIVE')) {
    await services.tokens.revokeFamily(stored.familyId);
    throw new InvalidGrant('The refresh token is invalid.');
  }
  const response = await services.issuer.issue({
    clientId: client.id,
    userId: stored.userId,
    scopes,
    refresh: true,
    familyId: stored.familyId,
    authTime: stored.authTime,
  });
  return { response, user: user ?? null, scopes, authTime: stored.authTime };
}

export const refreshTokenGrant: GrantHandler = {
  grantType: 'refresh_token',
  allowsPublicClients: true,
  allowedFor: (grants) => grants.includes('authorization_code') || grants.includes('password'),
  handle: async (context) => (await rotateRefreshToken(context)).response,
};
