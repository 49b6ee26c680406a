import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { authenticateClient } from './authenticate-client.js';
import { findPresentedToken } from './find-token.js';
import { readParameters, required } from './parameters.js';
import { auditContext } from './request-context.js';

/**
 * `POST /oauth/revoke` (RFC 7009). Answers 200 `{}` whether or not the token was known
 * (§2.2); a token of another client is left alone. Revoking a refresh token revokes its
 * whole grant, access tokens included.
 */
export function registerRevocationEndpoint(app: FastifyInstance, services: Services): void {
  app.post('/oauth/revoke', async (request, reply) => {
    const params = readParameters(request);
    const { client } = await authenticateClient(services, request, params);
    const found = await findPresentedToken(services, required(params, 'token'), params.token_type_hint);
    if (found && found.record.clientId === client.id) {
      if (found.kind === 'refresh') await services.tokens.revokeFamily(found.record.familyId);
      else await services.tokens.revokeAccessToken(found.record.id);
      await services.audit.record({
        ...auditContext(request, { type: 'client', id: String(client.id), name: client.name }),
        event: 'oauth.token_revoked',
        target: { type: found.kind === 'refresh' ? 'refresh_token' : 'access_token', id: found.kind === 'access' ? found.record.id : found.record.familyId },
      });
    }
    return reply.type('application/json').send({});
  });
}
