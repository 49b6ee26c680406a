import { sql, type Kysely } from 'kysely';
import { turnBatch } from './turn-batch.js';

interface Consumption {
  id: string;
  now: number;
}

/**
 * PostgreSQL: the refresh tokens presented during one turn of the event loop, marked used by
 * one statement. The conditions are those of the one-row update (unused, unrevoked,
 * unexpired at each caller's `now`), which PostgreSQL checks again under the row's lock, so
 * each token is marked used once whichever instance asks; of the callers in one turn that
 * present the same token, only the first hears true (RFC 9700 §4.14.2).
 */
export function consumePerTurn(db: Kysely<any>): (id: string, now: number) => Promise<boolean> {
  const consume = turnBatch<Consumption, boolean>(async (asked) => {
    const { rows } = await sql<{ id: string }>`
      update refresh_tokens as r set used_at = v.now
      from unnest(${asked.map((one) => one.id)}::varchar[], ${asked.map((one) => one.now)}::bigint[]) as v(id, now)
      where r.id = v.id and r.used_at is null and r.revoked = 0 and r.expires_at > v.now
      returning r.id`.execute(db);
    const marked = new Set(rows.map((row) => row.id));
    return new Map(asked.map((one) => [one, marked.delete(one.id)]));
  });
  return async (id, now) => (await consume({ id, now })) === true;
}
