import { Redis } from 'ioredis';
import type { CounterStore } from './throttle.js';


/** One round trip per hit: count, start the window on the first hit, report time left. */
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {hits, redis.call('PTTL', KEYS[1])}`;

/**
 * Fixed-window counters in Redis (`REDIS_URL`), shared by every instance. Windows follow
 * Redis' own clock, so expiry is exact across instances whatever their clocks say. Keys are
 * namespaced by issuer: two deployments sharing one Redis (staging and production, say)
 * never lock each other's users out.
 */
export function createRedisCounterStore(url: string, issuer: string): CounterStore & { close(): Promise<void> } {
  const PREFIX = `gatehouse:throttle:${issuer}:`;
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', () => {}); // surfaced per command; reconnects on its own
  return {
    async hit(key, windowMs, now) {
      const [hits, ttl] = (await redis.eval(HIT, 1, PREFIX + key, String(windowMs))) as [number, number];
      return { hits, resetAt: now + Math.max(ttl, 0) };
    },
    async peek(key, now) {
      const [hits, ttl] = await Promise.all([redis.get(PREFIX + key), redis.pttl(PREFIX + key)]);
      return hits === null || ttl <= 0 ? undefined : { hits: Number(hits), resetAt: now + ttl };
    },
    async clear(key) {
      await redis.del(PREFIX + key);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
