import type { Kysely } from 'kysely';

/**
 * `authorization_codes.replayed_at`: set when a consumed code is presented again, so that a
 * redemption racing the replay revokes the tokens it issues (RFC 6749 §4.1.2).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('authorization_codes').addColumn('replayed_at', 'bigint').execute();
}
