import type { Kysely, QueryResult } from 'kysely';

/**
 * One statement outside any transaction, run without Kysely's executor. `read` returns the
 * rows; `write` returns the result once it is durable, or undefined when it cannot run at
 * once (a transaction holds the connection), and the caller goes through Kysely instead.
 */
export interface DirectQueries {
  read(sql: string, parameters: readonly unknown[]): unknown[];
  write(sql: string, parameters: readonly unknown[]): Promise<QueryResult<unknown>> | undefined;
  /** As `write`, for statements that must all be written or none. */
  writeAll(statements: readonly { sql: string; parameters: readonly unknown[] }[]): Promise<QueryResult<unknown>[]> | undefined;
  /** Identifies the snapshot that `read` sees now: two reads under the same serial saw the same data. */
  snapshot(): number;
}

const registry = new WeakMap<Kysely<any>, DirectQueries>();

/**
 * Lets prepared queries on `db` skip Kysely's executor. On SQLite a lookup or an insert is a
 * synchronous call of a few microseconds; Kysely's connection lease and promise chain around
 * it cost about as much again, several times per token request. Only a store whose reads
 * outside transactions go to their own connection registers (storage/database.ts): such a
 * read never sees a transaction in progress, and a write joins the open group exactly as
 * it would through Kysely.
 */
export function allowDirectQueries(db: Kysely<any>, queries: DirectQueries): void {
  registry.set(db, queries);
}

export function directQueries(db: Kysely<any>): DirectQueries | undefined {
  return registry.get(db);
}
