import type { Client } from '../../clients/client.js';
import type { AuthorizationCode } from '../../codes/authorization-code.js';
import { sha256 } from '../../crypto/digest.js';
import { InvalidGrant } from '../errors.js';
import { signIdToken } from '../oidc/id-token.js';
import { required } from '../parameters.js';
import { auditContext } from '../request-context.js';
import type { GrantHandler } from './grant-handler.js';
import { verifyPkce } from './pkce-verifier.js';

/**
 * Whether a code grant comes with a refresh token: always for first-party (trusted)
 * clients such as the console, otherwise only when the user approved `offline_access`
 * (OIDC Core §11). The refresh token then rotates like any other (RFC 9700 §4.14.2).
 */
export function issuesRefreshToken(client: Client, scopes: readonly string[]): boolean {
  return client.trusted || scopes.includes('offline_access');
}

/**
 * RFC 6749 §4.1.3: `redirect_uri` must be the one the code was sent to. It may be left out
 * only when that is the client's sole registered URI, as the request could then have
 * gone nowhere else.
 */
function checkRedirectBinding(code: AuthorizationCode, client: Client, presented: string | undefined): void {
  if (presented === undefined) {
    if (client.redirectUris.length === 1 && client.redirectUris[0] === code.redirectUri) return;
    throw new InvalidGrant('The redirect_uri parameter is required.');
  }
  if (presented !== code.redirectUri) throw new InvalidGrant('The redirect_uri does not match the authorization request.');
}

/**
 * Authorization code (RFC 6749 §4.1.3) with PKCE (RFC 7636 §4.5). The code is consumed in
 * one statement; presenting it again fails and revokes every token issued from it
 * (RFC 6749 §4.1.2). `openid` adds an ID token (OIDC Core §3.1.3.3).
 */
export const authorizationCodeGrant: GrantHandler = {
  grantType: 'authorization_code',
  allowsPublicClients: true,
  allowedFor: (grants) => grants.includes('authorization_code'),
  async handle({ params, client, request, services }) {
    const value = required(params, 'code');
    const id = sha256(value);
    const now = services.clock.now();
    const code = value.length <= 512 ? await services.codes.find(id) : undefined;
    if (!code || code.clientId !== client.id) throw new InvalidGrant('The authorization code is invalid.');
    if (!(await services.codes.consume(id, now))) {
      if (code.consumedAt === null && code.expiresAt <= now) throw new InvalidGrant('The authorization code has expired.');
      await services.codes.markReplayed(id, now);
      await services.tokens.revokeFamily(code.familyId);
      await services.audit.record({
        ...auditContext(request, { type: 'user', id: String(code.userId) }),
        event: 'oauth.code_reused',
        target: { type: 'auth_client', id: String(client.id) },
      });
      throw new InvalidGrant('The authorization code was already used; the tokens issued from it have been revoked.');
    }
    checkRedirectBinding(code, client, params.redirect_uri);
    verifyPkce(client, code.codeChallenge, params.code_verifier);
    const user = await services.users.findById(code.userId);
    if (!user || user.status !== 'ACTIVE') throw new InvalidGrant('The authorization code is invalid.');

    const response = await services.issuer.issue({
      clientId: client.id,
      userId: user.id,
      scopes: code.scopes,
      refresh: issuesRefreshToken(client, code.scopes),
      familyId: code.familyId,
      authTime: code.authTime,
      // Written with the tokens: should a racing replay revoke them below, the log shows them
      // issued, then the reuse (recorded by the replaying request).
      audit: {
        ...auditContext(request, { type: 'user', id: String(user.id), name: user.username }),
        event: 'oauth.token_issued',
        target: { type: 'auth_client', id: String(client.id) },
        details: { grant_type: 'authorization_code' },
      },
    });
    const idToken = code.scopes.includes('openid')
      ? await signIdToken(services, { user, clientId: client.id, scopes: code.scopes, authTime: code.authTime, nonce: code.nonce, accessToken: response.access_token })
      : undefined;
    // A replay that raced this redemption revoked the family before these tokens existed.
    if (await services.codes.wasReplayed(id)) {
      await services.tokens.revokeFamily(code.familyId);
      throw new InvalidGrant('The authorization code was already used; the tokens issued from it have been revoked.');
    }
    return idToken ? { ...response, id_token: idToken } : response;
  },
};
