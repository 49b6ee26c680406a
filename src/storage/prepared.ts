import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { directQueries } from './direct-queries.js';

/** Stands for the n-th argument while a prepared query is built. */
class Slot {
  constructor(readonly index: number) {}
}

type Executor = Pick<Kysely<any>, 'executeQuery'>;

/** Runs on the store; `via(trx)` runs the same statement inside a transaction. */
export type Prepared<A extends unknown[], R> = ((...args: A) => Promise<QueryResult<R>>) & {
  via(executor: Executor): (...args: A) => Promise<QueryResult<R>>;
};

function compileOnce<A extends unknown[], R>(db: Kysely<any>, arity: number, build: (...slots: Slot[]) => Compilable<R>): Prepared<A, R> {
  const compiled: CompiledQuery<R> = build(...Array.from({ length: arity }, (_, i) => new Slot(i))).compile();
  const binding = compiled.parameters.map((value) => (value instanceof Slot ? value.index : -1));
  if (new Set(binding.filter((i) => i >= 0)).size !== arity) throw new Error('prepared: every argument must be bound as a value');
  const direct = directQueries(db);
  const reads = compiled.query.kind === 'SelectQueryNode';
  const via = (executor: Executor) => (...args: A) => {
    const parameters = binding.map((index, at) => (index < 0 ? compiled.parameters[at] : args[index]));
    if (direct && executor === db) {
      try {
        if (reads) return Promise.resolve({ rows: direct.read(compiled.sql, parameters) as R[] });
        const written = direct.write(compiled.sql, parameters);
        if (written) return written as Promise<QueryResult<R>>;
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return executor.executeQuery<R>({ ...compiled, parameters });
  };
  return Object.assign(via(db), { via });
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
  return Object.assign((row: Row) => insert(...bind(row)), { via: (executor: Executor) => (row: Row) => insert.via(executor)(...bind(row)) });
}
