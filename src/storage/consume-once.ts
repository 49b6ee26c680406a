import { sql, type Kysely } from 'kysely';
import type { DialectName } from './dialect.js';
import { prepared } from './prepared.js';
import { turnBatch } from './turn-batch.js';

interface Consumption {
  id: string;
  now: number;
}

/** A single-use row: marked used by setting `column` to the time of use. */
export interface SingleUse {
  table: 'refresh_tokens' | 'authorization_codes';
  column: 'used_at' | 'consumed_at';
  /** Whether a revoked row (`revoked = 1`) can no longer be used. */
  revocable: boolean;
}

/**
 * PostgreSQL: the single-use rows (refresh tokens, authorization codes) presented during one
 * turn of the event loop, marked used by one statement. The conditions are those of the
 * one-row update (unused, unrevoked, unexpired at each caller's `now`), which PostgreSQL
 * checks again under the row's lock, so each row is marked used once whichever instance
 * asks; of the callers in one turn that present the same row, only the first hears true
 * (RFC 6749 §4.1.2, RFC 9700 §4.14.2).
 */
function consumePerTurn(db: Kysely<any>, { table, column, revocable }: SingleUse): (id: string, now: number) => Promise<boolean> {
  const consume = turnBatch<Consumption, boolean>(async (asked) => {
    const { rows } = await sql<{ id: string }>`
      update ${sql.table(table)} as r set ${sql.ref(column)} = v.now
      from unnest(${asked.map((one) => one.id)}::varchar[], ${asked.map((one) => one.now)}::bigint[]) as v(id, now)
      where r.id = v.id and ${sql.ref(`r.${column}`)} is null ${revocable ? sql`and r.revoked = 0` : sql``} and r.expires_at > v.now
      returning r.id`.execute(db);
    const marked = new Set(rows.map((row) => row.id));
    return new Map(asked.map((one) => [one, marked.delete(one.id)]));
  });
  return async (id, now) => (await consume({ id, now })) === true;
}

/**
 * Marks a single-use row used if it is unused, unrevoked and unexpired at `now`, in one
 * statement; true only for the caller that did (compiled once on SQLite, where it answers
 * in microseconds; batched per turn on PostgreSQL, above).
 */
export function consumeOnce(db: Kysely<any>, dialect: DialectName | undefined, target: SingleUse): (id: string, now: number) => Promise<boolean> {
  if (dialect === 'postgres') return consumePerTurn(db, target);
  const { table, column, revocable } = target;
  const update = prepared(db, (id: string, now: number) => {
    const unused = db.updateTable(table).set({ [column]: now }).where('id', '=', id).where(column, 'is', null).where('expires_at', '>', now);
    return revocable ? unused.where('revoked', '=', 0) : unused;
  });
  return async (id, now) => Number((await update(id, now)).numAffectedRows) === 1;
}
