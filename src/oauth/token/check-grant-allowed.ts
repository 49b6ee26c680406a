import type { Client } from '../../clients/client.js';
import { UnauthorizedClient } from '../errors.js';
import type { GrantHandler } from '../grants/grant-handler.js';

/** RFC 6749 §5.2 `unauthorized_client`: the client is not registered for this grant. */
export function checkGrantAllowed(client: Client, grant: GrantHandler): void {
  if (!grant.allowedFor(client.grantTypes)) {
    throw new UnauthorizedClient(`This client may not use the ${grant.grantType} grant.`);
  }
  if (!client.confidential && !grant.allowsPublicClients) {
    throw new UnauthorizedClient(`A public client may not use the ${grant.grantType} grant.`);
  }
}
