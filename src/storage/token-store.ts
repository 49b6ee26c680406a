import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AccessTokenRecord, RefreshTokenRecord } from '../tokens/token-records.js';
import type { TokenRepository } from '../tokens/token-repository.js';
import { auditRow } from './audit-store.js';
import type { DialectName } from './dialect.js';
import { consumeOnce } from './consume-once.js';
import { insertRows } from './insert-rows.js';
import { prepared } from './prepared.js';
import { bool, int, json, list } from './rows.js';
import type { AccessTokensTable, Database, RefreshTokensTable } from './schema.js';
import { readByKey } from './turn-batch.js';

export const ACCESS_TOKEN_COLUMNS = ['id', 'user_id', 'client_id', 'name', 'scopes', 'family_id', 'token_hash', 'revoked', 'created_at', 'expires_at'] as const;

export function toAccessTokenRecord(row: Selectable<AccessTokensTable>): AccessTokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    clientId: row.client_id,
    name: row.name,
    scopes: list(row.scopes),
    familyId: row.family_id,
    tokenHash: row.token_hash,
    revoked: bool(row.revoked),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

function toRefresh(row: Selectable<RefreshTokensTable>): RefreshTokenRecord {
  return {
    id: row.id,
    familyId: row.family_id,
    accessTokenId: row.access_token_id,
    clientId: row.client_id,
    userId: row.user_id,
    scopes: list(row.scopes),
    authTime: row.auth_time,
    revoked: bool(row.revoked),
    usedAt: row.used_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

function toAccessTokenRow(access: AccessTokenRecord): Insertable<AccessTokensTable> {
  return {
    id: access.id,
    user_id: access.userId,
    client_id: access.clientId,
    name: access.name,
    scopes: json(access.scopes),
    family_id: access.familyId,
    token_hash: access.tokenHash,
    revoked: int(access.revoked),
    created_at: access.createdAt,
    expires_at: access.expiresAt,
  };
}

function toRefreshTokenRow(refresh: RefreshTokenRecord): Insertable<RefreshTokensTable> {
  return {
    id: refresh.id,
    family_id: refresh.familyId,
    access_token_id: refresh.accessTokenId,
    client_id: refresh.clientId,
    user_id: refresh.userId,
    scopes: json(refresh.scopes),
    auth_time: refresh.authTime,
    revoked: int(refresh.revoked),
    used_at: refresh.usedAt,
    created_at: refresh.createdAt,
    expires_at: refresh.expiresAt,
  };
}

export function createTokenStore(db: Kysely<Database>, dialect?: DialectName): TokenRepository {
  // The statements of issuing, bearer checks, introspection and refresh, compiled once; on
  // PostgreSQL those of one turn's requests run together (insert-rows.ts,
  // consume-once.ts, turn-batch.ts).
  const insert = insertRows(db, dialect);
  const accessById = prepared(db, (id: string) => db.selectFrom('access_tokens').selectAll().where('id', '=', id));
  const refreshById = readByKey(db, dialect, { select: () => db.selectFrom('refresh_tokens').selectAll(), column: 'id', convert: toRefresh });
  const consume = consumeOnce(db, dialect, { table: 'refresh_tokens', column: 'used_at', revocable: true });
  return {
    async saveIssued(access, refresh, event) {
      const rows: [string, Record<string, unknown>][] = [['access_tokens', toAccessTokenRow(access)]];
      if (refresh) rows.push(['refresh_tokens', toRefreshTokenRow(refresh)]);
      if (event) rows.push(['audit_events', auditRow(event)]);
      await insert(rows);
    },
    async findAccessToken(id) {
      const [row] = (await accessById(id)).rows;
      return row && toAccessTokenRecord(row);
    },
    findRefreshToken: refreshById,
    consumeRefreshToken: consume,
    async revokeAccessToken(id) {
      await db.updateTable('access_tokens').set({ revoked: 1 }).where('id', '=', id).execute();
    },
    async revokeFamily(familyId) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('access_tokens').set({ revoked: 1 }).where('family_id', '=', familyId).execute();
        await trx.updateTable('refresh_tokens').set({ revoked: 1 }).where('family_id', '=', familyId).execute();
      });
    },
    async revokeMatching(filter) {
      return db.transaction().execute(async (trx) => {
        let access = trx.updateTable('access_tokens').set({ revoked: 1 }).where('revoked', '=', 0);
        let refresh = trx.updateTable('refresh_tokens').set({ revoked: 1 }).where('revoked', '=', 0);
        if (filter.clientId !== undefined) {
          access = access.where('client_id', '=', filter.clientId);
          refresh = refresh.where('client_id', '=', filter.clientId);
        }
        if (filter.userId !== undefined) {
          access = access.where('user_id', '=', filter.userId);
          refresh = refresh.where('user_id', '=', filter.userId);
        }
        if (filter.issuedAfter !== undefined) {
          access = access.where('created_at', '>=', filter.issuedAfter);
          refresh = refresh.where('created_at', '>=', filter.issuedAfter);
        }
        const result = await access.executeTakeFirst();
        await refresh.execute();
        return Number(result.numUpdatedRows);
      });
    },
    async listPersonalTokens(userId) {
      const rows = await db
        .selectFrom('access_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .where('token_hash', 'is not', null)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toAccessTokenRecord);
    },
  };
}
