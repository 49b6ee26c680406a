import type { Kysely } from 'kysely';
import type { BearerRepository, BearerSubject } from '../api/bearer-repository.js';
import { CLIENT_COLUMNS, toClient } from './client-store.js';
import { generationCache } from './generation-cache.js';
import { prepared } from './prepared.js';
import type { DialectName } from './dialect.js';
import type { Database } from './schema.js';
import { readByKey } from './turn-batch.js';
import { ACCESS_TOKEN_COLUMNS, toAccessTokenRecord } from './token-store.js';
import { USER_COLUMNS, toUser } from './user-store.js';

type Row = Record<string, any>;

/** `alias.column as alias_column` for each column, and the way back to an unprefixed row. */
function aliased(alias: string, columns: readonly string[]) {
  return {
    select: columns.map((column) => `${alias}.${column} as ${alias}_${column}`),
    take(row: Row): Row {
      const out: Row = {};
      for (const column of columns) out[column] = row[`${alias}_${column}`];
      return out;
    },
  };
}

/**
 * Bearer checks run on every API call. Where reads have snapshots (SQLite on a file), the
 * subjects found are cached until anything they hold changes (the `auth` generation, moved
 * by triggers on users, clients and access tokens: storage/generation-cache.ts). PostgreSQL
 * caches nothing; there the JWTs checked in one turn of the event loop share one query
 * (storage/turn-batch.ts), each still read after its request arrived.
 */
export function createBearerStore(db: Kysely<Database>, dialect?: DialectName): BearerRepository {
  const token = aliased('t', ACCESS_TOKEN_COLUMNS);
  const client = aliased('c', CLIENT_COLUMNS);
  const user = aliased('u', USER_COLUMNS);
  const joined = () =>
    db
      .selectFrom('access_tokens as t')
      .innerJoin('oauth_clients as c', 'c.id', 't.client_id')
      .leftJoin('users as u', 'u.id', 't.user_id')
      .select([...token.select, ...client.select, ...user.select] as any);
  const subject = (row: Row): BearerSubject => ({
    token: toAccessTokenRecord(token.take(row) as any),
    client: toClient(client.take(row) as any),
    user: row.u_id === null || row.u_id === undefined ? undefined : toUser(user.take(row) as any),
  });
  const findById = readByKey<string, Row, BearerSubject>(db, dialect, { select: joined, column: 't.id', keyOf: (row) => row.t_id, convert: subject });
  const byHash = prepared(db, (hash: string) => joined().where('t.token_hash', '=', hash));
  const cache = generationCache<BearerSubject | undefined>(db, 'auth');
  async function read(reference: Parameters<BearerRepository['find']>[0]): Promise<BearerSubject | undefined> {
    if ('id' in reference) return findById(reference.id);
    const [row] = (await byHash(reference.hash)).rows as Row[];
    return row && subject(row);
  }
  return {
    find: (reference) => cache.through('id' in reference ? `i${reference.id}` : `h${reference.hash}`, () => read(reference)),
  };
}
