import type { Kysely } from 'kysely';
import { BoundedMap } from '../shared/bounded-map.js';
import { directQueries } from './direct-queries.js';

export interface GenerationCache<V> {
  /** The value under `key`, or `load`'s, kept unless it is undefined. */
  through(key: string, load: () => Promise<V>): Promise<V>;
}

const GENERATION = 'select value from cache_generations where name = ?';

/**
 * Values read from the database, kept while a generation counter in the database
 * (`cache_generations`, moved by triggers on every change of the rows concerned: migration
 * 005) stays where it was. So a change made by any process, the CLI or by hand empties the
 * cache of every instance, as soon as that process's next read snapshot begins.
 *
 * The counter is read once per read snapshot (SQLite on a file shares one per turn of the
 * event loop, storage/sqlite-read-snapshot.ts), so all the requests of one turn pay one
 * lookup between them. A value is filed only under the generation seen before it was read,
 * so nothing older than the current generation is ever served. Values are shared by every
 * caller, so they are frozen. Stores without read snapshots (PostgreSQL, in-memory SQLite)
 * keep nothing and load every time.
 */
export function generationCache<V>(db: Kysely<any>, name: string, capacity = 10_000): GenerationCache<V> {
  const direct = directQueries(db);
  if (!direct) return { through: (_key, load) => load() };
  const entries = new BoundedMap<string, V>(capacity);
  let serial = -1;
  let generation: unknown;

  function current(): unknown {
    const snapshot = direct!.snapshot();
    if (snapshot === serial) return generation;
    serial = snapshot;
    const [row] = direct!.read(GENERATION, [name]) as { value: unknown }[];
    if (row?.value !== generation) entries.clear();
    return (generation = row?.value);
  }

  return {
    async through(key, load) {
      const seen = current();
      if (entries.has(key)) return entries.get(key)!;
      const value = await load();
      if (value === undefined || seen === undefined || seen !== current()) return value;
      entries.set(key, deepFreeze(value));
      return value;
    },
  };
}

function deepFreeze<V>(value: V): V {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const part of Object.values(value)) deepFreeze(part);
  return Object.freeze(value);
}
