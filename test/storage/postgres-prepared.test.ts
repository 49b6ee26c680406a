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

// The tokens issued during one turn of the event loop are written by one statement, one
// transaction: rows written together share their `xmin` (the inserting transaction's id).
// The token contract suite proves each caller's rows all or none, and a failing caller alone.
test('PostgreSQL writes the tokens and audit events issued in one turn in one transaction', needsPostgres, async (t) => {
  const { store, clientId } = await oneConnectionStore(t, 'together');
  const tokens = createTokenStore(store.db, 'postgres');
  const access = (id: string) => ({ id, userId: null, clientId, name: null, scopes: ['*'], familyId: `f-${id}`, tokenHash: null, revoked: false, createdAt: 1, expiresAt: 2 });
  const refresh = (id: string) => ({ id: `r-${id}`, familyId: `f-${id}`, accessTokenId: id, clientId, userId: null, scopes: ['*'], authTime: null, revoked: false, usedAt: null, createdAt: 1, expiresAt: 2 });
  const event = (id: string) => ({ event: 'oauth.token_issued', actor: null, target: { type: 'token', id }, ip: null, userAgent: null, details: {}, createdAt: 1 });
  await Promise.all([
    tokens.saveIssued(access('a1')),
    tokens.saveIssued(access('a2'), refresh('a2'), event('a2')),
    tokens.saveIssued(access('a3')),
    tokens.saveIssued(access('a4'), refresh('a4')),
  ]);
  assert.deepEqual(await tokens.findAccessToken('a2'), access('a2'));
  assert.deepEqual(await tokens.findRefreshToken('r-a4'), refresh('a4'));
  const { rows } = await sql<{ xmin: string }>`
    select xmin::text from access_tokens union all select xmin::text from refresh_tokens
    union all select xmin::text from audit_events where event = 'oauth.token_issued'`.execute(store.db);
  assert.equal(rows.length, 7);
  assert.equal(new Set(rows.map((row) => row.xmin)).size, 1, 'one transaction');
  await tokens.saveIssued(access('a5'));
  const later = await sql<{ xmin: string }>`select xmin::text from access_tokens where id = 'a5'`.execute(store.db);
  assert.notEqual(later.rows[0]!.xmin, rows[0]!.xmin, 'a later turn, a transaction of its own');
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
