import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuthorizationCode } from '../codes/authorization-code.js';
import type { CodeRepository } from '../codes/code-repository.js';
import { consumeOnce } from './consume-once.js';
import type { DialectName } from './dialect.js';
import { insertRows } from './insert-rows.js';
import { json, list } from './rows.js';
import type { AuthorizationCodesTable, Database } from './schema.js';
import { readByKey } from './turn-batch.js';

function toCode(row: Selectable<AuthorizationCodesTable>): AuthorizationCode {
  return {
    id: row.id,
    clientId: row.client_id,
    userId: row.user_id,
    redirectUri: row.redirect_uri,
    scopes: list(row.scopes),
    codeChallenge: row.code_challenge,
    nonce: row.nonce,
    authTime: row.auth_time,
    familyId: row.family_id,
    consumedAt: row.consumed_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

function toRow(code: AuthorizationCode): Insertable<AuthorizationCodesTable> {
  return {
    id: code.id,
    client_id: code.clientId,
    user_id: code.userId,
    redirect_uri: code.redirectUri,
    scopes: json(code.scopes),
    code_challenge: code.codeChallenge,
    nonce: code.nonce,
    auth_time: code.authTime,
    family_id: code.familyId,
    consumed_at: code.consumedAt,
    replayed_at: null,
    created_at: code.createdAt,
    expires_at: code.expiresAt,
  };
}

/** Codes are written, read and consumed once per authorization; on PostgreSQL those of one turn together. */
export function createCodeStore(db: Kysely<Database>, dialect?: DialectName): CodeRepository {
  const insert = insertRows(db, dialect);
  const consume = consumeOnce(db, dialect, { table: 'authorization_codes', column: 'consumed_at', revocable: false });
  const findById = readByKey(db, dialect, { select: () => db.selectFrom('authorization_codes').selectAll(), column: 'id', convert: toCode });
  return {
    save: (code) => insert([['authorization_codes', toRow(code)]]),
    find: findById,
    consume,
    async markReplayed(id, now) {
      await db.updateTable('authorization_codes').set({ replayed_at: now }).where('id', '=', id).execute();
    },
    async wasReplayed(id) {
      const row = await db.selectFrom('authorization_codes').select('replayed_at').where('id', '=', id).executeTakeFirst();
      return row !== undefined && row.replayed_at !== null;
    },
  };
}
