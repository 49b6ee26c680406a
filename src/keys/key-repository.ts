import type { StoredKey } from './signing-key.js';

/** Storage of signing keys; shared by every instance. */
export interface KeyRepository {
  insert(key: StoredKey): Promise<void>;
  /** Keys still published (publish_until unset or in the future). */
  listPublished(now: number): Promise<StoredKey[]>;
  /** Deletes keys of `alg` due to start signing after `activatedAt`: they never signed. */
  discardPendingAfter(alg: string, activatedAt: number, exceptKid: string): Promise<void>;
  /** Sets publish_until on every key of `alg` that has none, except `exceptKid`. */
  schedulePublishEnd(alg: string, exceptKid: string, publishUntil: number): Promise<void>;
}
