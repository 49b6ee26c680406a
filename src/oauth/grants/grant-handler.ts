import type { FastifyRequest } from 'fastify';
import type { Client, ClientGrant } from '../../clients/client.js';
import type { Services } from '../../services.js';
import type { TokenResponse } from '../../tokens/token-issuer.js';
import type { AuthenticatedClient } from '../authenticate-client.js';
import type { Parameters } from '../parameters.js';

export interface GrantContext {
  params: Parameters;
  client: Client;
  authentication: AuthenticatedClient['method'];
  request: FastifyRequest;
  services: Services;
}

/** One grant type of the token endpoint (RFC 6749 §4, §6); registered in grant-registry.ts. */
export interface GrantHandler {
  readonly grantType: string;
  /** Whether a client holding these grants may use this one. */
  allowedFor(grants: readonly ClientGrant[]): boolean;
  /** Public clients (no secret) may use the grant: only those with proof of possession. */
  readonly allowsPublicClients: boolean;
  handle(context: GrantContext): Promise<TokenResponse>;
}
