import { InvalidGrant, tooManyAttempts } from '../errors.js';
import { required } from '../parameters.js';
import { auditContext } from '../request-context.js';
import { throttledLogin } from '../throttled-login.js';
import type { GrantHandler } from './grant-handler.js';
import { requestedScopes } from './scope-request.js';

const WRONG_CREDENTIALS = 'The user credentials were incorrect.';

/**
 * Resource owner password credentials (RFC 6749 §4.3). `username` may be the username or
 * the email. Unknown users and wrong passwords answer identically and are throttled per
 * username + IP.
 */
export const passwordGrant: GrantHandler = {
  grantType: 'password',
  allowsPublicClients: false,
  allowedFor: (grants) => grants.includes('password'),
  async handle({ params, client, request, services }) {
    const username = required(params, 'username');
    const password = required(params, 'password');
    const scopes = requestedScopes(params.scope, { fallback: ['*'] });
    const result = await throttledLogin(services, request, username, password, { client_id: client.id, grant_type: 'password' });
    if (result.outcome === 'locked') throw tooManyAttempts(result.retryAfter);
    if (result.outcome === 'failed') throw new InvalidGrant(WRONG_CREDENTIALS, result.reason);
    const { user } = result;
    return services.issuer.issue({
      clientId: client.id,
      userId: user.id,
      scopes,
      refresh: true,
      authTime: services.clock.now(),
      audit: {
        ...auditContext(request, { type: 'user', id: String(user.id), name: user.username }),
        event: 'oauth.token_issued',
        target: { type: 'auth_client', id: String(client.id) },
        details: { grant_type: 'password' },
      },
    });
  },
};
