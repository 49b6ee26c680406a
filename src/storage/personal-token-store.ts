import type { Kysely, Selectable } from 'kysely';
import { PERSONAL_ACCESS_CLIENT_ID } from '../clients/client.js';
import type { PersonalTokenRepository } from '../tokens/personal-token-repository.js';
import { listPage } from './list-page.js';
import { toAccessTokenRecord } from './token-store.js';
import type { AccessTokensTable, Database } from './schema.js';

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
      return { total: page.total, items: page.items.map((row) => toAccessTokenRecord(row as Selectable<AccessTokensTable>)) };
    },
    async find(userId, id) {
      const row = await owned(userId).selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAccessTokenRecord(row);
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
