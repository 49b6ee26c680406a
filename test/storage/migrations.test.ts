import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import type { Store } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';
import { migrationsFor } from '../../src/storage/migrations/index.js';
import { backends } from '../helpers/backends.js';

for (const backend of backends({ withSqliteFile: true })) {
  describe(`migration 004: partial indexes on access tokens [${backend.name}]`, () => {
    let store: Store;
    const token = (id: string, extra: Record<string, unknown> = {}) => ({
      id, user_id: null, client_id: 1, name: null, scopes: '[]', family_id: null, token_hash: null, revoked: 0, created_at: 1, expires_at: 2, ...extra,
    });
    before(async () => {
      store = await backend.open();
      const schema = store.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0].s : undefined;
      const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrationsFor(store.dialect) }, migrationTableSchema: schema });
      const { error } = await migrator.migrateTo('003-authorize-code-replay');
      if (error) throw error;
      const at = { created_at: 1, updated_at: 1 };
      await store.db.insertInto('oauth_clients').values({ id: 1, name: 'c', grant_types: '[]', confidential: 1, ...at } as any).execute();
      await store.db.insertInto('users').values({ id: 1, username: 'u', email: 'u@x', password_hash: 'h', ...at } as any).execute();
      await store.db.insertInto('access_tokens').values([token('machine'), token('pat', { user_id: 1, token_hash: 'h1', name: 'n' }), token('user', { user_id: 1, family_id: 'f1' })]).execute();
      assert.deepEqual(await migrate(store), ['004-access-token-indexes', '005-cache-generations']);
    });
    after(() => store?.close());

    test('every token is kept, column for column', async () => {
      const rows = await store.db.selectFrom('access_tokens').selectAll().orderBy('id').execute();
      assert.deepEqual(rows.map((r) => [r.id, r.user_id, r.token_hash, r.family_id, r.name]), [
        ['machine', null, null, null, null],
        ['pat', 1, 'h1', null, 'n'],
        ['user', 1, null, 'f1', null],
      ]);
    });

    test('a hash is still unique; rows without one are not', async () => {
      await assert.rejects(store.db.insertInto('access_tokens').values(token('dup', { token_hash: 'h1' })).execute());
      await store.db.insertInto('access_tokens').values([token('n1'), token('n2')]).execute();
    });

    test('lookups by hash, family and user use the partial indexes', async () => {
      const plans = {
        access_tokens_hash: sql`select id from access_tokens where token_hash = ${'h1'}`,
        access_tokens_family: sql`select id from access_tokens where family_id = ${'f1'}`,
        access_tokens_user: sql`select id from access_tokens where user_id = ${1} and client_id = ${1}`,
      };
      for (const [index, query] of Object.entries(plans)) {
        const plan = store.dialect === 'postgres'
          ? await store.db.connection().execute(async (db) => {
              await sql`set enable_seqscan = off`.execute(db);
              return (await sql<any>`explain ${query}`.execute(db)).rows.map((r: any) => r['QUERY PLAN']).join('\n');
            })
          : (await sql<any>`explain query plan ${query}`.execute(store.db)).rows.map((r: any) => r.detail).join('\n');
        assert.match(plan, new RegExp(index), `${index}: ${plan}`);
      }
    });
  });
}
