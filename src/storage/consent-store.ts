import type { Kysely, Selectable } from 'kysely';
import type { Consent } from '../consents/consent.js';
import type { ConsentRepository } from '../consents/consent-repository.js';
import { json, list } from './rows.js';
import type { ConsentsTable, Database } from './schema.js';

function toConsent(row: Selectable<ConsentsTable>): Consent {
  return { userId: row.user_id, clientId: row.client_id, scopes: list(row.scopes), createdAt: row.created_at };
}

export function createConsentStore(db: Kysely<Database>): ConsentRepository {
  const find = async (userId: number, clientId: number) => {
    const row = await db
      .selectFrom('consents')
      .selectAll()
      .where('user_id', '=', userId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && toConsent(row);
  };
  return {
    find,
    async grant(userId, clientId, scopes, now) {
      // Two approvals racing each write a union that includes what they saw; either is correct.
      const previous = (await find(userId, clientId))?.scopes ?? [];
      const union = json([...new Set([...previous, ...scopes])]);
      await db
        .insertInto('consents')
        .values({ user_id: userId, client_id: clientId, scopes: union, created_at: now })
        .onConflict((oc) => oc.columns(['user_id', 'client_id']).doUpdateSet({ scopes: union, created_at: now }))
        .execute();
    },
    async revoke(userId, clientId) {
      const result = await db
        .deleteFrom('consents')
        .where('user_id', '=', userId)
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async listForUser(userId) {
      const rows = await db.selectFrom('consents').selectAll().where('user_id', '=', userId).orderBy('client_id').execute();
      return rows.map(toConsent);
    },
  };
}
