import { CompiledQuery, InsertQueryNode, type Kysely } from 'kysely';
import { nameStatement, statementName } from './statement-names.js';

const postgresStores = new WeakSet<Kysely<any>>();

/** Marks a PostgreSQL store, whose inserts `writeTogether` may join into one statement. */
export function allowInsertsInOneStatement(db: Kysely<any>): void {
  postgresStores.add(db);
}

/**
 * Plain inserts joined into one PostgreSQL statement through data-modifying CTEs
 * (`WITH "together_1" AS (INSERT …) INSERT …`, PostgreSQL manual §7.8.4): all rows or none, as
 * a statement is atomic, in one round trip where a transaction takes four (`begin`, the
 * inserts, `commit`). Only inserts without RETURNING and without literals in their text,
 * whose `$n` parameters are renumbered in order; anything else gets undefined.
 */
export function insertsInOneStatement(db: Kysely<any>, queries: readonly CompiledQuery[]): CompiledQuery | undefined {
  if (!postgresStores.has(db) || queries.length < 2) return undefined;
  if (!queries.every((query) => InsertQueryNode.is(query.query) && !query.query.returning && !query.sql.includes("'"))) return undefined;
  let offset = 0;
  const texts = queries.map((query) => {
    const shift = offset;
    offset += query.parameters.length;
    return query.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`);
  });
  const text = `with ${texts.slice(0, -1).map((insert, i) => `"together_${i + 1}" as (${insert})`).join(', ')} ${texts.at(-1)}`;
  // Prepared when its parts were: then its text, too, is one of a fixed few.
  if (queries.every((query) => statementName(query.sql) !== undefined)) nameStatement(text);
  return CompiledQuery.raw(text, queries.flatMap((query) => query.parameters));
}
