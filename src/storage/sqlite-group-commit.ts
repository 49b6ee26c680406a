import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { Lease, Mutex, StatementCache, quote, run, syncFailure, type Group, type Statement } from './sqlite-driver-parts.js';
import { ReadSnapshot } from './sqlite-read-snapshot.js';
import type { WalSync } from './wal-sync.js';

/**
 * SQLite with group commit. A durable commit costs an fsync (0.2–1 ms here), so a commit per
 * write would cap the server at a few thousand writes per second. Instead, writes made
 * outside an explicit transaction, and explicit transactions (as savepoints), join one open
 * transaction, committed once per turn of the event loop, or, while the previous commit's
 * fsync runs off the event loop (WalSync), as soon as it ends. No caller's promise resolves
 * before the commit that contains its write is on disk, so what a caller is told was
 * written survives power loss, and a write that fails still fails only its caller.
 *
 * Reads outside transactions go to a second, read-only connection that sees committed data
 * only (WAL snapshots, one per turn of the event loop: see ReadSnapshot), so they never wait
 * for a group nor see a transaction in progress. A commit is visible from the moment SQLite
 * writes it, up to one fsync before its writers hear of it. An in-memory database has one
 * connection, which serves both, and nothing to sync.
 */
export class GroupCommitDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #writes: StatementCache;
  readonly #reads: StatementCache;
  readonly #snapshot: ReadSnapshot | undefined;
  #group: Group | undefined;
  /** The WAL fsync of the last commit, while it runs: the next group waits for it to end. */
  #syncing: Promise<void> | undefined;
  /** Set when an fsync failed: what was written may not be on disk, so no write is accepted. */
  #failed: Error | undefined;
  #closed = false;

  /** Without `walSync` (in-memory databases), a commit is complete when `commit` returns. */
  constructor(readonly writer: BetterSqlite3.Database, private readonly reader: BetterSqlite3.Database = writer, private readonly walSync?: WalSync) {
    this.#writes = new StatementCache(writer);
    this.#reads = reader === writer ? this.#writes : new StatementCache(reader);
    this.#snapshot = reader === writer ? undefined : new ReadSnapshot(reader);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return new Lease(this);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#mutex.unlock();
    const { group } = connection as Lease;
    if (group) await group.durable;
  }

  /**
   * A read outside any transaction, run at once on the read connection: what `execute`
   * does for it, without the lease and the promises around it (see storage/direct-queries).
   */
  readCommitted(sql: string, parameters: readonly unknown[]): unknown[] {
    if (this.#closed) throw new Error('the database is closed');
    this.#snapshot?.enter();
    return this.#reads.get(sql).all(parameters as unknown[]);
  }

  /** The serial of the read snapshot that the next `readCommitted` uses (see ReadSnapshot). */
  readSnapshot(): number {
    if (!this.#snapshot) throw new Error('an in-memory database has no read snapshots');
    this.#snapshot.enter();
    return this.#snapshot.serial;
  }

  /**
   * A write outside any transaction, run at once in the open group when no transaction
   * holds the connection (else undefined); resolves, as through a lease, once durable.
   */
  writeNow(sql: string, parameters: readonly unknown[]): Promise<QueryResult<unknown>> | undefined {
    if (this.#mutex.locked) return undefined;
    const { group, result } = this.#write(this.#writes.get(sql), parameters);
    return group.durable.then(() => result);
  }

  execute(lease: Lease, query: CompiledQuery): QueryResult<unknown> {
    const statement = this.#writes.get(query.sql);
    if (!lease.inTransaction && statement.readonly) {
      return this.#snapshot ? { rows: this.readCommitted(query.sql, query.parameters) } : run(statement, query.parameters);
    }
    const { group, result } = this.#write(statement, query.parameters);
    lease.group = group;
    return result;
  }

  /**
   * Writes that stand or fall together, run at once in the open group inside a savepoint when
   * no transaction holds the connection (else undefined); resolves once durable. A failing
   * statement undoes the ones before it and fails only this call.
   */
  writeAllNow(statements: readonly { sql: string; parameters: readonly unknown[] }[]): Promise<QueryResult<unknown>[]> | undefined {
    if (this.#mutex.locked) return undefined;
    const group = this.#open();
    this.writer.exec('savepoint direct_writes');
    try {
      const results = statements.map(({ sql, parameters }) => run(this.#writes.get(sql), parameters));
      this.writer.exec('release direct_writes');
      return group.durable.then(() => results);
    } catch (error) {
      if (this.writer.inTransaction) {
        this.writer.exec('rollback to direct_writes');
        this.writer.exec('release direct_writes');
      }
      this.#abandonIfRolledBack(error);
      return Promise.reject(error);
    }
  }

  /** Runs a statement in the open group (beginning one if needed). */
  #write(statement: Statement, parameters: readonly unknown[]): { group: Group; result: QueryResult<unknown> } {
    const group = this.#open();
    try {
      return { group, result: run(statement, parameters) };
    } catch (error) {
      this.#abandonIfRolledBack(error);
      throw error;
    }
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    this.#open();
    this.writer.exec('savepoint kysely_transaction');
    lease.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    lease.inTransaction = false;
    this.#assertOpen();
    this.writer.exec('release kysely_transaction');
    lease.group = this.#group;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as Lease).inTransaction = false;
    if (!this.writer.inTransaction) return;
    this.writer.exec('rollback to kysely_transaction');
    this.writer.exec('release kysely_transaction');
  }

  async savepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    this.writer.exec(`savepoint ${quote(name)}`);
  }

  async rollbackToSavepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    this.writer.exec(`rollback to ${quote(name)}`);
  }

  async releaseSavepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    this.writer.exec(`release ${quote(name)}`);
  }

  async destroy(): Promise<void> {
    await this.#mutex.lock(); // after the queries already waiting for the connection
    this.#closed = true;
    try {
      await this.#syncing;
      this.#commit();
    } finally {
      this.#mutex.unlock();
      this.walSync?.close();
      this.#snapshot?.release();
      if (this.reader !== this.writer) this.reader.close();
      this.writer.close();
    }
  }

  /** The open group, beginning one (and scheduling its commit) if there is none. */
  #open(): Group {
    if (this.#group) return this.#group;
    if (this.#closed) throw new Error('the database is closed');
    if (this.#failed) throw this.#failed;
    this.writer.exec('begin immediate');
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const durable = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    durable.catch(() => {}); // a group nobody waits on must not be an unhandled rejection
    this.#group = { durable, resolve, reject };
    setImmediate(() => this.#flush().catch(() => {})); // failures reach the group's callers
    return this.#group;
  }

  async #flush(): Promise<void> {
    // Waits for any explicit transaction in progress: it commits with the group.
    await this.#mutex.lock();
    try {
      if (!this.#syncing) this.#commit(); // else it commits when that sync ends
    } finally {
      this.#mutex.unlock();
    }
  }

  /**
   * Commits the open group, then tells its callers once the commit is on disk. While the WAL
   * fsync runs (off the event loop), new writes gather in the next group, which commits when
   * the sync ends: the slower the disk, the larger the groups.
   */
  #commit(): void {
    const group = this.#group;
    if (!group) return;
    this.#group = undefined;
    // Reads after this commit must see it; and a checkpoint (run by the commit) is not held back.
    this.#snapshot?.release();
    try {
      this.writer.exec('commit');
    } catch (error) {
      try {
        if (this.writer.inTransaction) this.writer.exec('rollback');
      } finally {
        group.reject(error);
      }
      return;
    }
    if (!this.walSync) return group.resolve();
    if (this.#closed) {
      this.walSync.syncNow();
      return group.resolve();
    }
    this.#syncing = this.walSync.sync().then(
      () => group.resolve(),
      (error) => group.reject((this.#failed = syncFailure(error))),
    );
    void this.#syncing.finally(() => {
      this.#syncing = undefined;
      if (this.#group) this.#flush().catch(() => {});
    });
  }

  /** SQLite rolls the whole transaction back on some errors (I/O, full disk): the group is lost. */
  #abandonIfRolledBack(error: unknown): void {
    if (this.#group && !this.writer.inTransaction) {
      const group = this.#group;
      this.#group = undefined;
      group.reject(error);
    }
  }

  #assertOpen(): void {
    if (!this.writer.inTransaction) {
      const error = new Error('the transaction was rolled back by SQLite');
      this.#abandonIfRolledBack(error);
      throw error;
    }
  }
}

/** Kysely's SQLite dialect with the group-commit driver above. */
export function groupCommitDialect(driver: GroupCommitDriver): Dialect {
  return {
    createDriver: () => driver,
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createAdapter: () => new SqliteAdapter(),
    createIntrospector: (db: Kysely<any>) => new SqliteIntrospector(db),
  };
}
