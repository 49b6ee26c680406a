import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { directQueries } from './direct-queries.js';
import { nameStatement } from './statement-names.js';

/** Stands for the n-th argument while a prepared query is built. */
class Slot {
  constructor(readonly index: number) {}
}

/** Runs on the store; `bound` only binds the arguments, for `writeTogether`. */
export type Prepared<A extends unknown[], R> = ((...args: A) => Promise<QueryResult<R>>) & {
  bound(...args: A): CompiledQuery<R>;
};

function compileOnce<A extends unknown[], R>(db: Kysely<any>, arity: number, build: (...slots: Slot[]) => Compilable<R>): Prepared<A, R> {
  const compiled: CompiledQuery<R> = build(...Array.from({ length: arity }, (_, i) => new Slot(i))).compile();
  const binding = compiled.parameters.map((value) => (value instanceof Slot ? value.index : -1));
  if (new Set(binding.filter((i) => i >= 0)).size !== arity) throw new Error('prepared: every argument must be bound as a value');
  const direct = directQueries(db);
  if (!direct) nameStatement(compiled.sql);
  const reads = compiled.query.kind === 'SelectQueryNode';
  const bind = (args: A) => binding.map((index, at) => (index < 0 ? compiled.parameters[at] : args[index]));
  const run = (...args: A) => {
    const parameters = bind(args);
    if (direct) {
      try {
        if (reads) return Promise.resolve({ rows: direct.read(compiled.sql, parameters) as R[] });
        const written = direct.write(compiled.sql, parameters);
        if (written) return written as Promise<QueryResult<R>>;
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return db.executeQuery<R>({ ...compiled, parameters });
  };
  return Object.assign(run, { bound: (...args: A) => ({ ...compiled, parameters: bind(args) }) });
}

/**
 * Writes that must all happen or none. Where direct queries are allowed (SQLite on a file)
 * they run at once in the open group inside a savepoint, without a Kysely transaction's
 * connection lease; elsewhere in one Kysely transaction. (PostgreSQL's hot writes go
 * through insert-rows.ts instead.)
 */
export async function writeTogether(db: Kysely<any>, queries: readonly CompiledQuery[]): Promise<void> {
  const written = directQueries(db)?.writeAll(queries);
  if (written) {
    await written;
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (const query of queries) await trx.executeQuery(query);
  });
}

/**
 * A query built and compiled once, then run with each call's arguments bound as parameters
 * (never spliced into SQL). Kysely otherwise rebuilds and recompiles a query on every
 * execute, which on the token and bearer paths cost as much as SQLite's own work; the SQL
 * text stays the same, so the driver's prepared statement is reused too. Dialect-neutral:
 * the query is compiled by `db`'s dialect. Each argument must be used as a plain value.
 */
export function prepared<A extends unknown[], R>(db: Kysely<any>, build: (...args: A) => Compilable<R>): Prepared<A, R> {
  return compileOnce(db, build.length, build as unknown as (...slots: Slot[]) => Compilable<R>);
}

/** An INSERT of one row with these columns, compiled once; the row's values are bound. */
export function preparedInsert<Row extends Record<string, unknown>>(db: Kysely<any>, table: string, columns: readonly (keyof Row & string)[]): Prepared<[Row], unknown> {
  const insert = compileOnce<unknown[], unknown>(db, columns.length, (...slots) =>
    db.insertInto(table).values(Object.fromEntries(columns.map((column, i) => [column, slots[i]]))),
  );
  const bind = (row: Row) => columns.map((column) => row[column]);
  return Object.assign((row: Row) => insert(...bind(row)), { bound: (row: Row) => insert.bound(...bind(row)) });
}
