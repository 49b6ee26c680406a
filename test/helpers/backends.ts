import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/storage/database.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  open(): Promise<Store>;
}

/**
 * The stores every storage and HTTP test runs on: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set. In CI (CI=true) a missing PostgreSQL is a failure, not a skip.
 * `DIALECTS=sqlite` (or `postgres`) narrows the run.
 */
export function backends(): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') throw new Error('CI requires TEST_DATABASE_URL (PostgreSQL)');
  const wanted = (process.env.DIALECTS ?? 'sqlite,postgres').split(',');
  const all: Backend[] = [{ name: 'sqlite', open: async () => openStore('sqlite:') }];
  if (url) all.push({ name: 'postgres', open: () => openPostgresSchema(url) });
  return all.filter((b) => wanted.includes(b.name));
}

/** A fresh schema per store, dropped on close, so test files run in parallel in isolation. */
async function openPostgresSchema(url: string): Promise<Store> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = openStore(url, { poolSize: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  await admin.close();
  const store = openStore(url, { searchPath: schema, poolSize: 5 });
  return {
    ...store,
    async close() {
      await store.close();
      const cleanup = openStore(url, { poolSize: 1 });
      await sql.raw(`drop schema ${schema} cascade`).execute(cleanup.db);
      await cleanup.close();
    },
  };
}
