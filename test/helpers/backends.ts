import { openStore, type Store } from '../../src/storage/database.js';
import { createPostgresSchema } from './postgres-schema.js';

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
  const schema = await createPostgresSchema(url, 'test');
  const store = openStore(url, { searchPath: schema.name, poolSize: 5 });
  return {
    ...store,
    async close() {
      await store.close();
      await schema.drop();
    },
  };
}
