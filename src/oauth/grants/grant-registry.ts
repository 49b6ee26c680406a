import type { GrantHandler } from './grant-handler.js';
import { clientCredentialsGrant } from './client-credentials.js';
import { passwordGrant } from './password.js';
import { refreshTokenGrant } from './refresh-token.js';

export type GrantRegistry = ReadonlyMap<string, GrantHandler>;

/** The token endpoint's grants by `grant_type` (STYLE §4); more are added by registering. */
export function createGrantRegistry(extra: readonly GrantHandler[] = []): GrantRegistry {
  return new Map([passwordGrant, clientCredentialsGrant, refreshTokenGrant, ...extra].map((g) => [g.grantType, g]));
}
