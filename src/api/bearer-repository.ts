import type { Client } from '../clients/client.js';
import type { AccessTokenRecord } from '../tokens/token-records.js';
import type { User } from '../users/user.js';

/** An access token with what a bearer check needs beside it. */
export interface BearerSubject {
  token: AccessTokenRecord;
  client: Client;
  /** The token's user; undefined for a client's own token or a user that no longer exists. */
  user?: User;
}

/** Where a presented token is looked up: a JWT by its `jti`, an opaque token by its hash. */
export type TokenReference = { id: string } | { hash: string };

/** Bearer checks read the token, its client and its user in one query: they run on every API call. */
export interface BearerRepository {
  find(reference: TokenReference): Promise<BearerSubject | undefined>;
}
