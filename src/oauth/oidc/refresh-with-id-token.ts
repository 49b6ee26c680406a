import { refreshTokenId } from '../../tokens/refresh-token-format.js';
import type { GrantHandler } from '../grants/grant-handler.js';
import { refreshTokenGrant } from '../grants/refresh-token.js';
import { parseScope } from '../../tokens/scopes.js';
import { signIdToken } from './id-token.js';

/**
 * The refresh grant (RFC 6749 §6) plus OIDC Core §12.2: when the grant carries `openid`, the
 * response includes a fresh ID token with the original `auth_time` (and no nonce).
 * Registered as an extra grant, it replaces the plain refresh grant under the same name.
 */
export const refreshWithIdTokenGrant: GrantHandler = {
  ...refreshTokenGrant,
  async handle(context) {
    const response = await refreshTokenGrant.handle(context);
    const scopes = parseScope(response.scope);
    if (!scopes.includes('openid') || !response.refresh_token) return response;
    const { services, client } = context;
    const rotated = await services.tokens.findRefreshToken(refreshTokenId(response.refresh_token));
    const user = rotated?.userId == null ? undefined : await services.users.findById(rotated.userId);
    if (!rotated || !user) return response;
    const idToken = await signIdToken(services, { user, clientId: client.id, scopes, authTime: rotated.authTime, accessToken: response.access_token });
    return { ...response, id_token: idToken };
  },
};
