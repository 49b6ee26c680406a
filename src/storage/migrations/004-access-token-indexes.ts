import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Only personal access tokens have a hash, only tokens with a refresh token a family and only
 * users' tokens a user: the indexes on those columns leave the other rows out, so that a
 * client's own token (client_credentials) updates four b-trees instead of seven. Lookups by
 * `column = ?` use a partial index `where column is not null` on both dialects.
 *
 * SQLite cannot drop the column's UNIQUE constraint on `token_hash`, so the table is rebuilt
 * (nothing references it by foreign key).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await db.schema
      .createTable('access_tokens_rebuilt')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('client_id', 'integer', (c) => c.notNull().references('oauth_clients.id').onDelete('cascade'))
      .addColumn('name', 'varchar(255)')
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('family_id', 'varchar(64)')
      .addColumn('token_hash', 'varchar(64)')
      .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into access_tokens_rebuilt select id, user_id, client_id, name, scopes, family_id, token_hash, revoked, created_at, expires_at from access_tokens`.execute(db);
    await db.schema.dropTable('access_tokens').execute();
    await db.schema.alterTable('access_tokens_rebuilt').renameTo('access_tokens').execute();
    await db.schema.createIndex('access_tokens_client').on('access_tokens').column('client_id').execute();
    await db.schema.createIndex('access_tokens_expires').on('access_tokens').column('expires_at').execute();
  } else {
    await sql`alter table access_tokens drop constraint access_tokens_token_hash_key`.execute(db);
    await db.schema.dropIndex('access_tokens_family').execute();
    await db.schema.dropIndex('access_tokens_user').execute();
  }
  await db.schema.createIndex('access_tokens_hash').on('access_tokens').column('token_hash').unique().where(sql.ref('token_hash'), 'is not', null).execute();
  await db.schema.createIndex('access_tokens_family').on('access_tokens').column('family_id').where(sql.ref('family_id'), 'is not', null).execute();
  await db.schema.createIndex('access_tokens_user').on('access_tokens').columns(['user_id', 'client_id']).where(sql.ref('user_id'), 'is not', null).execute();
}
