import type { Kysely, Selectable } from 'kysely';
import { PERSONAL_ACCESS_CLIENT_ID } from '../clients/client.js';
import type { PersonalTokenRepository } from '../tokens/personal-token-repository.js';
import { listPage } from './list-page.js';
import { bool, list } from './rows.js';
import type { AccessTokensTable, Database } from './schema.js';

function toRecord(row: Selectable<AccessTokensTable>) {
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

export function createPersonalTokenStore(db: Kysely<Database>): PersonalTokenRepository {
  const owned = (userId: number) =>
    db
      .selectFrom('access_tokens')
      .where('user_id', '=', userId)
      .where('client_id', '=', PERSONAL_ACCESS_CLIENT_ID)
      .where('token_hash', 'is not', null);
  return {
    async page(userId, query) {
      const page = await listPage(owned(userId), query, {
        select: (qb) => qb.selectAll(),
        searchColumns: ['name'],
        orderColumns: { created_at: 'created_at', name: 'name', expires_at: 'expires_at' },
        idColumn: 'id',
      });
      return { total: page.total, items: page.items.map((row) => toRecord(row as Selectable<AccessTokensTable>)) };
    },
    async find(userId, id) {
      const row = await owned(userId).selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
    async revoke(userId, id) {
      const result = await db
        .updateTable('access_tokens')
        .set({ revoked: 1 })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('client_id', '=', PERSONAL_ACCESS_CLIENT_ID)
        .where('token_hash', 'is not', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
