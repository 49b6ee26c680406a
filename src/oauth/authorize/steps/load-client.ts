import type { Client } from '../../../clients/client.js';
import type { Services } from '../../../services.js';
import { invalidClientPage } from '../../pages/page-error.js';
import type { AuthorizeInput } from '../authorize-parameters.js';

/**
 * RFC 6749 §4.1.2.1: with a missing, unknown or revoked `client_id` the server must not
 * redirect; the user is shown an error page instead.
 */
export async function loadClient(services: Services, { params, repeated, malformed }: AuthorizeInput): Promise<Client> {
  const id = params.client_id;
  if (id === undefined || repeated.includes('client_id') || malformed.includes('client_id') || !/^[1-9]\d{0,9}$/.test(id)) throw invalidClientPage();
  const client = await services.clients.findById(Number(id));
  if (!client || client.revoked) throw invalidClientPage();
  return client;
}
