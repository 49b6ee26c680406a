import { auditContext } from '../request-context.js';
import type { GrantHandler } from './grant-handler.js';
import { requestedScopes } from './scope-request.js';

/**
 * Client credentials (RFC 6749 §4.4): confidential clients only, no refresh token (§4.4.3).
 * The token's subject is the client and carries the permissions granted to it (DESIGN §5).
 */
export const clientCredentialsGrant: GrantHandler = {
  grantType: 'client_credentials',
  allowsPublicClients: false,
  allowedFor: (grants) => grants.includes('client_credentials'),
  async handle({ params, client, request, services }) {
    const scopes = requestedScopes(params.scope, {
      fallback: ['*'],
      allowed: (scope) => scope === '*' || client.permissions.includes(scope),
    });
    const response = await services.issuer.issue({ clientId: client.id, userId: null, scopes, refresh: false });
    await services.audit.record({
      ...auditContext(request, { type: 'client', id: String(client.id), name: client.name }),
      event: 'oauth.token_issued',
      target: { type: 'auth_client', id: String(client.id) },
      details: { grant_type: 'client_credentials' },
    });
    return response;
  },
};
