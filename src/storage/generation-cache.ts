import type { Kysely } from 'kysely';
import { directQueries } from './direct-queries.js';

/** What `get` answers: the cached value, or the generation under which to file a fresh read. */
export type Lookup<V> = { hit: V } | { hit?: undefined; generation: unknown };

export interface GenerationCache<V> {
  /** A miss carries the generation seen now: read the value after this call, then `set` it. */
  get(key: string): Lookup<V>;
  set(key: string, value: V, generation: unknown): void;
}

const GENERATION = 'select value from cache_generations where name = ?';

/**
 * Values read from the database, kept while a generation counter in the database
 * (`cache_generations`, moved by triggers on every change of the rows concerned: migration
 * 004) stays where it was. So a change made by any process, the CLI or by hand empties the
 * cache of every instance, as soon as that process's next read snapshot begins.
 *
 * The counter is read once per read snapshot (SQLite on a file shares one per turn of the
 * event loop, storage/sqlite-read-snapshot.ts), so all the requests of one turn pay one
 * lookup between them. A value is filed only under the generation seen before it was read,
 * so nothing older than the current generation is ever served. Stores without read
 * snapshots (PostgreSQL, in-memory SQLite) get undefined and read every time.
 */
export function generationCache<V>(db: Kysely<any>, name: string, capacity: number): GenerationCache<V> | undefined {
  const direct = directQueries(db);
  if (!direct) return undefined;
  const entries = new Map<string, V>();
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
    get(key) {
      const seen = current();
      const hit = entries.get(key);
      return hit === undefined ? { generation: seen } : { hit };
    },
    set(key, value, seenBefore) {
      if (seenBefore === undefined || seenBefore !== current()) return;
      if (entries.size >= capacity) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
    },
  };
}
