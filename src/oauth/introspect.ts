import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { subjectOf, apiAudience } from '../tokens/token-issuer.js';
import { formatScope } from '../tokens/scopes.js';
import { authenticateClient } from './authenticate-client.js';
import { InvalidClient } from './errors.js';
import { findPresentedToken, type FoundToken } from './find-token.js';
import { readParameters, required } from './parameters.js';

const INACTIVE = Object.freeze({ active: false });

function isActive(found: FoundToken, now: number): boolean {
  const { record } = found;
  if (record.revoked || record.expiresAt <= now) return false;
  return found.kind === 'access' || found.record.usedAt === null;
}

/**
 * `POST /oauth/introspect` (RFC 7662). Requires client authentication; a token is shown
 * active only to the client it was issued to. Anything else is exactly `{"active":false}`.
 */
export function registerIntrospectionEndpoint(app: FastifyInstance, services: Services): void {
  app.post('/oauth/introspect', async (request) => {
    const params = readParameters(request);
    const { client, method } = await authenticateClient(services, request, params);
    // RFC 7662 §2.1: the caller must be authorized; a public client proves nothing.
    if (method === 'none') throw new InvalidClient('Introspection requires client authentication.');
    const found = await findPresentedToken(services, required(params, 'token'), params.token_type_hint);
    if (!found || found.record.clientId !== client.id || !isActive(found, services.clock.now())) return INACTIVE;
    const { record } = found;
    // An access token was found with its user; a refresh token's user is read.
    const user = found.kind === 'access' ? found.user : record.userId === null ? undefined : await services.users.findById(record.userId);
    if (record.userId !== null && user?.status !== 'ACTIVE') return INACTIVE;
    return {
      active: true,
      scope: formatScope(record.scopes),
      client_id: String(record.clientId),
      ...(user ? { username: user.username } : {}),
      token_type: found.kind === 'access' ? 'Bearer' : 'refresh_token',
      exp: Math.floor(record.expiresAt / 1000),
      iat: Math.floor(record.createdAt / 1000),
      sub: subjectOf(record.userId, record.clientId),
      aud: apiAudience(services.config.issuer),
      iss: services.config.issuer,
      ...(found.kind === 'access' ? { jti: record.id } : {}),
    };
  });
}
