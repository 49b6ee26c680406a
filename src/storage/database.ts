import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect.js';
import type { Database } from './schema.js';
import { allowDirectQueries } from './direct-queries.js';
import { PreparingClient } from './postgres-client.js';
import { GatehousePostgresDialect } from './postgres-dialect.js';
import { GroupCommitDriver, groupCommitDialect } from './sqlite-group-commit.js';
import { WalSync } from './wal-sync.js';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

const PG_INT8 = 20;

/** Opens `sqlite:<path>` (WAL, foreign keys) or `postgres://…` (int8 read as number). */
export function openStore(url: string, options: { searchPath?: string; poolSize?: number } = {}): Store {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: options.poolSize ?? 10,
    // Fail fast (503) instead of queueing requests while the database is unreachable.
    connectionTimeoutMillis: 3000,
    options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
    types: {
      getTypeParser: ((oid: number, format?: any) =>
        oid === PG_INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as any,
    },
  });
  // A dropped connection must not crash the process: the failed query reports it (as 503).
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new GatehousePostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

function openSqlite(path: string): Store {
  const file = path === '' ? ':memory:' : path;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL plus an fsync of the WAL after every commit, off the event loop (WalSync): a
    // transaction survives power loss, not only a process crash, before anyone hears of it.
    // An in-memory database has nothing to sync.
    sqlite.pragma(file === ':memory:' ? 'synchronous = FULL' : 'synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (default 2 MiB): token ids are random, so with a million tokens
    // every insert would otherwise read its index pages back from the OS.
    sqlite.pragma('cache_size = -65536');
    // Statement journals and temporary b-trees in memory: a savepoint that changed more than
    // 64 KiB of pages spilled its journal to a new file in /var/tmp (created, unlinked,
    // written and closed on the event loop, ~30 times a second under the password grant).
    // That journal only rolls a savepoint back in this process; recovery never reads it.
    sqlite.pragma('temp_store = MEMORY');
  } catch (error) {
    throw new Error(`cannot open the SQLite database ${file}: ${(error as Error).message} (is its directory present and writable?)`, { cause: error });
  }
  // Reads outside transactions use their own connection: committed data only (WAL snapshots).
  const reader = file === ':memory:' ? undefined : new SQLite(file, { readonly: true });
  reader?.pragma('busy_timeout = 5000');
  reader?.pragma('cache_size = -65536');
  reader?.pragma('temp_store = MEMORY');
  const driver = new GroupCommitDriver(sqlite, reader, reader && new WalSync(file));
  const db = new Kysely<Database>({ dialect: groupCommitDialect(driver) });
  if (reader) {
    allowDirectQueries(db, {
      read: (query, parameters) => driver.readCommitted(query, parameters),
      write: (query, parameters) => driver.writeNow(query, parameters),
      writeAll: (statements) => driver.writeAllNow(statements),
      snapshot: () => driver.readSnapshot(),
    });
  }
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
