import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/storage/database.js';
import { createPostgresSchema } from './postgres-schema.js';

export interface Backend {
  name: 'sqlite' | 'sqlite-file' | 'postgres';
  open(): Promise<Store>;
}

/**
 * The stores every storage and HTTP test runs on: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set. In CI (CI=true) a missing PostgreSQL is a failure, not a skip.
 * `DIALECTS=sqlite` (or `postgres`) narrows the run; `withSqliteFile` adds SQLite on a file
 * (counted as `sqlite` for DIALECTS).
 */
export function backends(options: { withSqliteFile?: boolean } = {}): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') throw new Error('CI requires TEST_DATABASE_URL (PostgreSQL)');
  const wanted = (process.env.DIALECTS ?? 'sqlite,postgres').split(',');
  const all: Backend[] = [{ name: 'sqlite', open: async () => openStore('sqlite:') }];
  if (options.withSqliteFile) all.push(sqliteFile);
  if (url) all.push({ name: 'postgres', open: () => openPostgresSchema(url) });
  return all.filter((b) => wanted.includes(b.name.replace('-file', '')));
}

/**
 * SQLite on a temporary file: its own read connection, per-turn read snapshots, direct
 * prepared reads and the WAL fsync, which an in-memory database (one connection) never uses.
 * The repository contract suites run on it as well; HTTP tests stay in memory for speed.
 */
const sqliteFile: Backend = {
  name: 'sqlite-file',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-store-'));
    const store = openStore(`sqlite:${join(dir, 'test.db')}`);
    return {
      ...store,
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

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
