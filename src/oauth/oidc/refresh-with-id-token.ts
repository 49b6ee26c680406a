import type { GrantHandler } from '../grants/grant-handler.js';
import { refreshTokenGrant, rotateRefreshToken } from '../grants/refresh-token.js';
import { signIdToken } from './id-token.js';

/**
 * The refresh grant (RFC 6749 §6) plus OIDC Core §12.2: when the grant carries `openid`, the
 * response includes a fresh ID token with the original `auth_time` (and no nonce).
 * Registered as an extra grant, it replaces the plain refresh grant under the same name.
 */
export const refreshWithIdTokenGrant: GrantHandler = {
  ...refreshTokenGrant,
  async handle(context) {
    const { response, user, scopes, authTime } = await rotateRefreshToken(context);
    if (!scopes.includes('openid') || !user) return response;
    const idToken = await signIdToken(context.services, { user, clientId: context.client.id, scopes, authTime, accessToken: response.access_token });
    return { ...response, id_token: idToken };
  },
};
