import { sql, type Kysely } from 'kysely';
import type { CounterStore } from '../throttle/throttle.js';
import type { DialectName } from './dialect.js';
import { generationCache } from './generation-cache.js';
import type { Database } from './schema.js';
import { readByKey } from './turn-batch.js';

/** Fixed-window counters in the shared database: one upsert per hit, atomic on both dialects. */
export function createCounterStore(db: Kysely<Database>, dialect?: DialectName): CounterStore {
  // Peeked on every client authentication and login: compiled once, and cached (absent
  // counters too) until any counter changes (the `throttle` generation).
  const readCounter = readByKey(db, dialect, {
    select: () => db.selectFrom('throttle_counters').select(['key', 'hits', 'reset_at']),
    column: 'key',
    convert: (row) => ({ hits: Number(row.hits), resetAt: Number(row.reset_at) }),
  });
  const counters = generationCache<{ hits: number; resetAt: number } | null>(db, 'throttle');
  const read = async (key: string) => (await readCounter(key)) ?? null;
  return {
    async hit(key, windowMs, now) {
      const row = await db
        .insertInto('throttle_counters')
        .values({ key, hits: 1, reset_at: now + windowMs })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when throttle_counters.reset_at <= ${now} then 1 else throttle_counters.hits + 1 end`,
            reset_at: sql<number>`case when throttle_counters.reset_at <= ${now} then ${now + windowMs} else throttle_counters.reset_at end`,
          }),
        )
        .returning(['hits', 'reset_at'])
        .executeTakeFirstOrThrow();
      return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
    },
    async peek(key, now) {
      const counter = await counters.through(key, () => read(key));
      return counter && counter.resetAt > now ? counter : undefined;
    },
    async clear(key) {
      await db.deleteFrom('throttle_counters').where('key', '=', key).execute();
    },
  };
}
