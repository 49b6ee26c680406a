import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { ListPage, ListQuery } from '../shared/list-query.js';

/** `%term%` with the LIKE wildcards escaped; `\` is declared as the escape on both dialects. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Case-insensitive substring match on any of `columns`; the term is always a parameter. */
export function matchesAny(columns: readonly string[], term: string): Expression<SqlBool> {
  const pattern = containsPattern(term);
  const each = columns.map((c) => sql<SqlBool>`lower(${sql.ref(c)}) like lower(${pattern}) escape '\\'`);
  return sql<SqlBool>`(${sql.join(each, sql` or `)})`;
}

export interface PageShape<Row> {
  /** Adds the selection to the filtered query (e.g. `qb => qb.selectAll('users')`). */
  select: (query: SelectQueryBuilder<any, any, {}>) => SelectQueryBuilder<any, any, Row>;
  searchColumns: readonly string[];
  /** Wire `order_by` value → column; the API whitelists the keys. */
  orderColumns: Readonly<Record<string, string>>;
  /** Tie-breaker so that pages are stable. */
  idColumn: string;
}

/** Counts and reads one page of `base` (a query without selection) per the list query. */
export async function listPage<Row>(base: SelectQueryBuilder<any, any, {}>, query: ListQuery, shape: PageShape<Row>): Promise<ListPage<Row>> {
  const column = shape.orderColumns[query.orderBy];
  if (column === undefined) throw new Error(`order_by ${query.orderBy} is not whitelisted`);
  const filtered = query.search ? base.where(matchesAny(shape.searchColumns, query.search)) : base;
  const counted = await filtered.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const ordered = shape.select(filtered).orderBy(sql.ref(column), query.direction);
  const stable = column === shape.idColumn ? ordered : ordered.orderBy(sql.ref(shape.idColumn), query.direction);
  const items = await stable.offset(query.offset).limit(query.limit).execute();
  return { total: Number((counted as { n: number | string }).n), items: items as Row[] };
}
