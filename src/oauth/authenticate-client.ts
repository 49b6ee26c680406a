import type { FastifyRequest } from 'fastify';
import type { Client } from '../clients/client.js';
import type { Services } from '../services.js';
import { throttleKeys } from '../throttle/throttle.js';
import { clientAuthFailure, presentedClient } from './client-credentials.js';
import { tooManyAttempts } from './errors.js';
import type { Parameters } from './parameters.js';
import { auditContext } from './request-context.js';

export interface AuthenticatedClient {
  client: Client;
  method: 'client_secret_basic' | 'client_secret_post' | 'none';
}

/**
 * Authenticates the client of a token, revoke or introspect request (RFC 6749 §2.3).
 * Confidential clients must prove their secret; public clients send only `client_id`.
 * Failures are throttled per client and audited.
 */
export async function authenticateClient(services: Services, request: FastifyRequest, params: Parameters): Promise<AuthenticatedClient> {
  const presented = presentedClient(request, params);
  const key = throttleKeys.client(presented.clientId);
  const wait = await services.throttle.retryAfter(key);
  if (wait > 0) throw tooManyAttempts(wait);

  const found = /^[1-9]\d{0,9}$/.test(presented.clientId) ? await services.clients.findWithSecrets(Number(presented.clientId)) : undefined;
  const client = found?.client;
  const valid =
    client !== undefined &&
    !client.revoked &&
    (client.confidential
      ? presented.secret !== undefined && services.clientService.verifySecret(found!.secrets, presented.secret)
      : presented.secret === undefined);
  if (!valid || !client) {
    await services.throttle.recordFailure(key);
    await services.audit.record({
      ...auditContext(request, null),
      event: 'oauth.client_auth_failed',
      target: { type: 'auth_client', id: presented.clientId.slice(0, 64) },
      details: { method: presented.method },
    });
    throw clientAuthFailure(presented);
  }
  return { client, method: presented.method };
}
