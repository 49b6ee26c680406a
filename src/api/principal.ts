import type { Client } from '../clients/client.js';
import type { User } from '../users/user.js';

/** Who a bearer token acts for, and what it may do (DESIGN §5). */
export interface Principal {
  kind: 'user' | 'client';
  user?: User;
  client: Client;
  tokenId: string;
  scopes: string[];
  /** The subject's permissions intersected with the token's scopes. */
  permissions: string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
