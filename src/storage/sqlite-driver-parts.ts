import type BetterSqlite3 from 'better-sqlite3';

export type Statement = BetterSqlite3.Statement<unknown[]>;

/** Prepared statements by SQL text, so a query is parsed once, not per request. */
export class StatementCache {
  readonly #statements = new Map<string, Statement>();
  constructor(private readonly db: BetterSqlite3.Database, private readonly max = 500) {}

  get(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined || statement.busy) {
      statement = this.db.prepare(sql);
      if (this.#statements.size >= this.max) this.#statements.delete(this.#statements.keys().next().value!);
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
