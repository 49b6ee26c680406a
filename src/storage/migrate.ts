import { Migrator } from 'kysely';
import type { Store } from './database.js';
import { migrationsFor } from './migrations/index.js';

/** Applies pending migrations; returns the names applied. Throws on the first failure. */
export async function migrate(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrationsFor(store.dialect) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
