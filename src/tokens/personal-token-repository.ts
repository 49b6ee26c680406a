import type { ListPage, ListQuery } from '../shared/list-query.js';
import type { AccessTokenRecord } from './token-records.js';

export const PERSONAL_TOKEN_ORDER = ['created_at', 'name', 'expires_at'] as const;

/**
 * Personal access tokens (DESIGN §6): access-token rows of client 2 that carry a name and
 * the SHA-256 of an opaque value. Every method is scoped to the owning user.
 */
export interface PersonalTokenRepository {
  /** One page of the user's tokens, searching the name; `orderBy` is one of PERSONAL_TOKEN_ORDER. */
  page(userId: number, query: ListQuery): Promise<ListPage<AccessTokenRecord>>;
  find(userId: number, id: string): Promise<AccessTokenRecord | undefined>;
  /** Marks the token revoked; false when the user has no such token. */
  revoke(userId: number, id: string): Promise<boolean>;
}
