import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';
import { createPostgresSchema, type PostgresSchema } from '../helpers/postgres-schema.js';

const url = process.env.TEST_DATABASE_URL;

// Migrations introspect the database at every start. Kysely's PostgreSQL introspector read
// every schema and failed when another one was dropped meanwhile (seen as flaky tests while
// parallel test files dropped theirs); ours reads only Gatehouse's own schema.
test('PostgreSQL introspection sees only our schema, and survives others being dropped meanwhile', { skip: !url && 'TEST_DATABASE_URL is not set' }, async (t) => {
  const ours = await createPostgresSchema(url!, 'introspect');
  const others: PostgresSchema[] = [];
  let store: Store | undefined;
  t.after(async () => {
    await store?.close();
    await ours.drop();
    for (const other of others) await other.drop();
  });
  for (let i = 0; i < 20; i++) {
    const other = await createPostgresSchema(url!, 'introspect_other');
    const admin = openStore(url!, { searchPath: other.name, poolSize: 1 });
    await sql`create table elsewhere (id serial primary key, note text)`.execute(admin.db);
    await admin.close();
    others.push(other);
  }
  store = openStore(url!, { searchPath: ours.name, poolSize: 2 });
  const dropping = Promise.all(others.map((other) => other.drop()));
  await migrate(store);
  await dropping;

  const tables = await store.db.introspection.getTables();
  const names = tables.map((table) => table.name);
  assert.ok(names.includes('access_tokens') && names.includes('oauth_clients'));
  assert.ok(!names.includes('elsewhere'), "another schema's table is not listed");
  assert.ok(!names.includes('kysely_migration'), 'internal tables only on request');
  const users = tables.find((table) => table.name === 'users')!;
  assert.deepEqual(users.columns.find((column) => column.name === 'id'), { name: 'id', dataType: 'int4', isNullable: false, hasDefaultValue: true, isAutoIncrementing: true });
  assert.ok((await store.db.introspection.getTables({ withInternalKyselyTables: true })).some((table) => table.name === 'kysely_migration'));
});
