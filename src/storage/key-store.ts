import type { Kysely } from 'kysely';
import type { KeyRepository } from '../keys/key-repository.js';
import type { Database } from './schema.js';

export function createKeyStore(db: Kysely<Database>): KeyRepository {
  return {
    async insert(key) {
      await db
        .insertInto('signing_keys')
        .values({
          kid: key.kid,
          alg: key.alg,
          public_jwk: JSON.stringify(key.publicJwk),
          private_key: key.sealedPrivateKey,
          status: 'active',
          created_at: key.createdAt,
          activated_at: key.activatedAt,
          retired_at: null,
          publish_until: key.publishUntil,
        })
        .execute();
    },
    async listPublished(now) {
      const rows = await db
        .selectFrom('signing_keys')
        .selectAll()
        .where((eb) => eb.or([eb('publish_until', 'is', null), eb('publish_until', '>', now)]))
        .orderBy('activated_at', 'desc')
        .execute();
      return rows.map((row) => ({
        kid: row.kid,
        alg: row.alg as any,
        publicJwk: JSON.parse(row.public_jwk),
        sealedPrivateKey: row.private_key,
        createdAt: row.created_at,
        activatedAt: row.activated_at ?? row.created_at,
        publishUntil: row.publish_until,
      }));
    },
    async discardPendingAfter(alg, activatedAt, exceptKid) {
      await db.deleteFrom('signing_keys').where('alg', '=', alg).where('activated_at', '>', activatedAt).where('kid', '!=', exceptKid).execute();
    },
    async schedulePublishEnd(alg, exceptKid, publishUntil) {
      await db
        .updateTable('signing_keys')
        .set({ publish_until: publishUntil, status: 'retired' })
        .where('alg', '=', alg)
        .where('kid', '!=', exceptKid)
        .where('publish_until', 'is', null)
        .execute();
    },
  };
}
