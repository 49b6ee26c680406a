import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DialectName } from './dialect.js';
import { prepared } from './prepared.js';

/**
 * Lookups by key asked for during one turn of the event loop, answered together by one
 * `fetch` of all their keys when the turn's I/O callbacks are done (`setImmediate`). On
 * PostgreSQL that is one round trip for the requests that arrived together instead of one
 * each. Every lookup still starts after its caller asked, so it sees whatever was committed
 * before; a failed fetch fails each of its callers.
 */
export function turnBatch<K, R>(fetch: (keys: K[]) => Promise<Map<K, R>>, maxKeys = 100): (key: K) => Promise<R | undefined> {
  type Waiter = { resolve(value: R | undefined): void; reject(error: unknown): void };
  let pending: Map<K, Waiter[]> | undefined;

  async function flush(batch: Map<K, Waiter[]>): Promise<void> {
    let found: Map<K, R>;
    try {
      found = await fetch([...batch.keys()]);
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key));
  }

  return (key) =>
    new Promise<R | undefined>((resolve, reject) => {
      if (!pending) {
        const batch = (pending = new Map());
        setImmediate(() => {
          if (pending !== batch) return; // flushed already, when it filled up
          pending = undefined;
          void flush(batch);
        });
      }
      const waiters = pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
      if (pending.size >= maxKeys) {
        const full = pending;
        pending = undefined;
        void flush(full);
      }
    });
}

/**
 * A read of at most one row of `select` by the value of `column`, for the lookups made on
 * every request. It is compiled once (storage/prepared.ts); on PostgreSQL the keys of one
 * turn are read in one query, `column = any($1)`; elsewhere each key has its own query
 * (SQLite answers in microseconds, without a round trip). `keyOf` finds a row's key when the
 * selection renames the column.
 */
export function readByKey<K, Row, R>(
  db: Kysely<any>,
  dialect: DialectName | undefined,
  read: { select: () => SelectQueryBuilder<any, any, Row>; column: string; keyOf?: (row: Row) => K; convert: (row: Row) => R },
): (key: K) => Promise<R | undefined> {
  const column = sql.ref(read.column);
  if (dialect !== 'postgres') {
    const one = prepared(db, (key: K) => read.select().where(sql<SqlBool>`${column} = ${key}`));
    return async (key) => {
      const [row] = (await one(key)).rows;
      return row && read.convert(row);
    };
  }
  const many = prepared(db, (keys: K[]) => read.select().where(sql<SqlBool>`${column} = any(${keys})`));
  const keyOf = read.keyOf ?? ((row: Row) => (row as Record<string, K>)[read.column]);
  return turnBatch(async (keys) => new Map((await many(keys)).rows.map((row) => [keyOf(row), read.convert(row)])));
}
