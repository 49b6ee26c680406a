import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { sql } from 'kysely';
import { createClientStore } from '../../src/storage/client-store.js';
import { openStore } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';
import { createTokenStore } from '../../src/storage/token-store.js';
import { createPostgresSchema } from '../helpers/postgres-schema.js';

const url = process.env.TEST_DATABASE_URL;
const needsPostgres = { skip: !url && 'TEST_DATABASE_URL is not set' };

/** A migrated store on a schema of its own, over one connection (so its prepared statements are the ones listed), with one client. */
async function oneConnectionStore(t: TestContext, name: string) {
  const schema = await createPostgresSchema(url!, name);
  const store = openStore(url!, { searchPath: schema.name, poolSize: 1 });
  t.after(async () => {
    await store.close();
    await schema.drop();
  });
  await migrate(store);
  const clients = createClientStore(store.db, () => 1);
  const { id: clientId } = await clients.create({ name, grantTypes: ['password'], confidential: true }, null);
  const preparedNow = async () => (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(store.db)).rows;
  return { store, clients, clientId, preparedNow };
}

// The hot-path queries that prepared() compiles once are prepared by PostgreSQL once per
// connection (named statements), not parsed and planned on every call; other queries are not.
test('PostgreSQL prepares the queries prepared() compiled, once per connection, and only those', needsPostgres, async (t) => {
  const { clients, clientId: id, preparedNow } = await oneConnectionStore(t, 'prepared');

  const before = await preparedNow();
  assert.equal((await clients.findById(id))?.name, 'prepared');
  assert.equal((await clients.findById(id))?.name, 'prepared', 'the second call runs the prepared statement');
  assert.equal(await clients.findById(id + 1000), undefined);
  const added = (await preparedNow()).filter((row) => !before.some((old) => old.name === row.name));
  assert.equal(added.length, 1, 'one statement, prepared once');
  assert.match(added[0]!.name, /^gatehouse_\d+$/);
  assert.match(added[0]!.statement, /from "oauth_clients"/);
  assert.ok(!(await preparedNow()).some((row) => /pg_prepared_statements/.test(row.statement)), 'ad-hoc queries are not prepared');
});

// An access token and its refresh token are written as one statement (`WITH … AS (INSERT …)
// INSERT …`), prepared like the rest; the token contract suite proves both or
// neither are written on every backend.
test('PostgreSQL writes an access token and its refresh token in one prepared statement', needsPostgres, async (t) => {
  const { store, clientId, preparedNow } = await oneConnectionStore(t, 'together');
  const tokens = createTokenStore(store.db);
  const access = { id: 'a1', userId: null, clientId, name: null, scopes: ['*'], familyId: 'f1', tokenHash: null, revoked: false, createdAt: 1, expiresAt: 2 };
  const refresh = { id: 'r1', familyId: 'f1', accessTokenId: 'a1', clientId, userId: null, scopes: ['*'], authTime: null, revoked: false, usedAt: null, createdAt: 1, expiresAt: 2 };
  await tokens.saveIssued(access, refresh);
  assert.deepEqual(await tokens.findAccessToken('a1'), access);
  assert.deepEqual(await tokens.findRefreshToken('r1'), refresh);
  assert.ok((await preparedNow()).some((row) => /^with "together_1" as \(insert into "access_tokens"/.test(row.statement) && /\) insert into "refresh_tokens"/.test(row.statement)), 'one statement for both inserts');
});

// A rolling upgrade: another instance's migration changes a table under a statement this
// instance has prepared. PostgreSQL then refuses the old plan ("cached plan must not change
// result type"); the statement is prepared again, and the instance keeps answering.
test('PostgreSQL prepares a statement again when a migration changed its table meanwhile', needsPostgres, async (t) => {
  const { store, clients, clientId } = await oneConnectionStore(t, 'replan');
  const tokens = createTokenStore(store.db);
  const access = { id: 'a1', userId: null, clientId, name: null, scopes: ['*'], familyId: null, tokenHash: null, revoked: false, createdAt: 1, expiresAt: 2 };
  await tokens.saveIssued(access);
  assert.deepEqual(await tokens.findAccessToken('a1'), access);
  assert.equal((await clients.findById(clientId))?.id, clientId);
  await sql`alter table access_tokens add column added_later text`.execute(store.db);
  await sql`alter table oauth_clients add column added_later text`.execute(store.db);
  assert.deepEqual(await tokens.findAccessToken('a1'), access, 'a select * statement, prepared again');
  assert.equal((await clients.findById(clientId))?.id, clientId, 'a listed-columns statement keeps its plan');
});
