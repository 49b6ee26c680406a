import type { Kysely } from 'kysely';

/** Runs one read outside any transaction and returns its rows. */
export type DirectRead = (sql: string, parameters: readonly unknown[]) => unknown[];

const readers = new WeakMap<Kysely<any>, DirectRead>();

/**
 * Lets prepared reads on `db` skip Kysely's executor. On SQLite a read is a synchronous call
 * that takes about 5 µs; Kysely's connection lease and promise chain around it cost about as
 * much again, on every bearer check. Only a store whose reads outside transactions go to
 * their own connection registers one (storage/database.ts): such a read can never see a
 * transaction in progress, so skipping the lease changes nothing it returns.
 */
export function allowDirectReads(db: Kysely<any>, read: DirectRead): void {
  readers.set(db, read);
}

export function directReader(db: Kysely<any>): DirectRead | undefined {
  return readers.get(db);
}
