import type { FastifyRequest } from 'fastify';
import { InvalidClient, InvalidRequest } from './errors.js';
import { decodeFormComponent } from './form-body.js';
import type { Parameters } from './parameters.js';

export interface PresentedClient {
  method: 'client_secret_basic' | 'client_secret_post' | 'none';
  clientId: string;
  secret?: string;
}

function basicFailure(description: string) {
  return new InvalidClient(description).withHeader('WWW-Authenticate', 'Basic realm="gatehouse", charset="UTF-8"');
}

/**
 * Which credentials the request carries (RFC 6749 §2.3.1). Using two methods at once is
 * `invalid_request`; a request with none is `invalid_client`.
 */
export function presentedClient(request: FastifyRequest, params: Parameters): PresentedClient {
  const header = request.headers.authorization;
  if (header !== undefined && /^basic /i.test(header)) {
    if (params.client_secret !== undefined) throw new InvalidRequest('Use one client authentication method, not two.');
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw basicFailure('The Basic credentials are malformed.');
    let clientId: string;
    let secret: string;
    try {
      // RFC 6749 §2.3.1: the id and secret are form-encoded before base64.
      clientId = decodeFormComponent(decoded.slice(0, colon));
      secret = decodeFormComponent(decoded.slice(colon + 1));
    } catch {
      throw basicFailure('The Basic credentials are malformed.');
    }
    if (params.client_id !== undefined && params.client_id !== clientId) {
      throw new InvalidRequest('client_id does not match the Basic credentials.');
    }
    return { method: 'client_secret_basic', clientId, secret };
  }
  if (params.client_id === undefined) throw new InvalidClient('Client authentication is required.');
  if (params.client_secret !== undefined) {
    return { method: 'client_secret_post', clientId: params.client_id, secret: params.client_secret };
  }
  return { method: 'none', clientId: params.client_id };
}

export function clientAuthFailure(presented: PresentedClient, description = 'Client authentication failed.') {
  return presented.method === 'client_secret_basic' ? basicFailure(description) : new InvalidClient(description);
}
