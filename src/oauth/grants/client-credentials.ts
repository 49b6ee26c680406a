import type { GrantHandler } from './grant-handler.js';
import { requestedScopes } from './scope-request.js';

/**
 * Client credentials (RFC 6749 §4.4): confidential clients only, no refresh token (§4.4.3).
 * The token's subject is the client and carries the permissions granted to it (DESIGN §5).
 *
 * Not written to the security log: a machine client may ask for thousands of tokens a
 * second, which would bury what people did (logins, changes, failures, all still logged).
 * Issued tokens are counted in `/metrics` (`gatehouse_tokens_issued_total`); a failed client
 * authentication is logged, as every failure is.
 */
export const clientCredentialsGrant: GrantHandler = {
  grantType: 'client_credentials',
  allowsPublicClients: false,
  allowedFor: (grants) => grants.includes('client_credentials'),
  handle({ params, client, services }) {
    const scopes = requestedScopes(params.scope, {
      fallback: ['*'],
      allowed: (scope) => scope === '*' || client.permissions.includes(scope),
    });
    return services.issuer.issue({ clientId: client.id, userId: null, scopes, refresh: false });
  },
};
