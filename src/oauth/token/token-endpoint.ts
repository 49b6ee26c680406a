import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { authenticateClient } from '../authenticate-client.js';
import type { GrantRegistry } from '../grants/grant-registry.js';
import { readParameters } from '../parameters.js';
import { checkGrantAllowed } from './check-grant-allowed.js';
import { selectGrant } from './select-grant.js';

/**
 * `POST /oauth/token` (RFC 6749 §3.2), read as its steps: parse the body, pick the grant,
 * authenticate the client, check the client may use the grant, run the grant. No-store
 * headers come from the protocol plugin.
 */
export function registerTokenEndpoint(app: FastifyInstance, services: Services, grants: GrantRegistry): void {
  app.post('/oauth/token', async (request) => {
    const params = readParameters(request);
    const grant = selectGrant(grants, params);
    const { client, method } = await authenticateClient(services, request, params);
    checkGrantAllowed(client, grant);
    const response = await grant.handle({ params, client, authentication: method, request, services });
    services.metrics.tokenIssued(grant.grantType);
    return response;
  });
}
