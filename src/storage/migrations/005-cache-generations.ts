import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Generation counters for what each process caches on SQLite (storage/generation-cache.ts).
 * Triggers, not application code, move them: every change of the rows concerned, made by any
 * instance, the CLI or by hand, bumps its counter in the same transaction.
 *
 * - `auth`: what authentication reads (users, clients, access tokens). Inserts do not count:
 *   a row that did not exist was never cached.
 * - `throttle`: the failure counters, which are cached absent too, so inserts count.
 */
const GENERATIONS = {
  auth: { tables: ['users', 'oauth_clients', 'access_tokens'], events: ['update', 'delete'] },
  throttle: { tables: ['throttle_counters'], events: ['insert', 'update', 'delete'] },
} as const;

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('cache_generations')
    .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  for (const [name, { tables, events }] of Object.entries(GENERATIONS)) {
    await db.insertInto('cache_generations').values({ name, value: 0 }).execute();
    const bump = sql.raw(`update cache_generations set value = value + 1 where name = '${name}'`);
    // PostgreSQL caches nothing (storage/generation-cache.ts), so it gets no triggers: the
    // counter row would only make concurrent revocations and edits wait for each other.
    if (dialect !== 'sqlite') continue;
    for (const table of tables) {
      for (const event of events) {
        await sql`create trigger ${sql.raw(`${table}_${event}_bumps_${name}`)} after ${sql.raw(event)} on ${sql.table(table)} begin ${bump}; end`.execute(db);
      }
    }
  }
}
