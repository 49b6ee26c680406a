import type { Clock } from '../crypto/clock.js';
import { sha256 } from '../crypto/digest.js';
import { BoundedMap } from '../shared/bounded-map.js';

/** Shared failure counters (PostgreSQL/SQLite, or Redis), so limits hold across instances. */
export interface CounterStore {
  /** Adds one hit in a fixed window starting at the first hit; returns the new state. */
  hit(key: string, windowMs: number, now: number): Promise<{ hits: number; resetAt: number }>;
  peek(key: string, now: number): Promise<{ hits: number; resetAt: number } | undefined>;
  clear(key: string): Promise<void>;
}

export interface Throttle {
  /** Seconds to wait when the key is locked out, else 0. */
  retryAfter(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  recordSuccess(key: string): Promise<void>;
}

/** Locks a key out after `maxFailures` failures until its window ends (ASVS 6.3.1). */
export function createThrottle(store: CounterStore, clock: Clock, limits: { maxFailures: number; windowSeconds: number }): Throttle {
  // Keys are stored hashed (no usernames or addresses in the clear); the same few keys are
  // checked on every token request, so their digests are remembered.
  const ids = new BoundedMap<string, string>(10_000);
  const id = (key: string) => ids.getOrSet(key, () => sha256(key));
  return {
    async retryAfter(key) {
      const now = clock.now();
      const state = await store.peek(id(key), now);
      if (!state || state.hits < limits.maxFailures) return 0;
      return Math.max(1, Math.ceil((state.resetAt - now) / 1000));
    },
    async recordFailure(key) {
      await store.hit(id(key), limits.windowSeconds * 1000, clock.now());
    },
    async recordSuccess(key) {
      // Most successes have no failures to forget: a live counter is looked up (a cached read),
      // and only one that exists is deleted, so a login is not one more write. An expired
      // counter stays until its next hit restarts it.
      const hashed = id(key);
      if (await store.peek(hashed, clock.now())) await store.clear(hashed);
    },
  };
}

export const throttleKeys = {
  login: (username: string, ip: string) => `login:${username.toLowerCase()}:${ip}`,
  client: (clientId: string) => `client:${clientId}`,
};
