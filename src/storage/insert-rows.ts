import type { CompiledQuery, Kysely } from 'kysely';
import type { DialectName } from './dialect.js';
import { insertsInOneStatement } from './postgres-together.js';
import { preparedInsert, writeTogether, type Prepared } from './prepared.js';
import { turnBatch } from './turn-batch.js';

/** The rows one caller writes together, by table: all of them or none. */
export type TableRows = readonly (readonly [table: string, row: Record<string, unknown>])[];

/** One multi-row INSERT per table, joined into one statement when there are several. */
function statementFor(db: Kysely<any>, writes: readonly TableRows[]): CompiledQuery {
  const byTable = new Map<string, Record<string, unknown>[]>();
  for (const rows of writes) {
    for (const [table, row] of rows) {
      const list = byTable.get(table);
      if (list) list.push(row);
      else byTable.set(table, [row]);
    }
  }
  const inserts = [...byTable].map(([table, rows]) => db.insertInto(table).values(rows).compile());
  return insertsInOneStatement(inserts);
}

/**
 * PostgreSQL: the inserts that the requests of one turn of the event loop ask for, written
 * by one statement (a multi-row INSERT per table; several joined by data-modifying CTEs) in
 * one round trip and one commit, instead of a round trip and a commit each. A statement is
 * atomic: when it fails, none of it was written, and each caller's rows are tried again on
 * their own, so a failing write fails only its own caller. A caller hears of its rows only
 * after the statement holding them committed. Each statement holds at most 100 callers'
 * rows (turn-batch.ts).
 */
function insertsPerTurn(db: Kysely<any>): (rows: TableRows) => Promise<void> {
  const write = turnBatch<TableRows, unknown>(async (writes) => {
    try {
      await db.executeQuery(statementFor(db, writes));
      return new Map();
    } catch (error) {
      if (writes.length === 1) return new Map([[writes[0]!, error]]);
      const alone = await Promise.all(writes.map((rows) => db.executeQuery(statementFor(db, [rows])).then(() => undefined, (failure: unknown) => failure ?? error)));
      return new Map(writes.map((rows, i) => [rows, alone[i]]));
    }
  });
  return async (rows) => {
    const failure = await write(rows);
    if (failure !== undefined) throw failure;
  };
}

/**
 * Writes one caller's rows, all or none. On SQLite each table's insert is compiled once per
 * set of columns (prepared.ts) and several rows go through `writeTogether`; on PostgreSQL the
 * rows of one turn's callers share a statement (above).
 */
export function insertRows(db: Kysely<any>, dialect: DialectName | undefined): (rows: TableRows) => Promise<void> {
  if (dialect === 'postgres') return insertsPerTurn(db);
  const inserts = new Map<string, Prepared<[Record<string, unknown>], unknown>>();
  const insertFor = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    const key = `${table}(${columns.join()})`;
    let insert = inserts.get(key);
    if (!insert) inserts.set(key, (insert = preparedInsert(db, table, columns)));
    return insert;
  };
  return async (rows) => {
    if (rows.length === 1) {
      const [table, row] = rows[0]!;
      await insertFor(table, row)(row);
      return;
    }
    await writeTogether(db, rows.map(([table, row]) => insertFor(table, row).bound(row)));
  };
}
