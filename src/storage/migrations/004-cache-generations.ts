import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * What a bearer check reads (users, clients, access tokens) is cached by each process and
 * dropped whenever the `bearer` generation moves (storage/cached-generation.ts). Triggers,
 * not application code, move it: every update or delete of those rows, made by any
 * instance, the CLI or by hand, bumps it in the same transaction. Inserts do not: a new
 * row was never cached.
 */
const WATCHED = ['users', 'oauth_clients', 'access_tokens'] as const;

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('cache_generations')
    .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('cache_generations').values({ name: 'bearer', value: 0 }).execute();
  const bump = sql.raw(`update cache_generations set value = value + 1 where name = 'bearer'`);
  if (dialect === 'sqlite') {
    for (const table of WATCHED) {
      for (const event of ['update', 'delete']) {
        await sql`create trigger ${sql.raw(`${table}_${event}_bumps_bearer`)} after ${sql.raw(event)} on ${sql.table(table)} begin ${bump}; end`.execute(db);
      }
    }
    return;
  }
  await sql`create function bump_bearer_generation() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`.execute(db);
  for (const table of WATCHED) {
    await sql`create trigger ${sql.raw(`${table}_bumps_bearer`)} after update or delete on ${sql.table(table)} for each statement execute function bump_bearer_generation()`.execute(db);
  }
}
