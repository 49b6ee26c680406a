import { CompiledQuery, InsertQueryNode } from 'kysely';

/**
 * PostgreSQL: plain inserts joined into one statement through data-modifying CTEs
 * (`WITH "together_1" AS (INSERT …) INSERT …`, PostgreSQL manual §7.8.4): all rows or none, as
 * a statement is atomic, in one round trip. Only inserts without RETURNING and without
 * literals in their text (every value a `$n` parameter, renumbered here in order).
 */
export function insertsInOneStatement(queries: readonly CompiledQuery[]): CompiledQuery {
  if (queries.length === 1) return queries[0]!;
  if (!queries.every((query) => InsertQueryNode.is(query.query) && !query.query.returning && !query.sql.includes("'"))) {
    throw new Error('insertsInOneStatement: only plain inserts with parameters can be joined');
  }
  let offset = 0;
  const texts = queries.map((query) => {
    const shift = offset;
    offset += query.parameters.length;
    return query.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`);
  });
  const text = `with ${texts.slice(0, -1).map((insert, i) => `"together_${i + 1}" as (${insert})`).join(', ')} ${texts.at(-1)}`;
  return CompiledQuery.raw(text, queries.flatMap((query) => query.parameters));
}
