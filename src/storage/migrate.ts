import { Migrator, sql } from 'kysely';
import type { Store } from './database.js';
import { migrationsFor } from './migrations/index.js';

/**
 * Applies pending migrations; returns the names applied. Throws on the first failure.
 * On PostgreSQL the bookkeeping tables are pinned to the current schema: Kysely otherwise
 * finds another schema's tables and skips creating its own.
 */
export async function migrate(store: Store): Promise<string[]> {
  const migrationTableSchema =
    store.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0].schema
      : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrationsFor(store.dialect) },
    migrationTableSchema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
