import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

export type PurgeCounts = Record<'access_tokens' | 'refresh_tokens' | 'authorization_codes' | 'login_sessions' | 'throttle_counters' | 'signing_keys', number>;

/**
 * Deletes rows that can no longer matter: expired tokens, codes and sessions, finished
 * throttle windows and keys no longer published. Each is one idempotent DELETE, so any
 * number of instances may run it at once.
 */
export async function purgeExpired(db: Kysely<Database>, now: number): Promise<PurgeCounts> {
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  return {
    access_tokens: count(await db.deleteFrom('access_tokens').where('expires_at', '<', now).executeTakeFirst()),
    refresh_tokens: count(await db.deleteFrom('refresh_tokens').where('expires_at', '<', now).executeTakeFirst()),
    authorization_codes: count(await db.deleteFrom('authorization_codes').where('expires_at', '<', now).executeTakeFirst()),
    login_sessions: count(await db.deleteFrom('login_sessions').where('expires_at', '<', now).executeTakeFirst()),
    throttle_counters: count(await db.deleteFrom('throttle_counters').where('reset_at', '<', now).executeTakeFirst()),
    signing_keys: count(await db.deleteFrom('signing_keys').where('publish_until', '<', now).executeTakeFirst()),
  };
}
