import type { Client } from '../../../clients/client.js';
import { InvalidRequest, UnauthorizedClient, UnsupportedResponseType } from '../../errors.js';
import type { Parameters } from '../../parameters.js';

/**
 * RFC 6749 §4.1.1 and §4.1.2.1: `response_type=code` only, for clients registered for the
 * authorization code grant; responses go in the query (OAuth Multiple Response Types §2.1).
 */
export function checkResponseType(client: Client, params: Parameters): void {
  const type = params.response_type;
  if (type === undefined) throw new InvalidRequest('The response_type parameter is required.');
  if (type !== 'code') throw new UnsupportedResponseType();
  if (!client.grantTypes.includes('authorization_code')) {
    throw new UnauthorizedClient('This client may not use the authorization code grant.');
  }
  if (params.response_mode !== undefined && params.response_mode !== 'query') {
    throw new InvalidRequest('Only response_mode=query is supported.');
  }
}
