import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { BoundedMap } from '../shared/bounded-map.js';
import type { GroupCommitDriver } from './sqlite-group-commit.js';

export type Statement = BetterSqlite3.Statement<unknown[]>;

/** A group of writes from concurrent requests, committed (and fsynced) together. */
export interface Group {
  durable: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

/** Prepared statements by SQL text, so a query is parsed once, not per request. */
export class StatementCache {
  readonly #statements: BoundedMap<string, Statement>;
  constructor(private readonly db: BetterSqlite3.Database, max = 500) {
    this.#statements = new BoundedMap(max);
  }

  get(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined || statement.busy) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

/** A first-in, first-out lock: one holder of the write connection at a time. */
export class Mutex {
  #locked = false;
  readonly #waiting: (() => void)[] = [];

  get locked(): boolean {
    return this.#locked;
  }

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#locked = false;
  }
}

/** A failed fsync is a disk I/O error (503, STYLE): the process must restart to write again. */
export function syncFailure(cause: unknown): Error {
  return Object.assign(new Error('disk I/O error: the database could not be synced to disk; restart Gatehouse', { cause }), { code: 'SQLITE_IOERR' });
}

/** A savepoint name as an SQL identifier. */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function run(statement: Statement, parameters: readonly unknown[]): QueryResult<unknown> {
  if (statement.reader) return { rows: statement.all(parameters as unknown[]) };
  const { changes, lastInsertRowid } = statement.run(parameters as unknown[]);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/**
 * One use of the database by Kysely (one query, or one transaction). Writes join the open
 * group; `group` remembers it so that the use ends only once that group is durable.
 */
export class Lease implements DatabaseConnection {
  group: Group | undefined;
  inTransaction = false;
  constructor(private readonly driver: GroupCommitDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute(this, query) as QueryResult<R>;
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // A fresh statement: a cached one may be needed by another query while this one iterates.
    const statement = this.driver.writer.prepare(query.sql);
    for (const row of statement.iterate(query.parameters as unknown[])) yield { rows: [row as R] };
  }
}
